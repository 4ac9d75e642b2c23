#include "sim/sim_state.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "io/sha256.hpp"
#include "sim/model/observables.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace lb::simui {

namespace fs = std::filesystem;

namespace {

/// After the planned session a run from the plan goes on this long (the citrate still in the
/// body keeps acting: the post-session alkalosis); a choice of the window, not a clinical value.
constexpr SimTime kObserveAfterSession = 60 * 60;

std::vector<std::string> yaml_files(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  if (dir.empty()) return out;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.is_regular_file() && e.path().extension() == ".yaml") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string first_errors(const diag::Diagnostics& d) {
  std::string out;
  int n = 0;
  for (const auto& item : d.sorted()) {
    if (item.severity != diag::Severity::error) continue;
    if (n++ == 6) {
      out += "\u2026\n";
      break;
    }
    out += diag::format(item) + "\n";
  }
  return out;
}

/// Starts the pacer again at the run's current time (after a speed change, a rewind, a skip).
void rebase(SimState& s) {
  s.pacer = sim::run::Pacer(s.speed);
  s.wall_s = 0.0;
  const auto* r = runner(s);
  s.paced_from = r != nullptr ? r->now() : 0;
  if (s.paused || s.frozen) s.pacer.pause(0.0);
}

bool start_prepared(SimState& s, sim::run::Preparation prep, std::string source,
                    const std::string& scenario_text) {
  if (!prep.prepared) {
    s.problems = first_errors(prep.diagnostics);
    if (s.problems.empty()) s.problems = "the scenario cannot be prepared";
    return false;
  }
  s.problems.clear();
  s.scenario_sha256 = io::sha256_hex(scenario_text);
  s.debrief.reset();
  s.debrief_branch = -1;
  s.debrief_problem.clear();
  s.prepared = std::move(prep.prepared);
  s.source = std::move(source);
  sim::run::RunOptions options;
  options.seed = s.seed;
  s.branches.clear();
  s.branches.push_back(
      Branch{1, -1, 0, sim::run::Runner(*s.prepared, options), {}, 0, {}, {}, {}, {}});
  s.current = 0;
  s.speed = 1.0;
  s.paused = true;
  s.frozen = false;
  s.slowed_for_alarm = false;
  s.high_alarm_was_sounding = false;
  s.message.clear();
  s.action_problem.clear();
  s.save_message.clear();
  rebase(s);
  // The first snapshot is the start itself, so "rewind" always has somewhere to go.
  Branch& b = s.branches.front();
  b.snapshots.push_back(Snapshot{0, b.runner});
  b.next_snapshot = kSnapshotEvery;
  s.screen = Screen::bedside;
  s.active = true;
  return true;
}

void keep_snapshot(Branch& b) {
  const SimTime t = b.runner.now();
  if (t < b.next_snapshot) return;
  b.snapshots.push_back(Snapshot{t, b.runner});
  while (b.next_snapshot <= t) b.next_snapshot += kSnapshotEvery;
}

bool session_connected(const sim::run::Runner& r) {
  const auto mode = r.state().device.mode;
  return mode == sim::DeviceMode::running || mode == sim::DeviceMode::paused ||
         mode == sim::DeviceMode::rinse_back;
}

/// After each step: snapshots, the alarm slow-down and the session speed limit.
/// Returns true when the pacing must start again (the speed changed).
bool after_step(SimState& s) {
  Branch& b = *current_branch(s);
  keep_snapshot(b);
  const bool high = b.runner.sounding() == sim::alarms::Priority::high;
  const bool rising = high && !s.high_alarm_was_sounding;
  s.high_alarm_was_sounding = high;
  if (rising && s.speed > 1.0 && !s.force_speed) {
    s.speed = 1.0;
    s.slowed_for_alarm = true;
    s.message = "Slowed to \u00d71: a high-priority alarm is sounding";
    return true;
  }
  if (s.speed > 10.0 && !s.force_speed && session_connected(b.runner)) {
    s.speed = 10.0;
    s.message = "\u00d760 is for the time between sessions: a session is connected, now \u00d710";
    return true;
  }
  return false;
}

}  // namespace

