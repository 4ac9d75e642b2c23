// King's College Criteria (O'Grady 1989; clinical.md §5.5): the paracetamol
// branch or the non-paracetamol branch, chosen by the etiology. The lactate
// and phosphate additions (modified criteria) are shown as separate
// components and notes; they never change `met`.
#pragma once

#include "scores/score_inputs.hpp"
#include "scores/score_result.hpp"
#include "scores/score_settings.hpp"

namespace lb::scores {

/// `met` true/false, or empty with `missing` when the known values cannot decide.
ScoreResult kings_college(const ScoreInputs& in, KccAge age_rule, KccBilirubin bilirubin_rule);

}  // namespace lb::scores
