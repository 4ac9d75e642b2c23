// Plan reproducibility: re-run a stored plan from its stored patient text and
// protocol text with today's LiverBridge and compare the JSON with the stored
// JSON. A difference (e.g. after a software update changed a formula) is
// listed by JSON path with the stored and the new value.
#pragma once

#include <string>
#include <vector>

#include "records/model.hpp"

namespace lb::records {

struct JsonDifference {
  std::string path;           ///< e.g. "/exchange/volume_per_session/value"
  std::string stored, rerun;  ///< JSON text; "(absent)" when missing on one side
};

struct Reproduction {
  bool reproduced = false;
  /// Why the plan could not be re-run at all (input no longer valid, formula refused).
  std::string failure;
  std::vector<JsonDifference> differences;
  /// The plan JSON of the re-run ("" when it failed).
  std::string rerun_json;
  /// The stored plan was made by another LiverBridge version (named for context; the
  /// version string itself is not counted as a difference).
  std::string stored_version, current_version;
};

/// Through plan::plan_from_sources, as the plan was captured: overrides are read from
/// plan.overrides_json ([[rule, reason], ...]) and checked strictly against the protocol.
Reproduction reproduce_plan(const PlanRecord& plan);

/// Differences between two JSON documents, leaves only, in document order.
std::vector<JsonDifference> json_differences(const std::string& stored, const std::string& rerun);

}  // namespace lb::records
