#include "sim/run/runner.hpp"

#include <algorithm>
#include <cmath>

#include "sim/model/observables.hpp"
#include "sim/model/validate_action.hpp"
#include "sim/run/describe_action.hpp"
#include "sim/run/start_state.hpp"

namespace lb::sim::run {

namespace {

std::vector<alarms::AlarmSpec> alarm_specs(const scenario::Scenario& s) {
  std::vector<alarms::AlarmSpec> out;
  for (const auto& a : s.alarms) out.push_back(a.spec);
  return out;
}

/// The engine of the run: the prepared parameters with the scenario's distributions drawn
/// for `seed` (the draws go to `drawn`). The clotting-factor kinetics read parameters (FFP
/// factor activity and fibrinogen, recovery half-times, baselines): with draws they are built
/// again from the drawn values (into `solutes`), so a drawn value acts wherever it is used.
Engine engine_for(const Prepared& p, std::uint64_t seed, std::vector<DrawnParameter>& drawn,
                  SoluteModels& solutes) {
  Parameters parameters = p.parameters;
  drawn = draw_parameters(p.scenario, seed, parameters);
  if (!drawn.empty()) solutes = solute_models(p.protocol, p.patient, p.session, parameters);
  // 1 s steps after the session too: a script entry, event or lab result after rinse-back
  // is applied at its own second and the run ends at its duration (an event time is a
  // step index, scenario.hpp).
  return Engine(std::move(parameters), p.patient, {p.session}, solutes,
                EngineOptions{.between_step_s = kSessionStepSeconds});
}

}  // namespace

Runner::Runner(const Prepared& p, RunOptions options)
    : scenario_(p.scenario),
      session_(p.session),
      patient_(p.patient),
      protocol_(p.protocol),
      solutes_(p.solutes),
      options_(std::move(options)),
      engine_(engine_for(p, options_.seed, drawn_, solutes_)),
      ffp_unit_volume_(p.ffp_unit_volume),
      rolled_(events::roll_schedule(p.scenario.random, options_.seed, p.exposure)),
      random_fired_(rolled_.size(), false),
      scheduled_fired_(p.scenario.scheduled.size(), false),
      board_(alarm_specs(p.scenario)),
      labs_(p.scenario.labs, options_.seed),
      scenario_sha256_(p.scenario_sha256) {
  apply_start(engine_, scenario_.start);
  state_ = engine_.state();
  for (const auto& c : scenario_.conditional)
    conditionals_.push_back({events::ConditionTracker(c.when)});
  for (const auto& a : scenario_.alarms) {
    alarm_trackers_.push_back(a.when ? std::optional<events::ConditionTracker>(*a.when)
                                     : std::nullopt);
  }
  if (options_.trace_every_s < 1) options_.trace_every_s = 1;
}

SimTime Runner::now() const { return std::llround(units::in_seconds(engine_.elapsed())); }

void Runner::write(const JsonLine& line) {
  timeline_ += line.str();
  timeline_ += '\n';
}

std::optional<double> Runner::observe(std::string_view name) const {
  const Observable* o = find_observable(name);
  if (o == nullptr) return std::nullopt;
  return o->read(state_);
}

events::Lookup Runner::state_lookup() const {
  return [this](std::string_view name) { return observe(name); };
}

void Runner::write_start() {
  JsonLine start;
  start.integer("t", 0)
      .text("kind", "start")
      .text("scenario", scenario_.id)
      .text("version", scenario_.version);
  // The exact scenario text that was run: the debrief and the attempt store check it rather
  // than re-hashing whatever file is on disk later.
  if (!scenario_sha256_.empty()) start.text("scenario_sha256", scenario_sha256_);
  start.integer("seed", static_cast<std::int64_t>(options_.seed))
      .integer("duration_s", scenario_.duration_s)
      .text("note", "Training simulation - not for clinical decision making");
  write(start);
  // The parameters drawn for this patient: the value, the distribution and the stream, so
  // the run's provenance is on the timeline (the debrief's replay draws them again).
  for (const auto& d : drawn_) {
    JsonLine l;
    l.integer("t", 0)
        .text("kind", "parameter")
        .text("parameter", d.id)
        .number("value", d.value, 6)
        .text("unit", d.unit)
        .text("drawn_from", d.distribution())
        .text("stream", kPatientStream)
        .integer("seed", static_cast<std::int64_t>(d.seed))
        .text("text", d.text());
    write(l);
  }
  // The pre-rolled schedule: what the instructor sees in advance (and what RNG isolation
  // tests compare between runs).
  for (const auto& r : rolled_) {
    JsonLine l;
    l.integer("t", 0)
        .text("kind", "schedule")
        .text("event", r.id)
        .text("per", scenario::kBasisNames.name(r.basis));
    if (r.at) l.integer("at", *r.at);
    if (r.ffp_unit) l.integer("ffp_unit", *r.ffp_unit);
    if (r.litres) l.number("litres", *r.litres, 3);
    if (!r.scheduled()) l.text("at", "not this run");
    write(l);
  }
  std::string header = "t_s";
  for (const auto& o : observables()) {
    header += ',';
    header += o.name;
    if (!o.unit.empty()) {
      header += " [";
      header += o.unit;
      header += ']';
    }
  }
  trace_ += header + '\n';
}

void Runner::start_if_needed() {
  if (started_) return;
  write_start();
  started_ = true;
}

void Runner::advance() {
  if (finished_) return;
  start_if_needed();
  const SimTime t = now();
  evaluate(t);
  if (t >= scenario_.duration_s) {
    JsonLine end;
    end.integer("t", t).text("kind", "end");
    write(end);
    finished_ = true;
    return;
  }
  engine_.step();
  state_ = engine_.state();
}

void Runner::run_to_end() {
  while (!finished_) advance();
}

void Runner::evaluate(SimTime t) {
  apply_script(t);
  due_events(t);
  conditional_events(t);
  lab_results(t);
  update_alarms(t);
  if (t >= next_trace_) {
    trace_row(t);
    while (next_trace_ <= t) next_trace_ += options_.trace_every_s;
  }
}

void Runner::apply_script(SimTime t) {
  const auto& entries = options_.script.entries;
  while (next_entry_ < entries.size() && entries[next_entry_].at <= t) {
    const auto& e = entries[next_entry_++];
    if (const auto* a = std::get_if<Action>(&e.what)) {
      apply_action(t, *a, e.actor, "script");
    } else {
      apply_alarm_command(t, std::get<scenario::AlarmCommand>(e.what), e.actor);
    }
  }
}

void Runner::apply_action(SimTime t, const Action& a, scenario::Actor actor,
                          const std::string& cause) {
  JsonLine l;
  l.integer("t", t)
      .text("kind", "action")
      .text("name", action_name(a))
      .text("by", scenario::kActorNames.name(actor));
  if (cause != "script") l.text("event", cause);
  describe_action(a, l);
  const auto findings = validate_action(a, session_, current_setting(engine_.kernel(), session_),
                                        engine_.parameters());
  std::vector<std::string> deviations;
  bool refused = false;
  for (const auto& f : findings) {
    deviations.push_back(f.code);
    refused = refused || f.severity == diag::Severity::error;
  }
  if (!deviations.empty()) l.texts(refused ? "refused" : "deviations", deviations);
  write(l);
  if (refused) return;
  engine_.apply(a);
  state_ = engine_.state();
  const std::string name(action_name(a));
  actions_.taken.emplace_back(t, name);
  if (const auto* order = std::get_if<OrderLab>(&a)) {
    const std::string panel(names::kLabKind.name(order->kind));
    JsonLine o;
    o.integer("t", t).text("kind", "lab_order").text("panel", panel);
    if (labs_.offers(panel)) {
      const auto r = labs_.order(t, panel, state_lookup());
      o.integer("order", r.order).integer("due", r.due);
    } else {
      o.text("result", "this scenario's lab does not run the panel");
    }
    write(o);
  }
  // An action that clears an event-raised alarm (flushing the line after an access alarm).
  raised_.erase(std::remove_if(raised_.begin(), raised_.end(),
                               [&](const RaisedAlarm& r) {
                                 return std::find(r.cleared_by.begin(), r.cleared_by.end(), name) !=
                                        r.cleared_by.end();
                               }),
                raised_.end());
}

void Runner::apply_alarm_command(SimTime t, const scenario::AlarmCommand& c,
                                 scenario::Actor actor) {
  JsonLine l;
  l.integer("t", t)
      .text("kind", "action")
      .text("name", scenario::kAlarmActNames.name(c.act))
      .text("by", scenario::kActorNames.name(actor))
      .text("alarm", c.alarm);
  const bool known = std::any_of(board_.specs().begin(), board_.specs().end(),
                                 [&](const alarms::AlarmSpec& s) { return s.id == c.alarm; });
  if (!known) {
    write(l.text("result", "no such alarm in this scenario"));
    return;
  }
  bool done = true;
  switch (c.act) {
    case scenario::AlarmAct::acknowledge: done = board_.acknowledge(t, c.alarm); break;
    case scenario::AlarmAct::silence: done = board_.silence(t, c.alarm); break;
    case scenario::AlarmAct::inject: board_.inject(t, c.alarm); break;
    case scenario::AlarmAct::suppress: board_.suppress(t, c.alarm); break;
    case scenario::AlarmAct::release: board_.release(t, c.alarm); break;
  }
  if (!done) l.text("result", "the alarm was not sounding");
  write(l);
  actions_.taken.emplace_back(t, std::string(scenario::kAlarmActNames.name(c.act)));
}

}  // namespace lb::sim::run
