// What the scenario teaches: learning objectives, the critical actions the trainee should
// take (with time windows, weights and the objective each serves), the weights of the
// composite score, the author's expectations (`expectations`) and the debrief prompts. Also
// the check of names that point across the file.
#include <algorithm>
#include <cmath>

#include "sim/scenario/fields.hpp"
#include "sim/scenario/sections.hpp"
#include "text/did_you_mean.hpp"
#include "text/format.hpp"

namespace lb::sim::scenario::detail {

using yaml::MapReader;
using yaml::Need;

namespace {

void read_critical_action(MapReader& r, Context& c, std::vector<std::string>& ids) {
  CriticalAction a;
  if (auto id = id_field(r, "id", Need::required)) {
    a.id = *id;
    check_unique(r, "id", *id, ids, "critical action");
  }
  if (r.has("action") == r.has("any_of")) {
    r.diagnostics().error(r.location(), r.path(),
                          "a critical action names exactly one of: action (one action), any_of "
                          "(a list of actions)");
    if (r.has("action")) (void)r.node("action", Need::optional);
    if (r.has("any_of")) (void)r.node("any_of", Need::optional);
  } else if (r.has("action")) {
    if (auto name = name_in(r, "action", Need::required, c.vocabulary.actions, "an action")) {
      a.any_of.push_back(*name);
    }
  } else if (auto words = r.text_list("any_of", Need::required)) {
    for (const auto& w : *words) {
      if (std::find(c.vocabulary.actions.begin(), c.vocabulary.actions.end(), w) ==
          c.vocabulary.actions.end()) {
        r.error_at("any_of", "'" + w + "' is not an action" +
                                 text::did_you_mean_suffix(w, c.vocabulary.actions));
      } else {
        a.any_of.push_back(w);
      }
    }
  }
  if (auto after = id_field(r, "after", Need::optional)) {
    a.after = *after;
    c.references.push_back(
        {Reference::Kind::event, *after, r.location_of_value("after"), r.key_path("after")});
  }
  a.within_s = sim_time(r, "within", Need::required, /*positive=*/true).value_or(0);
  if (r.has("weight")) {
    if (auto w = r.number("weight", Need::optional)) {
      if (!(*w > 0.0) || *w > 100.0) {
        r.error_at("weight", "must be above 0 and at most 100");
      } else {
        a.weight = *w;
      }
    }
  }
  if (auto o = id_field(r, "objective", Need::optional)) {
    a.objective = *o;
    c.references.push_back({Reference::Kind::objective, *o, r.location_of_value("objective"),
                            r.key_path("objective")});
  }
  if (auto prompt = r.text("prompt", Need::optional)) a.prompt = *prompt;
  c.scenario.critical_actions.push_back(std::move(a));
}

void read_weights(MapReader& top, Context& c) {
  if (!top.has("scoring")) return;
  MapReader w = top.child("scoring", Need::optional);
  const auto share = [&](const char* key) -> std::optional<double> {
    const auto q = w.quantity(key, Need::required, units::Dimension::fraction);
    if (!q) return std::nullopt;
    if (q->si_value < 0.0 || q->si_value > 1.0) {
      w.error_at(key, "must be from 0 % to 100 %");
      return std::nullopt;
    }
    return q->si_value;
  };
  const auto a = share("critical_actions");
  const auto b = share("alarm_handling");
  const auto h = share("harm");
  w.finish();
  if (!a || !b || !h) return;
  if (std::abs(*a + *b + *h - 1.0) > 1e-9) {
    w.diagnostics().error(w.location(), w.path(),
                          "the shares add up to " + text::fixed((*a + *b + *h) * 100.0, 1) +
                              " %; they must add up to 100 %");
    return;
  }
  c.scenario.weights = ScoringWeights{*a, *b, *h};
}

/// `expectations`: the author's teaching expectations beyond the protocol (the debrief's
/// deviations check them); a mapping of known keys only.
void read_expectations(MapReader& top, Context& c) {
  if (!top.has("expectations")) return;
  MapReader e = top.child("expectations", Need::optional);
  c.scenario.expectations.warmer_with_ffp =
      e.boolean("warmer_with_ffp", Need::optional).value_or(false);
  e.finish();
}

}  // namespace

void read_teaching(MapReader& top, Context& c) {
  if (top.has("difficulty")) {
    c.scenario.difficulty = top.choice("difficulty", Need::optional, kDifficultyNames.options());
  }
  std::vector<std::string> objective_ids;
  for_each_mapping(top, "learning_objectives", Need::required, [&](MapReader& r) {
    Objective o;
    if (auto id = id_field(r, "id", Need::required)) {
      o.id = *id;
      check_unique(r, "id", *id, objective_ids, "learning objective");
    }
    if (auto t = r.text("text", Need::required)) o.text = *t;
    c.scenario.objectives.push_back(std::move(o));
  });
  std::vector<std::string> action_ids;
  for_each_mapping(top, "critical_actions", Need::optional,
                   [&](MapReader& r) { read_critical_action(r, c, action_ids); });
  read_weights(top, c);
  read_expectations(top, c);
  if (top.has("debrief")) {
    MapReader d = top.child("debrief", Need::optional);
    c.scenario.debrief.prompts = text_items(d, "prompts", Need::required);
    c.scenario.debrief.take_home = text_items(d, "take_home", Need::optional);
    d.finish();
  }
}

void check_references(Context& c) {
  std::vector<std::string> alarms, objectives;
  for (const auto& a : c.scenario.alarms) alarms.push_back(a.spec.id);
  for (const auto& o : c.scenario.objectives) objectives.push_back(o.id);
  for (const auto& ref : c.references) {
    const std::vector<std::string>* names = &objectives;
    std::string what = "a learning objective of this scenario";
    if (ref.kind == Reference::Kind::alarm) {
      names = &alarms;
      what = "an alarm defined under 'alarms'";
    } else if (ref.kind == Reference::Kind::event) {
      names = &c.event_ids;
      what = "an event defined under 'events'";
    }
    if (std::find(names->begin(), names->end(), ref.name) != names->end()) continue;
    c.diagnostics.error(
        ref.where, ref.key,
        "'" + ref.name + "' is not " + what + text::did_you_mean_suffix(ref.name, *names));
  }
}

}  // namespace lb::sim::scenario::detail
