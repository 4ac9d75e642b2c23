// The bridge decision view at one re-assessment time: four blocks (futility signals, listing
// and referral criteria for the diagnosis, course and stop rules with the efficacy items and
// trends, the prediction check), each row a rule's status on measured values. It reports;
// it never decides, and it never touches the plan (tests/unit/bridge/ check both).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bridge/evaluate.hpp"
#include "bridge/observation.hpp"
#include "bridge/rule.hpp"

namespace lb::bridge {

/// Two rules on the same question that reach opposite statuses ("sources disagree").
struct Disagreement {
  std::string first, second;  ///< rule ids
  Status first_status = Status::met, second_status = Status::not_met;
};

/// Measured and predicted fall of one solute after one session against a published band.
struct PredictionRow {
  const Rule* rule = nullptr;
  int session = 0;
  std::string solute;
  std::optional<units::Fraction> measured_fall, predicted_fall;
  std::string measured_values;   ///< "342 µmol/L (session 1, pre, ...) → 290 µmol/L (...)"
  std::string predicted_values;  ///< "342 µmol/L → 193 µmol/L (planner)"
  Status measured = Status::not_evaluable, predicted = Status::not_evaluable;
  std::string measured_reason, predicted_reason;
  std::string band_text;  ///< "13.5 ± 13.0 % (n = 77, PE)"
  std::string note;       ///< e.g. a difference from a mean without spread
};

struct Block {
  std::string title;
  std::vector<RuleResult> rows;  ///< evaluated rules first, then the unverified (collapsed)
  std::vector<Disagreement> disagreements;
};

struct BridgeView {
  std::string patient, diagnosis, protocol;
  std::optional<Candidacy> candidacy;  ///< as the latest patient file states it
  Epoch at = 0;
  Block futility, listing, course;
  std::vector<PredictionRow> predictions;
  std::vector<RuleResult> prediction_rules_unverified;
  std::vector<Observation> course_figures;  ///< sessions recorded, TBRR, changes since start
  std::vector<std::string> notes;
};

/// Every rule of `rules` for the patient's diagnosis, evaluated at `inputs.at`.
BridgeView build_view(const RuleSet& rules, const BridgeInputs& inputs);

}  // namespace lb::bridge
