// MELD (OPTN, LiverBridge clinical reference §9), MELD-Na (OPTN 2016 or the "140" formula,
// §10) and MELD 3.0 (Kim 2021, §11). Inputs are clamped before logarithms;
// rounding is decimal half-up; caps apply after rounding.
#pragma once

#include <optional>

#include "protocol/score_settings.hpp"
#include "scores/score_inputs.hpp"
#include "scores/score_result.hpp"

namespace lb::scores {

/// A score's number before and after rounding and capping. Both empty when an
/// input is missing (the numeric core shared by the functions below and
/// `score_values`).
struct MeldNumbers {
  std::optional<double> raw;    ///< unrounded, uncapped
  std::optional<double> value;  ///< rounded half-up, capped as the version says
};
MeldNumbers meld_numbers(const ScoreInputs& in);
MeldNumbers meld_na_numbers(const ScoreInputs& in, MeldNaFormula formula);
/// Also empty below 12 years (MELD 3.0 is not defined there).
MeldNumbers meld_3_numbers(const ScoreInputs& in, Meld3Cap cap);

/// MELD(i): `value` 6–40, `raw` = 10 × MELD(i) unrounded and uncapped.
ScoreResult meld(const ScoreInputs& in);
/// MELD-Na with the chosen formula; `raw` unrounded and uncapped.
ScoreResult meld_na(const ScoreInputs& in, MeldNaFormula formula);
/// MELD 3.0; `raw` unrounded and uncapped; `value` capped at 40 unless `cap` is none.
ScoreResult meld_3(const ScoreInputs& in, Meld3Cap cap);

}  // namespace lb::scores
