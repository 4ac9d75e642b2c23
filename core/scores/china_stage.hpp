// Chinese liver-failure stage (肝衰竭诊治指南; LiverBridge clinical reference §20): early,
// middle or late, from prothrombin activity (PTA) or from INR as the protocol
// chooses. PTA and INR are never converted into each other.
#pragma once

#include <optional>
#include <string_view>

#include "protocol/score_settings.hpp"
#include "scores/score_inputs.hpp"
#include "scores/score_result.hpp"

namespace lb::scores {

/// The stage 0 (none), 1 (early), 2 (middle) or 3 (late) from the chosen
/// basis; empty when that lab is missing. The numeric core shared by
/// `china_lf_stage` and `score_values`.
std::optional<int> china_stage(const ScoreInputs& in, ChinaStageBasis basis);
/// "none", "early", "middle", "late" for stage 0–3.
std::string_view china_stage_name(int stage);

/// `category` "early", "middle", "late", or "none" (above the liver-failure
/// range: PTA > 40 % or INR < 1.5); `value` 1, 2, 3 or 0 accordingly.
ScoreResult china_lf_stage(const ScoreInputs& in, ChinaStageBasis basis);

}  // namespace lb::scores
