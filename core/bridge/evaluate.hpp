// Evaluates one bridge rule on measured values at one re-assessment time. The result is a
// status (met, not met, not evaluable with the reasons, sources disagree with both readings)
// and every value looked at, with why a value was not used. Pure: it reads the inputs and
// the rule and changes nothing (no plan, no record). Values are compared exactly as stored:
// a score is never rounded before its threshold, a lab is converted between unit systems only
// through its molar mass, and a value near a threshold compares within a relative 1e-9
// (units/compare.hpp), far below any measurement precision.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bridge/observation.hpp"
#include "bridge/rule.hpp"
#include "bridge/status.hpp"

namespace lb::bridge {

/// One value a comparison looked at.
struct ValueSeen {
  Observation observation;
  bool used = false;
  std::string in_threshold_unit;   ///< "318 µmol/L" when converted for the comparison; else ""
  std::vector<std::string> flags;  ///< why it is not valid for this criterion, or context notes
};

/// One comparison of the rule, in tree order (`depth` 0 = the rule's top criterion).
struct LeafResult {
  int depth = 0;
  std::string label;  ///< "Creatinine > 300 µmol/L" or "all of:" for a group
  bool group = false;
  /// Where two readings of the wording part (an alternative threshold or conjunction).
  bool origin = false;
  Status status = Status::not_evaluable;
  std::string reason;  ///< for not evaluable or sources disagree
  std::vector<ValueSeen> values;
};

struct RuleResult {
  const Rule* rule = nullptr;
  bool evaluated = false;  ///< false: an unverified rule, listed and collapsed
  Status status = Status::not_evaluable;
  std::vector<std::string> reasons;  ///< not evaluable: what is missing or when it opens
  std::string readings;              ///< sources disagree: both readings with their status
  std::vector<LeafResult> criteria;
  std::optional<Epoch> window_from, window_to;
  /// How this patient differs from the rule's population ("received plasma exchange").
  std::vector<std::string> differences;
};

/// The rule at `inputs.at`. An unverified rule without `evaluate: true` is returned
/// unevaluated (status not evaluable, reason "unverified").
RuleResult evaluate_rule(const Rule& rule, const BridgeInputs& inputs);

/// Shown text of an observation time: "2026-11-20T08:00:00Z", or "time not stated".
std::string time_text(const std::optional<Epoch>& at);

}  // namespace lb::bridge
