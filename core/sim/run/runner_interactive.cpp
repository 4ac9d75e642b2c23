// The runner driven by people (the training window): entries taken now, the instructor's
// acts, and the read-only views the window draws. Every act is a timeline line with the
// simulated time, so a debrief of a run from the window reads like one of a script.
#include <algorithm>

#include "sim/run/runner.hpp"
#include "text/format.hpp"

namespace lb::sim::run {

void Runner::take(const scenario::ScriptEntry& entry) {
  if (finished_) return;
  start_if_needed();
  const SimTime t = now();
  if (const auto* a = std::get_if<Action>(&entry.what)) {
    apply_action(t, *a, entry.actor, "script");
  } else {
    apply_alarm_command(t, std::get<scenario::AlarmCommand>(entry.what), entry.actor);
  }
}

void Runner::log_instructor(std::string_view act,
                            const std::vector<std::pair<std::string, std::string>>& fields) {
  start_if_needed();
  JsonLine l;
  l.integer("t", now()).text("kind", "instructor").text("act", act);
  for (const auto& [key, value] : fields) l.text(key, value);
  write(l);
}

bool Runner::inject_event(const std::string& id) {
  if (finished_) return false;
  start_if_needed();
  const SimTime t = now();
  for (std::size_t i = 0; i < scenario_.scheduled.size(); ++i) {
    if (scenario_.scheduled[i].id != id) continue;
    log_instructor("inject_event", {{"event", id}});
    scheduled_fired_[i] = true;
    fire(t, id, "injected", scenario_.scheduled[i].effects);
    return true;
  }
  for (std::size_t i = 0; i < rolled_.size(); ++i) {
    if (rolled_[i].id != id) continue;
    log_instructor("inject_event", {{"event", id}});
    random_fired_[i] = true;
    fire(t, id, "injected", scenario_.random[i].effects);
    return true;
  }
  for (std::size_t i = 0; i < scenario_.conditional.size(); ++i) {
    if (scenario_.conditional[i].id != id) continue;
    log_instructor("inject_event", {{"event", id}});
    conditionals_[i].fired = true;
    fire(t, id, "injected", scenario_.conditional[i].effects);
    return true;
  }
  return false;
}

bool Runner::suppress_event(const std::string& id) {
  if (finished_) return false;
  bool known = false;
  for (std::size_t i = 0; i < scenario_.scheduled.size(); ++i) {
    if (scenario_.scheduled[i].id == id) known = true;
  }
  for (std::size_t i = 0; i < rolled_.size(); ++i) {
    if (rolled_[i].id == id) known = true;
  }
  for (std::size_t i = 0; i < scenario_.conditional.size(); ++i) {
    if (scenario_.conditional[i].id != id) continue;
    known = true;
    conditionals_[i].suppressed = true;
  }
  if (!known) return false;
  // A suppressed scheduled or random event counts as gone: it can no longer fire.
  for (std::size_t i = 0; i < scenario_.scheduled.size(); ++i) {
    if (scenario_.scheduled[i].id == id) scheduled_fired_[i] = true;
  }
  for (std::size_t i = 0; i < rolled_.size(); ++i) {
    if (rolled_[i].id == id) random_fired_[i] = true;
  }
  if (std::find(suppressed_.begin(), suppressed_.end(), id) == suppressed_.end()) {
    suppressed_.push_back(id);
  }
  log_instructor("suppress_event", {{"event", id}});
  return true;
}

bool Runner::set_parameter(const std::string& id, double value) {
  if (finished_) return false;
  Parameters p = engine_.parameters();
  const Parameter* old = p.find(id);
  if (old == nullptr) return false;
  const std::string unit = old->unit;
  start_if_needed();
  if (!p.set(id, value, "instructor override at " + std::to_string(now()) + " s")) return false;
  // The engine's parameters are fixed at construction: a new engine with the override takes
  // over the kernel (everything that decides the future), so the state carries on unchanged.
  // The clotting-factor kinetics read parameters too (FFP activity and fibrinogen, recovery,
  // baselines): built again, so the override acts wherever the parameter is used.
  solutes_ = solute_models(protocol_, patient_, session_, p);
  const Snapshot kernel = engine_.snapshot();
  Engine fresh(std::move(p), patient_, engine_.sessions(), solutes_, engine_.options());
  fresh.restore(kernel);
  engine_ = std::move(fresh);
  state_ = engine_.state();
  log_instructor("set_parameter",
                 {{"parameter", id}, {"value", text::fixed(value, 4)}, {"unit", unit}});
  return true;
}

void Runner::end_now() {
  if (finished_) return;
  start_if_needed();
  log_instructor("end_scenario");
  JsonLine end;
  end.integer("t", now()).text("kind", "end");
  write(end);
  finished_ = true;
}

}  // namespace lb::sim::run
