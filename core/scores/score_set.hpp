// Every score the patient's data allow, in one set keyed by stable names
// (meld, meld_na, meld_3, ukeld, child_pugh, kings_college, clichy,
// clif_c_of, clif_c_aclf, clif_c_ad, aarc, china_lf_stage).
#pragma once

#include "patient/patient.hpp"
#include "protocol/score_settings.hpp"
#include "scores/score_inputs.hpp"
#include "scores/score_result.hpp"

namespace lb::scores {

/// Every score, in the order above; a score whose inputs are missing is
/// present with no value and its `missing` list.
ScoreSet compute_scores(const ScoreInputs& inputs, const ScoreSettings& settings);
ScoreSet compute_scores(const patient::Patient& patient, const ScoreSettings& settings);

}  // namespace lb::scores
