// UKELD (LiverBridge clinical reference §12, Barber 2011): coefficients reproduced by the
// transplantr test and the transplantbenefit example.
#pragma once

#include <optional>

#include "scores/score_inputs.hpp"
#include "scores/score_result.hpp"

namespace lb::scores {

/// The unrounded UKELD, or empty when an input is missing (the numeric core
/// shared by `ukeld` and `score_values`).
std::optional<double> ukeld_raw(const ScoreInputs& in);

/// `value` rounded half-up to a whole number; `raw` unrounded.
ScoreResult ukeld(const ScoreInputs& in);

}  // namespace lb::scores
