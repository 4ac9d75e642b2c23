// The runner's events, labs, alarms and trace (runner.hpp gives the order of a step).
#include <algorithm>

#include "sim/model/observables.hpp"
#include "sim/run/runner.hpp"
#include "text/format.hpp"

namespace lb::sim::run {

void Runner::fire(SimTime t, const std::string& event_id, const char* type,
                  const std::vector<scenario::Effect>& effects) {
  JsonLine l;
  l.integer("t", t).text("kind", "event").text("event", event_id).text("type", type);
  write(l);
  for (const auto& e : effects) {
    switch (e.kind) {
      case scenario::Effect::Kind::note: {
        JsonLine n;
        n.integer("t", t).text("kind", "note").text("event", event_id).text("text", e.text);
        write(n);
        break;
      }
      case scenario::Effect::Kind::alarm:
        raised_.push_back(RaisedAlarm{e.alarm, e.cleared_by, event_id});
        break;
      case scenario::Effect::Kind::action:
        apply_action(t, *e.action, scenario::Actor::instructor, event_id);
        break;
    }
  }
}

void Runner::due_events(SimTime t) {
  for (std::size_t i = 0; i < scenario_.scheduled.size(); ++i) {
    const auto& e = scenario_.scheduled[i];
    if (!scheduled_fired_[i] && e.at <= t) {
      scheduled_fired_[i] = true;
      fire(t, e.id, "scheduled", e.effects);
    }
  }
  // Exposures for unit and litre hazards: FFP hung so far and blood processed this session.
  const double ffp_ml = observe("ffp_given").value_or(0.0);
  const double processed_ml = observe("processed").value_or(0.0);
  const double unit_ml = units::in_milliliters(ffp_unit_volume_);
  for (std::size_t i = 0; i < rolled_.size(); ++i) {
    if (random_fired_[i]) continue;
    const auto& r = rolled_[i];
    bool due = false;
    if (r.at) due = *r.at <= t;
    // Unit k is hung once the units before it have been given.
    if (r.ffp_unit && unit_ml > 0.0) due = ffp_ml > (*r.ffp_unit - 1) * unit_ml;
    if (r.litres) due = processed_ml / 1000.0 >= *r.litres;
    if (!due) continue;
    random_fired_[i] = true;
    fire(t, r.id, "random", scenario_.random[i].effects);
  }
}

void Runner::conditional_events(SimTime t) {
  const auto lookup = state_lookup();
  for (std::size_t i = 0; i < conditionals_.size(); ++i) {
    auto& c = conditionals_[i];
    const bool now = c.tracker.update(t, lookup, actions_);
    const bool rising = now && !c.was_true;
    c.was_true = now;
    const auto& e = scenario_.conditional[i];
    if (!rising || (e.once && c.fired) || c.suppressed) continue;
    c.fired = true;
    fire(t, e.id, "conditional", e.effects);
  }
}

void Runner::lab_results(SimTime t) {
  for (const auto& r : labs_.due(t)) {
    JsonLine values;
    for (const auto& v : r.values) values.number(v.variable, v.value, 3);
    JsonLine l;
    l.integer("t", t)
        .text("kind", "lab_result")
        .text("panel", r.panel)
        .integer("order", r.order)
        .integer("drawn", r.drawn)
        .object("values", values);
    write(l);
    reported_.push_back(r);
  }
}

void Runner::update_alarms(SimTime t) {
  const auto state = state_lookup();
  const events::Lookup lab = [this](std::string_view name) { return labs_.latest(name); };
  for (std::size_t i = 0; i < scenario_.alarms.size(); ++i) {
    const auto& rule = scenario_.alarms[i];
    bool on = std::any_of(raised_.begin(), raised_.end(),
                          [&](const RaisedAlarm& r) { return r.alarm == rule.spec.id; });
    if (alarm_trackers_[i]) {
      // Lab alarms read the last reported results, not the hidden true state.
      const bool c = alarm_trackers_[i]->update(
          t, rule.spec.source == alarms::Source::lab ? lab : state, actions_);
      on = on || c;
    }
    board_.set_condition(t, rule.spec.id, on);
  }
  board_.tick(t);
  const auto& log = board_.transitions();
  for (; transitions_written_ < log.size(); ++transitions_written_) {
    const auto& tr = log[transitions_written_];
    const auto spec = std::find_if(board_.specs().begin(), board_.specs().end(),
                                   [&](const alarms::AlarmSpec& s) { return s.id == tr.alarm; });
    JsonLine l;
    l.integer("t", tr.t_s)
        .text("kind", "alarm")
        .text("alarm", tr.alarm)
        .text("priority", alarms::kPriorityNames.name(spec->priority))
        .text("from", alarms::kStateNames.name(tr.from))
        .text("to", alarms::kStateNames.name(tr.to))
        .text("cause", alarms::kCauseNames.name(tr.cause));
    write(l);
  }
}

void Runner::trace_row(SimTime t) {
  std::string row = std::to_string(t);
  for (const auto& o : observables()) {
    row += ',';
    if (const auto v = o.read(state_)) row += text::fixed(*v, 4);
  }
  trace_ += row + '\n';
}

}  // namespace lb::sim::run
