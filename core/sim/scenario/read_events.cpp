// events: scheduled (at a time), random (a probability per session, hour, FFP unit or litre
// processed; drawn from the event's own stream, sim/events/schedule.hpp) and conditional (a
// condition on the simulated state or on the trainee's actions), each with its effects.
#include <algorithm>

#include "sim/scenario/action_reader.hpp"
#include "sim/scenario/fields.hpp"
#include "sim/scenario/sections.hpp"
#include "text/did_you_mean.hpp"

namespace lb::sim::scenario::detail {

using yaml::MapReader;
using yaml::Need;

namespace {

/// The keys of an effect mapping that name its kind.
constexpr const char* kEffectKinds = "alarm, note or action";

std::optional<Effect> read_effect(MapReader& r, Context& c) {
  Effect e;
  e.where = r.location();
  const int kinds = int{r.has("alarm")} + int{r.has("note")} + int{r.has("action")};
  if (kinds != 1) {
    r.diagnostics().error(
        r.location(), r.path(),
        std::string(kinds == 0 ? "an effect needs one of: " : "an effect has exactly one of: ") +
            kEffectKinds);
    return std::nullopt;
  }
  if (r.has("alarm")) {
    e.kind = Effect::Kind::alarm;
    const auto id = id_field(r, "alarm", Need::required);
    if (id) {
      e.alarm = *id;
      c.references.push_back(
          {Reference::Kind::alarm, *id, r.location_of_value("alarm"), r.key_path("alarm")});
    }
    if (r.has("cleared_by")) {
      const auto words = r.text_list("cleared_by", Need::optional);
      if (words) {
        for (const auto& w : *words) {
          if (std::find(c.vocabulary.actions.begin(), c.vocabulary.actions.end(), w) ==
              c.vocabulary.actions.end()) {
            r.error_at("cleared_by", "'" + w + "' is not an action" +
                                         text::did_you_mean_suffix(w, c.vocabulary.actions));
            return std::nullopt;
          }
        }
        e.cleared_by = *words;
      }
    }
    return id ? std::optional<Effect>(e) : std::nullopt;
  }
  if (r.has("note")) {
    e.kind = Effect::Kind::note;
    const auto t = r.text("note", Need::required);
    if (!t) return std::nullopt;
    e.text = *t;
    return e;
  }
  e.kind = Effect::Kind::action;
  // Alarm acts (acknowledge, inject_alarm...) are a person's, not an event's: an effect raises
  // an alarm with `alarm:`.
  const auto name =
      name_in(r, "action", Need::required, action_names(), "an action an event can take");
  if (!name) return std::nullopt;
  return read_action_arguments(r, *name, e) ? std::optional<Effect>(e) : std::nullopt;
}

void read_common(MapReader& r, Context& c, std::string& id, std::vector<Effect>& effects,
                 std::string& note) {
  if (auto i = id_field(r, "id", Need::required)) {
    id = *i;
    check_unique(r, "id", id, c.event_ids, "event");
  }
  effects = read_effects(r, "effects", c);
  if (auto n = r.text("debrief_note", Need::optional)) note = *n;
}

}  // namespace

std::vector<Effect> read_effects(MapReader& r, const std::string& key, Context& c) {
  std::vector<Effect> out;
  bool any = false;
  for_each_mapping(r, key, Need::required, [&](MapReader& item) {
    any = true;
    if (auto e = read_effect(item, c)) out.push_back(std::move(*e));
  });
  if (!any && r.has(key)) r.error_at(key, "is an empty list; an event needs at least one effect");
  return out;
}

void read_events(MapReader& top, Context& c) {
  MapReader events = top.child("events", Need::optional);
  for_each_mapping(events, "scheduled", Need::optional, [&](MapReader& r) {
    ScheduledEvent e;
    read_common(r, c, e.id, e.effects, e.debrief_note);
    const auto at = sim_time(r, "at", Need::required);
    if (at && *at > c.scenario.duration_s && c.scenario.duration_s > 0) {
      r.error_at("at", "is after the end of the scenario (its duration)");
    }
    e.at = at.value_or(0);
    c.scenario.scheduled.push_back(std::move(e));
  });
  for_each_mapping(events, "random", Need::optional, [&](MapReader& r) {
    RandomEvent e;
    read_common(r, c, e.id, e.effects, e.debrief_note);
    e.probability = probability(r, "probability", Need::required).value_or(0.0);
    e.basis = r.choice("per", Need::required, kBasisNames.options()).value_or(HazardBasis::session);
    c.scenario.random.push_back(std::move(e));
  });
  for_each_mapping(events, "conditional", Need::optional, [&](MapReader& r) {
    ConditionalEvent e;
    read_common(r, c, e.id, e.effects, e.debrief_note);
    if (auto w = read_condition(r, "when", Need::required, c)) e.when = std::move(*w);
    e.once = r.boolean("once", Need::optional).value_or(true);
    c.scenario.conditional.push_back(std::move(e));
  });
  events.finish();
}

}  // namespace lb::sim::scenario::detail
