// Child-Pugh (Child–Turcotte–Pugh) score and class (LiverBridge clinical reference §13).
#pragma once

#include <optional>
#include <string_view>

#include "protocol/score_settings.hpp"
#include "scores/score_inputs.hpp"
#include "scores/score_result.hpp"

namespace lb::scores {

/// The five Child-Pugh points (1–3 each); the numeric core shared by
/// `child_pugh` and `score_values`.
struct ChildPughPoints {
  int bilirubin = 0, albumin = 0, inr = 0, ascites = 0, encephalopathy = 0;
  [[nodiscard]] int total() const { return bilirubin + albumin + inr + ascites + encephalopathy; }
};
/// Empty when any of the five is missing (a dropped component is a known bug class).
std::optional<ChildPughPoints> child_pugh_points(const ScoreInputs& in, ChildPughAlbuminBand band);
/// "A" (5–6), "B" (7–9), "C" (10–15).
std::string_view child_pugh_class(int total);

/// All five parameters are required. `value` 5–15, `category` "A", "B" or "C".
ScoreResult child_pugh(const ScoreInputs& in, ChildPughAlbuminBand band);

}  // namespace lb::scores
