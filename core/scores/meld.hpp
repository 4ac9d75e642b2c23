// MELD (OPTN, clinical.md §5.1), MELD-Na (OPTN 2016 or the "140" formula,
// §5.2) and MELD 3.0 (Kim 2021, §5.3). Inputs are clamped before logarithms;
// rounding is decimal half-up; caps apply after rounding.
#pragma once

#include "scores/score_inputs.hpp"
#include "scores/score_result.hpp"
#include "scores/score_settings.hpp"

namespace lb::scores {

/// MELD(i): `value` 6–40, `raw` = 10 × MELD(i) unrounded and uncapped.
ScoreResult meld(const ScoreInputs& in);
/// MELD-Na with the chosen formula; `raw` unrounded and uncapped.
ScoreResult meld_na(const ScoreInputs& in, MeldNaFormula formula);
/// MELD 3.0; `raw` unrounded and uncapped; `value` capped at 40 unless `cap` is none.
ScoreResult meld_3(const ScoreInputs& in, Meld3Cap cap);

}  // namespace lb::scores
