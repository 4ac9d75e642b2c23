// What the store needs to know of a timeline (JSON Lines, docs/simulation-scenarios.md): the
// scenario id, version and seed from its `start` line, and the figures of a listing. Read as
// JSON, line by line, without the simulation's types: a timeline from another LiverBridge
// version is read the same way as long as its lines keep the documented keys.
#pragma once

#include <optional>
#include <string>

#include "diag/diagnostic.hpp"
#include "training/attempt.hpp"

namespace lb::training {

struct TimelineFacts {
  std::string scenario_id, scenario_version;
  std::string seed;  ///< decimal digits
  /// SHA-256 of the scenario text run, from the start line; "" in older timelines.
  std::string scenario_sha256;
  AttemptFigures figures;
};

/// The facts of a timeline, or nullopt with every problem at name:line:col in `d`: each line a
/// JSON object with a whole, non-negative `t` that never decreases and a `kind`; the first line
/// the one `start` line (scenario, version, seed); an `end` line only last.
std::optional<TimelineFacts> read_timeline_facts(const NamedText& timeline, diag::Diagnostics& d);

}  // namespace lb::training
