// The numbers of every score without their explanation: value, criterion
// met/not met and category, for one patient, in a fixed-size value type that
// allocates nothing. The cohort tool evaluates a million patients with it
// (eligibility::decide); `compute_scores` gives the same numbers with their
// components, bounds and sources (tested to agree). Each score's numeric core
// lives in its own file and is shared by both paths.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "protocol/score_settings.hpp"
#include "scores/score_inputs.hpp"
#include "scores/score_result.hpp"

namespace lb::scores {

/// The stable score names, in the order of a ScoreSet.
enum class ScoreKey : std::uint8_t {
  meld,
  meld_na,
  meld_3,
  ukeld,
  child_pugh,
  kings_college,
  clichy,
  clif_c_of,
  clif_c_aclf,
  clif_c_ad,
  aarc,
  china_lf_stage,
};
inline constexpr std::size_t kScoreCount = 12;

/// "meld", "meld_na", ... (the JSON names).
std::string_view to_string(ScoreKey k);
/// The key with this JSON name, or nullopt.
std::optional<ScoreKey> score_key(std::string_view name);

/// One score's numbers. `category` points to a string literal ("B", "II",
/// "ACLF-2", "middle"; "" if the score has none or was not computed).
struct ScoreValue {
  std::optional<double> value;
  std::optional<bool> met;
  std::string_view category;
  [[nodiscard]] bool computed() const { return value.has_value() || met.has_value(); }
};

struct ScoreValues {
  std::array<ScoreValue, kScoreCount> values{};
  [[nodiscard]] const ScoreValue& operator[](ScoreKey k) const {
    return values[static_cast<std::size_t>(k)];
  }
  ScoreValue& operator[](ScoreKey k) { return values[static_cast<std::size_t>(k)]; }
};

/// Every score's numbers for these inputs (no text, no heap allocation).
ScoreValues score_values(const ScoreInputs& in, const ScoreSettings& settings);
/// The numbers of a full score set (categories refer to the set's strings:
/// keep the set alive while the values are used).
ScoreValues score_values(const ScoreSet& set);

}  // namespace lb::scores
