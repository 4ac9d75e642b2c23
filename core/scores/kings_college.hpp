// King's College Criteria (O'Grady 1989; LiverBridge clinical reference §14): the paracetamol
// branch or the non-paracetamol branch, chosen by the etiology. The lactate
// and phosphate additions (modified criteria) are shown as separate
// components and notes; they never change `met`.
#pragma once

#include <optional>

#include "protocol/score_settings.hpp"
#include "scores/score_inputs.hpp"
#include "scores/score_result.hpp"

namespace lb::scores {

/// Each criterion true, false or unknown (empty), and the decision: the
/// numeric core shared by `kings_college` and `score_values`.
struct KccState {
  bool paracetamol = false;  ///< which branch applies (meaningless without an etiology)
  // Paracetamol: pH < 7.30, or all of INR > 6.5, creatinine > 300 µmol/L, HE III–IV.
  std::optional<bool> ph, inr_over_6_5, creatinine, encephalopathy;
  // Non-paracetamol: INR > 6.5 alone, or three of the five minor criteria.
  std::optional<bool> cause, age, interval, inr_over_3_5, bilirubin;
  int minor_met = 0, minor_unknown = 0;
  std::optional<bool> met;  ///< empty when the known values cannot decide
};
/// Empty when the etiology is missing (it chooses the branch).
std::optional<KccState> kings_college_state(const ScoreInputs& in, KccAge age_rule,
                                            KccBilirubin bilirubin_rule);

/// `met` true/false, or empty with `missing` when the known values cannot decide.
ScoreResult kings_college(const ScoreInputs& in, KccAge age_rule, KccBilirubin bilirubin_rule);

}  // namespace lb::scores
