#include "sim/debrief/replay.hpp"

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <optional>

#include "io/sha256.hpp"
#include "sim/debrief/recorded_script.hpp"
#include "sim/model/observables.hpp"
#include "sim/run/runner.hpp"

namespace lb::sim::debrief {

namespace {

/// The observables a sample keeps, in Sample's field order.
struct Read {
  const Observable* ica = find_observable("ica");
  const Observable* ratio = find_observable("ca_ratio");
  const Observable* citrate = find_observable("citrate");
  const Observable* map = find_observable("map");
  const Observable* hr = find_observable("hr");
  const Observable* deficit = find_observable("volume_deficit");
  const Observable* temp = find_observable("temp");
  const Observable* ph = find_observable("ph");
  const Observable* hco3 = find_observable("hco3");
  const Observable* k = find_observable("k");

  static double value(const Observable* o, const State& s) {
    if (o == nullptr) return 0.0;
    return o->read(s).value_or(0.0);
  }
  Sample operator()(SimTime t, const State& s) const {
    Sample x;
    x.t = t;
    x.ica = value(ica, s);
    x.ca_ratio = value(ratio, s);
    x.citrate = value(citrate, s);
    x.map = value(map, s);
    x.hr = value(hr, s);
    x.volume_deficit_ml = value(deficit, s);
    x.temp = value(temp, s);
    x.ph = value(ph, s);
    x.hco3 = value(hco3, s);
    x.k = value(k, s);
    x.mode = s.device.mode;
    x.removed_ml = units::in_milliliters(s.device.removed);
    x.albumin_replaced_ml = units::in_milliliters(s.device.replaced_albumin);
    x.ffp_share = units::in_fraction(s.device.ffp_share);
    return x;
  }
};

/// One recorded act in the order of the file: an action or alarm act to take (as the window
/// or a script took it), or an instructor line to repeat.
struct Act {
  SimTime t = 0;
  std::optional<scenario::ScriptEntry> entry;
  const InstructorLine* instructor = nullptr;
};

/// Repeats an instructor line on the runner: the acts that change the run through the
/// runner's own calls (which write the line again), the others (freeze, unfreeze, flag,
/// rewind, and an act this program does not know) as the same line.
void repeat(run::Runner& r, const InstructorLine& l) {
  if (l.act == "inject_event" && r.inject_event(l.field("event"))) return;
  if (l.act == "suppress_event" && r.suppress_event(l.field("event"))) return;
  if (l.act == "set_parameter") {
    const std::string text = l.field("value");
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (!text.empty() && end == text.c_str() + text.size() &&
        r.set_parameter(l.field("parameter"), value)) {
      return;
    }
  }
  if (l.act == "end_scenario") return r.end_now();
  // Not repeatable here (or nothing to repeat): the line itself; if the act had changed the
  // run, the replay's hash check refuses it.
  r.log_instructor(l.act, l.fields);
}

/// Runs the prepared scenario with `seed`, taking each act at its time (acts in time order),
/// sampling every engine step.
Replay run_acts(const run::Prepared& prepared, std::uint64_t seed, const std::vector<Act>& acts) {
  run::RunOptions options;
  options.seed = seed;
  run::Runner runner(prepared, std::move(options));
  const Read read;
  Replay out;
  out.parameters = runner.engine().parameters();
  const Parameters& p = out.parameters;
  // Endogenous citrate production (CL·C_baseline) is in the citrate ledger's inflow but is
  // not citrate given to the patient: it is taken out of the citrate load.
  const double produced_per_min = p.citrate_clearance.value * p.baseline_citrate.value;
  std::size_t next = 0;
  while (!runner.finished()) {
    const SimTime t = runner.now();
    // The sample is the state at the start of the step, before the acts due now (as the
    // script route samples before the step's script entries).
    Sample s = read(t, runner.engine().state());
    const double citrate_in_before = runner.engine().kernel().citrate_ledger.in;
    s.ffp_last = runner.engine().kernel().ffp_last;
    const double ffp_before = runner.engine().kernel().replaced_ffp;
    for (; next < acts.size() && acts[next].t <= t && !runner.finished(); ++next) {
      const Act& a = acts[next];
      if (a.entry) {
        runner.take(*a.entry);
        out.script.entries.push_back(*a.entry);
        out.script.entries.back().at = t;
      } else {
        repeat(runner, *a.instructor);
      }
    }
    runner.advance();
    s.dt = runner.now() - t;
    if (s.dt <= 0) break;  // the closing line (or the instructor's end): no step
    const auto& k = runner.engine().kernel();
    const double minutes = static_cast<double>(s.dt) / 60.0;
    s.calcium_infused_mmol = k.ca_infusion * minutes;
    s.citrate_in_mmol = k.citrate_ledger.in - citrate_in_before - produced_per_min * minutes;
    // Kernel volumes are litres; a new session restarts the counter (no negative step).
    s.ffp_ml = std::max(0.0, k.replaced_ffp - ffp_before) * 1000.0;
    s.warmer = k.warmer;
    out.samples.push_back(s);
  }
  out.timeline = runner.timeline();
  out.trace = runner.trace();
  out.sha256 = io::sha256_hex(out.timeline);
  return out;
}

/// A timeline written before the start line carried the scenario's SHA-256 is replayed
/// without it, so that it still replays byte for byte (the replay guards it as before).
const run::Prepared& as_recorded(const run::Prepared& prepared, const Timeline& timeline,
                                 std::optional<run::Prepared>& older) {
  if (!timeline.start.scenario_sha256.empty() || prepared.scenario_sha256.empty()) return prepared;
  older = prepared;
  older->scenario_sha256.clear();
  return *older;
}

struct RecordedActs {
  std::vector<Act> acts;
  diag::Diagnostics diagnostics;
  bool ok = false;
};

/// The timeline's acts in file order: the recorded script's entries (the actions and alarm
/// acts taken directly, recorded_script.hpp) and the instructor lines.
RecordedActs recorded_acts(const Timeline& timeline) {
  RecordedActs out;
  auto script = recorded_script(timeline);
  for (const auto& d : script.diagnostics.items()) out.diagnostics.add(d);
  if (!script.script) return out;
  std::vector<std::pair<int, Act>> by_line;
  std::size_t k = 0;
  for (const auto& a : timeline.actions) {
    if (!a.event.empty()) continue;  // applied by an event: the replay's events apply it
    if (k >= script.script->entries.size()) break;
    by_line.push_back({a.line, Act{a.t, script.script->entries[k++], nullptr}});
  }
  for (const auto& l : timeline.instructor) by_line.push_back({l.line, Act{l.t, std::nullopt, &l}});
  std::stable_sort(by_line.begin(), by_line.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [line, act] : by_line) out.acts.push_back(std::move(act));
  out.ok = true;
  return out;
}

}  // namespace

const Sample* sample_at(const std::vector<Sample>& samples, SimTime t) {
  const auto after = std::upper_bound(samples.begin(), samples.end(), t,
                                      [](SimTime x, const Sample& s) { return x < s.t; });
  return after == samples.begin() ? nullptr : &*std::prev(after);
}

Replay replay_run(const run::Prepared& prepared, std::uint64_t seed, scenario::Script script) {
  std::vector<Act> acts;
  for (const auto& e : script.entries) acts.push_back(Act{e.at, e, nullptr});
  std::stable_sort(acts.begin(), acts.end(), [](const Act& a, const Act& b) { return a.t < b.t; });
  Replay r = run_acts(prepared, seed, acts);
  r.script = std::move(script);
  return r;
}

ReplayCheck replay_timeline(const run::Prepared& prepared, const Timeline& timeline) {
  ReplayCheck out;
  const diag::Location at{timeline.file, 1, 1};
  const auto& s = prepared.scenario;
  if (s.id != timeline.start.scenario || s.version != timeline.start.version) {
    out.diagnostics.error(at, "scenario",
                          "the timeline was recorded with scenario '" + timeline.start.scenario +
                              "' version " + timeline.start.version + ", not '" + s.id +
                              "' version " + s.version);
    return out;
  }
  // The start line names the exact scenario text run; a timeline from before it did is
  // checked by the replay alone.
  if (!timeline.start.scenario_sha256.empty() && !prepared.scenario_sha256.empty() &&
      timeline.start.scenario_sha256 != prepared.scenario_sha256) {
    out.diagnostics.error(at, "scenario_sha256",
                          "the run was made from scenario text with SHA-256 " +
                              timeline.start.scenario_sha256 + "; this scenario file's is " +
                              prepared.scenario_sha256 +
                              ": the scenario changed since the run (give the file it was run "
                              "from with --scenario)");
    return out;
  }
  auto recorded = recorded_acts(timeline);
  for (const auto& d : recorded.diagnostics.items()) out.diagnostics.add(d);
  if (!recorded.ok) return out;
  std::optional<run::Prepared> older;
  Replay r = run_acts(as_recorded(prepared, timeline, older), timeline.start.seed, recorded.acts);
  if (r.sha256 != timeline.sha256) {
    out.diagnostics.error(
        at, "replay",
        "the replay of this timeline differs from the file (SHA-256 " + r.sha256.substr(0, 12) +
            "… instead of " + timeline.sha256.substr(0, 12) +
            "…): the scenario, its patient or protocol, or the program changed since the run, "
            "or the file was edited; the debrief is not made from physiology the trainee did "
            "not see");
    return out;
  }
  out.replay = std::move(r);
  return out;
}

Replay counterfactual(const run::Prepared& prepared, const Timeline& timeline, SimTime from,
                      std::vector<scenario::ScriptEntry> changed) {
  // The past is the recorded one, the instructor's acts included; from `from` on, only the
  // changed actions.
  auto recorded = recorded_acts(timeline);
  std::vector<Act> acts;
  for (auto& a : recorded.acts) {
    if (a.t < from) acts.push_back(std::move(a));
  }
  for (auto& e : changed) {
    e.at = std::max(e.at, from);
    acts.push_back(Act{e.at, std::move(e), nullptr});
  }
  std::stable_sort(acts.begin(), acts.end(), [](const Act& a, const Act& b) { return a.t < b.t; });
  std::optional<run::Prepared> older;
  return run_acts(as_recorded(prepared, timeline, older), timeline.start.seed, acts);
}

}  // namespace lb::sim::debrief
