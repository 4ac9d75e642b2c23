// Chinese liver-failure stage (肝衰竭诊治指南; clinical.md §3.5): early,
// middle or late, from prothrombin activity (PTA) or from INR as the protocol
// chooses. PTA and INR are never converted into each other.
#pragma once

#include "scores/score_inputs.hpp"
#include "scores/score_result.hpp"
#include "scores/score_settings.hpp"

namespace lb::scores {

/// `category` "early", "middle", "late", or "none" (above the liver-failure
/// range: PTA > 40 % or INR < 1.5); `value` 1, 2, 3 or 0 accordingly.
ScoreResult china_lf_stage(const ScoreInputs& in, ChinaStageBasis basis);

}  // namespace lb::scores
