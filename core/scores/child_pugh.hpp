// Child-Pugh (Child–Turcotte–Pugh) score and class (clinical.md §5.4).
#pragma once

#include "scores/score_inputs.hpp"
#include "scores/score_result.hpp"
#include "scores/score_settings.hpp"

namespace lb::scores {

/// All five parameters are required (a dropped component is a known bug class).
/// `value` 5–15, `category` "A" (5–6), "B" (7–9), "C" (10–15).
ScoreResult child_pugh(const ScoreInputs& in, ChildPughAlbuminBand band);

}  // namespace lb::scores
