// CLIF-C OF with the six organ subscores and the EASL-CLIF ACLF grade,
// CLIF-C ACLF and CLIF-C AD (clinical.md §5.7).
#pragma once

#include "scores/score_inputs.hpp"
#include "scores/score_result.hpp"
#include "scores/score_settings.hpp"

namespace lb::scores {

/// `value` 6–18; `components` the six organ subscores; `organ_failures` the
/// failing organs ("liver", "kidney", "brain", "coagulation", "circulation",
/// "respiration"); `category` the ACLF grade: "no ACLF", "ACLF-1a", "ACLF-1b",
/// "ACLF-2", "ACLF-3a", "ACLF-3b".
ScoreResult clif_c_of(const ScoreInputs& in, ClifLiverBoundary liver);
/// 10 × [0.33 × CLIF-C OF + 0.04 × age + 0.63 × ln(WBC) − 2]; needs `of` computed.
ScoreResult clif_c_aclf(const ScoreInputs& in, const ScoreResult& of);
/// 10 × [0.03 × age + 0.66 × ln(Cr) + 1.71 × ln(INR) + 0.88 × ln(WBC) − 0.05 × Na + 8].
ScoreResult clif_c_ad(const ScoreInputs& in);

}  // namespace lb::scores