void load_library(SimState& s) {
  s.library.clear();
  const auto add_dir = [&](const std::string& dir, Origin origin) {
    for (const auto& f : yaml_files(dir)) {
      const auto load = sim::scenario::load_scenario_file(f);
      LibraryEntry e;
      e.origin = origin;
      e.file = f;
      if (!load.scenario) {
        e.id = fs::path(f).stem().string();
        e.problem = first_errors(load.diagnostics);
      } else {
        const auto& sc = *load.scenario;
        e.id = sc.id;
        e.title = sc.title;
        e.version = sc.version;
        e.summary = sc.summary;
        e.audience = sc.audience;
        if (sc.difficulty) e.difficulty = sim::scenario::kDifficultyNames.name(*sc.difficulty);
        e.duration_s = sc.duration_s;
        e.objectives = sc.objectives;
      }
      s.library.push_back(std::move(e));
    }
  };
  add_dir(s.scenarios_dir, Origin::bundled);
  add_dir(s.user_scenarios_dir, Origin::user);
  if (s.selected >= static_cast<int>(s.library.size())) s.selected = -1;
  if (s.selected < 0 && !s.library.empty()) s.selected = 0;
}

std::string resolve_scenario(SimState& s, const std::string& ref) {
  std::error_code ec;
  if (fs::is_regular_file(ref, ec)) return ref;
  if (s.library.empty()) load_library(s);
  for (const auto& e : s.library) {
    if (e.id == ref && e.problem.empty()) return e.file;
  }
  return "";
}

bool start_scenario_file(SimState& s, const std::string& path) {
  const auto load = sim::scenario::load_scenario_file(path);
  auto prep = sim::run::prepare(load, s.protocols_dir);
  const std::string id = load.scenario ? load.scenario->id : fs::path(path).stem().string();
  return start_prepared(s, std::move(prep), "scenario " + id, load.text);
}

bool start_scenario(SimState& s, int index) {
  if (index < 0 || index >= static_cast<int>(s.library.size())) return false;
  return start_scenario_file(s, s.library[static_cast<std::size_t>(index)].file);
}

bool start_from_plan(SimState& s, const std::string& patient_text, const std::string& patient_file,
                     const std::string& protocol_text, const std::string& protocol_file) {
  const std::string tmpl = s.scenarios_dir + "/templates/plan-session.yaml";
  const auto load = sim::scenario::load_scenario_file(tmpl);
  plan::PlanSources sources;
  sources.patient_text = patient_text;
  sources.patient_file = patient_file;
  sources.protocol_text = protocol_text;
  sources.protocol_file = protocol_file;
  auto prep = sim::run::prepare_texts(load, sources);
  if (prep.prepared) {
    // The whole planned session, then the hour after it.
    const double run_s = units::in_seconds(prep.prepared->session.duration);
    prep.prepared->scenario.duration_s =
        static_cast<SimTime>(std::ceil(run_s)) + kObserveAfterSession;
  }
  return start_prepared(s, std::move(prep), "the plan of " + patient_file, load.text);
}

Branch* current_branch(SimState& s) {
  if (s.current < 0 || s.current >= static_cast<int>(s.branches.size())) return nullptr;
  return &s.branches[static_cast<std::size_t>(s.current)];
}
const Branch* current_branch(const SimState& s) {
  if (s.current < 0 || s.current >= static_cast<int>(s.branches.size())) return nullptr;
  return &s.branches[static_cast<std::size_t>(s.current)];
}
sim::run::Runner* runner(SimState& s) {
  Branch* b = current_branch(s);
  return b != nullptr ? &b->runner : nullptr;
}
const sim::run::Runner* runner(const SimState& s) {
  const Branch* b = current_branch(s);
  return b != nullptr ? &b->runner : nullptr;
}

void tick(SimState& s, double wall_dt) {
  sim::run::Runner* r = runner(s);
  if (r == nullptr || r->finished() || s.paused || s.frozen) return;
  s.wall_s += wall_dt;
  const SimTime target = s.paced_from + s.pacer.target(s.wall_s);
  while (!r->finished() && r->now() < target) {
    r->advance();
    if (after_step(s)) {
      rebase(s);
      return;
    }
  }
}

void run_until(SimState& s, SimTime t) {
  sim::run::Runner* r = runner(s);
  if (r == nullptr) return;
  while (!r->finished() && r->now() < t) {
    r->advance();
    keep_snapshot(*current_branch(s));
  }
  s.high_alarm_was_sounding = r->sounding() == sim::alarms::Priority::high;
  rebase(s);
}

