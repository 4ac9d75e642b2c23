// Clichy (Beaujon–Paul Brousse) criteria (Bernuau 1986; LiverBridge clinical reference §15).
#pragma once

#include <optional>

#include "protocol/score_settings.hpp"
#include "scores/score_inputs.hpp"
#include "scores/score_result.hpp"

namespace lb::scores {

/// The two Clichy criteria and the decision; each empty when unknown. The
/// numeric core shared by `clichy` and `score_values`.
struct ClichyState {
  std::optional<bool> encephalopathy;   ///< grade 3–4
  std::optional<bool> factor_v;         ///< below the age-dependent threshold
  std::optional<double> threshold_pct;  ///< 20 or 30 (empty without the age)
  std::optional<bool> met;
};
ClichyState clichy_state(const ScoreInputs& in, ClichyAgeBoundary boundary);

/// Encephalopathy grade 3–4 and factor V < 20 % (age < 30) or < 30 % (age ≥ 30,
/// or > 30 with the other boundary). `met` empty with `missing` when undecidable.
ScoreResult clichy(const ScoreInputs& in, ClichyAgeBoundary boundary);

}  // namespace lb::scores
