// Clichy (Beaujon–Paul Brousse) criteria (Bernuau 1986; clinical.md §5.6).
#pragma once

#include "scores/score_inputs.hpp"
#include "scores/score_result.hpp"
#include "scores/score_settings.hpp"

namespace lb::scores {

/// Encephalopathy grade 3–4 and factor V < 20 % (age < 30) or < 30 % (age ≥ 30,
/// or > 30 with the other boundary). `met` empty with `missing` when undecidable.
ScoreResult clichy(const ScoreInputs& in, ClichyAgeBoundary boundary);

}  // namespace lb::scores