bool skip_to_next_result(SimState& s) {
  sim::run::Runner* r = runner(s);
  if (r == nullptr || r->finished() || r->lab_queue().pending().empty()) return false;
  const std::size_t before = r->reported().size();
  while (!r->finished() && r->reported().size() == before) {
    r->advance();
    keep_snapshot(*current_branch(s));
  }
  s.high_alarm_was_sounding = r->sounding() == sim::alarms::Priority::high;
  rebase(s);
  return true;
}

bool speed_allowed(const SimState& s, double speed) {
  if (speed <= 10.0 || s.force_speed) return true;
  const auto* r = runner(s);
  return r == nullptr || !session_connected(*r);
}

void set_speed(SimState& s, double speed) {
  if (!speed_allowed(s, speed)) return;
  s.speed = speed;
  s.slowed_for_alarm = false;
  rebase(s);
}

void set_paused(SimState& s, bool paused) {
  s.paused = paused;
  rebase(s);
}

void take(SimState& s, const sim::scenario::ScriptEntry& entry) {
  Branch* b = current_branch(s);
  if (b == nullptr || b->runner.finished()) return;
  if (const auto* a = std::get_if<sim::Action>(&entry.what);
      a != nullptr && std::holds_alternative<sim::RecordEcg>(*a)) {
    b->runner.take(entry);
    const sim::Observable* qtc = sim::find_observable("qtc");
    b->ecgs.push_back(EcgRecord{b->runner.now(), qtc->read(b->runner.state()).value_or(0.0)});
    return;
  }
  b->runner.take(entry);
}

void replay(SimState& s, const sim::scenario::Script& script, SimTime until) {
  for (const auto& e : script.entries) {
    if (e.at > until) break;
    run_until(s, e.at);
    take(s, e);
  }
  run_until(s, until);
}

void freeze(SimState& s, bool frozen) {
  sim::run::Runner* r = runner(s);
  if (r == nullptr || s.frozen == frozen) return;
  s.frozen = frozen;
  r->log_instructor(frozen ? "freeze" : "unfreeze");
  rebase(s);
}

void flag_moment(SimState& s, const std::string& note) {
  Branch* b = current_branch(s);
  if (b == nullptr) return;
  b->flags.push_back(b->runner.now());
  b->runner.log_instructor("flag", {{"note", note}});
}

void end_scenario(SimState& s) {
  sim::run::Runner* r = runner(s);
  if (r == nullptr) return;
  r->end_now();
  s.paused = true;
  rebase(s);
}

bool rewind_to(SimState& s, std::size_t index) {
  const Branch* from = current_branch(s);
  if (from == nullptr || index >= from->snapshots.size()) return false;
  const Snapshot& snap = from->snapshots[index];
  int number = 0;
  for (const auto& b : s.branches) number = std::max(number, b.number);
  Branch next{number + 1, s.current, snap.t, snap.runner, {}, 0, {}, {}, {}, {}};
  next.snapshots.assign(from->snapshots.begin(),
                        from->snapshots.begin() + static_cast<std::ptrdiff_t>(index) + 1);
  next.next_snapshot = snap.t + kSnapshotEvery;
  for (const EcgRecord& e : from->ecgs) {
    if (e.t <= snap.t) next.ecgs.push_back(e);
  }
  for (const SimTime t : from->flags) {
    if (t <= snap.t) next.flags.push_back(t);
  }
  next.runner.log_instructor("rewind", {{"from_attempt", std::to_string(from->number)},
                                        {"attempt", std::to_string(next.number)}});
  s.branches.push_back(std::move(next));
  s.current = static_cast<int>(s.branches.size()) - 1;
  s.paused = true;
  s.high_alarm_was_sounding = false;
  rebase(s);
  return true;
}

std::string clock_text(SimTime t) {
  const SimTime a = t < 0 ? -t : t;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%02lld:%02lld:%02lld", t < 0 ? "-" : "",
                static_cast<long long>(a / 3600), static_cast<long long>(a / 60 % 60),
                static_cast<long long>(a % 60));
  return buf;
}

}  // namespace lb::simui
