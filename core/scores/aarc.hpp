// AARC score and grade (APASL ACLF Research Consortium; clinical.md §5.8).
#pragma once

#include "scores/score_inputs.hpp"
#include "scores/score_result.hpp"

namespace lb::scores {

/// `value` 5–15; `category` the grade "I" (5–7), "II" (8–10), "III" (11–15).
ScoreResult aarc(const ScoreInputs& in);

}  // namespace lb::scores
