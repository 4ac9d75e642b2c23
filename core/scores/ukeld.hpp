// UKELD (clinical.md §5.9): formula from memory, reproduced by the transplantr
// test and the transplantbenefit example.
#pragma once

#include "scores/score_inputs.hpp"
#include "scores/score_result.hpp"

namespace lb::scores {

/// `value` rounded half-up to a whole number; `raw` unrounded.
ScoreResult ukeld(const ScoreInputs& in);

}  // namespace lb::scores
