// CLIF-C OF with the six organ subscores and the EASL-CLIF ACLF grade,
// CLIF-C ACLF and CLIF-C AD (LiverBridge clinical reference §16).
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "protocol/score_settings.hpp"
#include "scores/score_inputs.hpp"
#include "scores/score_result.hpp"

namespace lb::scores {

/// One organ's CLIF-C OF subscore (1–3, empty when its inputs are missing) and
/// whether it counts as an organ failure.
struct OrganScore {
  std::optional<int> score;
  bool failure = false;
};
/// The six organs, in this order.
inline constexpr std::array<std::string_view, 6> kClifOrgans = {
    "liver", "kidney", "brain", "coagulation", "circulation", "respiration"};
/// The numeric core shared by `clif_c_of` and `score_values`.
struct ClifOf {
  std::array<OrganScore, 6> organs;
  std::optional<int> total;     ///< 6–18; empty when an organ is missing
  std::string_view aclf_grade;  ///< "no ACLF" ... "ACLF-3b"; "" when `total` is empty
};
ClifOf clif_c_of_core(const ScoreInputs& in, ClifLiverBoundary liver);
/// 10 × [0.33 × OF + 0.04 × age + 0.63 × ln(WBC) − 2] rounded to 0.01, and
/// unrounded; empty when OF, age or WBC is missing.
std::optional<double> clif_c_aclf_raw(const ScoreInputs& in, std::optional<int> of);
std::optional<double> clif_c_ad_raw(const ScoreInputs& in);

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
