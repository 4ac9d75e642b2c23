// AARC score and grade (APASL ACLF Research Consortium; LiverBridge clinical reference §19).
#pragma once

#include <optional>
#include <string_view>

#include "scores/score_inputs.hpp"
#include "scores/score_result.hpp"

namespace lb::scores {

/// The five AARC points (1–3 each); the numeric core shared by `aarc` and
/// `score_values`.
struct AarcPoints {
  int bilirubin = 0, encephalopathy = 0, inr = 0, lactate = 0, creatinine = 0;
  [[nodiscard]] int total() const {
    return bilirubin + encephalopathy + inr + lactate + creatinine;
  }
};
/// Empty when an input is missing.
std::optional<AarcPoints> aarc_points(const ScoreInputs& in);
/// "I" (5–7), "II" (8–10), "III" (11–15).
std::string_view aarc_grade(int total);

/// `value` 5–15; `category` the grade "I" (5–7), "II" (8–10), "III" (11–15).
ScoreResult aarc(const ScoreInputs& in);

}  // namespace lb::scores
