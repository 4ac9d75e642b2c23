#include "sim/debrief/replay.hpp"

#include <algorithm>

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
    return x;
  }
};

}  // namespace

Replay replay_run(const run::Prepared& prepared, std::uint64_t seed, scenario::Script script) {
  run::RunOptions options;
  options.seed = seed;
  options.script = script;
  run::Runner runner(prepared, std::move(options));
  const Read read;
  Replay out;
  const Parameters& p = runner.engine().parameters();
  // Endogenous citrate production (CL·C_baseline) is in the citrate ledger's inflow but is
  // not citrate given to the patient: it is taken out of the citrate load.
  const double produced_per_min = p.citrate_clearance.value * p.baseline_citrate.value;
  while (!runner.finished()) {
    const SimTime t = runner.now();
    Sample s = read(t, runner.engine().state());
    const double citrate_in_before = runner.engine().kernel().citrate_ledger.in;
    runner.advance();
    s.dt = runner.now() - t;
    if (s.dt <= 0) break;  // the closing line: no step
    const auto& k = runner.engine().kernel();
    const double minutes = static_cast<double>(s.dt) / 60.0;
    s.calcium_infused_mmol = k.ca_infusion * minutes;
    s.citrate_in_mmol = k.citrate_ledger.in - citrate_in_before - produced_per_min * minutes;
    out.samples.push_back(s);
  }
  out.timeline = runner.timeline();
  out.trace = runner.trace();
  out.sha256 = io::sha256_hex(out.timeline);
  out.script = std::move(script);
  return out;
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
  auto script = recorded_script(timeline);
  for (const auto& d : script.diagnostics.items()) out.diagnostics.add(d);
  if (!script.script) return out;
  Replay r = replay_run(prepared, timeline.start.seed, std::move(*script.script));
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
  auto recorded = recorded_script(timeline);
  scenario::Script script;
  script.scenario = timeline.start.scenario;
  if (recorded.script) {
    for (const auto& e : recorded.script->entries) {
      if (e.at < from) script.entries.push_back(e);
    }
  }
  for (auto& e : changed) {
    e.at = std::max(e.at, from);
    script.entries.push_back(std::move(e));
  }
  std::stable_sort(
      script.entries.begin(), script.entries.end(),
      [](const scenario::ScriptEntry& a, const scenario::ScriptEntry& b) { return a.at < b.at; });
  return replay_run(prepared, timeline.start.seed, std::move(script));
}

}  // namespace lb::sim::debrief
