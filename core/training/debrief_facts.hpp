// What the store reads of a debrief JSON (liverbridge.sim-debrief/…, written by `liverbridge
// sim debrief --format json` and the window): its stage must name the same run as the timeline
// and the scenario hash, and a few figures are kept for listings. The debrief is stored as
// text; the store reads it by its documented keys, not through the debrief's C++ types, and a
// key a debrief does not carry is simply not checked or kept.
#pragma once

#include <optional>
#include <string>

#include "diag/diagnostic.hpp"
#include "training/attempt.hpp"

namespace lb::training {

/// The run the debrief must describe.
struct RunIdentity {
  std::string scenario_id, scenario_version, seed, scenario_sha256, timeline_sha256;
};

struct DebriefFacts {
  std::optional<int> self_rating;  ///< reactions.self_rating
  std::string program_version;     ///< stage.program_version, "" when absent
  std::optional<double> composite_score;
  std::optional<int> objectives_met, objectives_total;
};

/// The facts, or nullopt with errors in `d`: not JSON (at line:col), not an object with a
/// `schema` of liverbridge.sim-debrief/…, or a stage naming another scenario, version, seed,
/// scenario hash or timeline hash than `run`.
std::optional<DebriefFacts> read_debrief_facts(const NamedText& debrief, const RunIdentity& run,
                                               diag::Diagnostics& d);

}  // namespace lb::training
