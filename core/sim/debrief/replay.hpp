// Replaying a recorded run: the same scenario, seed and recorded actions (recorded_script.hpp)
// through the runner, which is deterministic, so the replay writes the recorded timeline byte
// for byte. The timeline holds no physiology; the replay gives it back, one sample per engine
// step, for harm exposure and the debrief's charts. A replay whose timeline differs from the
// file (another program version, another scenario file, an edited timeline) is refused rather
// than scored against physiology the trainee never saw.
//
// A counterfactual ("what if") replay reruns the same run with the actions from a given time
// on replaced: the engine is deterministic, so the rerun is identical to the recorded run up
// to that time, and differs only by the changed actions after it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/debrief/timeline.hpp"
#include "sim/model/state.hpp"
#include "sim/run/prepare.hpp"

namespace lb::sim::debrief {

/// The true state at the start of one engine step (kernel units: mmol/L, mmHg, °C, mL) and
/// what reached the patient during the step.
struct Sample {
  SimTime t = 0;
  SimTime dt = 0;  ///< the step's length (1 s in a session, up to 60 s between sessions)
  double ica = 0.0, ca_ratio = 0.0, citrate = 0.0, map = 0.0, hr = 0.0;
  double volume_deficit_ml = 0.0, temp = 0.0, ph = 0.0, hco3 = 0.0, k = 0.0;
  double calcium_infused_mmol = 0.0;  ///< continuous calcium infusion during the step
  double citrate_in_mmol = 0.0;       ///< citrate reaching the patient (AC and FFP) in the step
  // The device, for the deviations held to the plan (deviation_detectors.hpp): its mode and
  // the session's counters at the start of the step (before the acts due then), the
  // replacement order then, and the FFP replacement that ran during the step with the warmer
  // as it was during the step (after the acts due at its start).
  DeviceMode mode = DeviceMode::idle;
  double removed_ml = 0.0, albumin_replaced_ml = 0.0;
  double ffp_share = 0.0;  ///< 0–1 of the replacement (unused while `ffp_last` holds)
  bool ffp_last = false;   ///< albumin solution first, FFP once its planned volume is in
  double ffp_ml = 0.0;     ///< FFP replacement given during the step
  bool warmer = false;
};

struct Replay {
  std::string timeline;  ///< the replay's timeline (JSON Lines)
  std::string trace;     ///< the runner's trace CSV (every 10 s)
  std::string sha256;    ///< of `timeline`
  std::vector<Sample> samples;
  scenario::Script script;
  /// The run's parameters at its start: the prepared ones with the scenario's per-patient
  /// draws for the seed (run/patient_draws.hpp).
  Parameters parameters;
};

/// The sample of the step running at `t` (the last one starting at or before it), or null.
const Sample* sample_at(const std::vector<Sample>& samples, SimTime t);

/// Runs the prepared scenario with `seed` and `script`, sampling every engine step.
Replay replay_run(const run::Prepared& prepared, std::uint64_t seed, scenario::Script script);

struct ReplayCheck {
  std::optional<Replay> replay;
  diag::Diagnostics diagnostics;
};

/// Replays `timeline` with its recorded actions; an error when the scenario id or version
/// differs from the start line, or when the replay's timeline hash differs from the file's.
ReplayCheck replay_timeline(const run::Prepared& prepared, const Timeline& timeline);

/// The recorded run with every recorded action at or after `from` replaced by `changed`
/// (entries of `changed` before `from` are moved to `from`: the past is the recorded one).
Replay counterfactual(const run::Prepared& prepared, const Timeline& timeline, SimTime from,
                      std::vector<scenario::ScriptEntry> changed);

}  // namespace lb::sim::debrief
