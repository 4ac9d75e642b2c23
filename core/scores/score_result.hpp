// The common shape of every prognostic score and criterion, so that reports,
// eligibility rules and the cohort tool can treat them uniformly. A score
// whose inputs are missing has no value and lists what is missing; it never
// treats a missing value as normal.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lb::scores {

struct Component {
  std::string name;   ///< "bilirubin", "liver (bilirubin)"
  std::string input;  ///< the value used, with unit and any bound: "1.0 mg/dL (raised from 0.6)"
  std::optional<double> points;  ///< points or term value when the score has them
};

struct ScoreResult {
  std::string key;   ///< stable JSON name: "meld", "meld_na", "meld_3", "ukeld", "child_pugh",
                     ///< "kings_college", "clichy", "clif_c_of", "clif_c_aclf", "clif_c_ad",
                     ///< "aarc", "china_lf_stage"
  std::string name;  ///< "MELD-Na"
  std::optional<double> value;  ///< the score (integer scores as whole numbers); empty if missing
  std::optional<double> raw;    ///< unrounded/uncapped value where the source defines one
  std::string category;         ///< class/grade/stage: "B", "II", "ACLF-1b", "early"; "" if none
  std::optional<bool> met;      ///< for criteria (King's College, Clichy); empty if undecidable
  std::vector<std::string> organ_failures;  ///< CLIF-C OF only
  std::string version;                      ///< "MELD-Na, OPTN 2016"
  std::vector<Component> components;
  std::vector<std::string> bounds_applied;  ///< "creatinine capped at 4.0 mg/dL"
  std::vector<std::string> missing;         ///< inputs needed but absent
  std::vector<std::string> notes;           ///< e.g. "lactate addition shown separately"
  std::string source;

  [[nodiscard]] bool computed() const { return value.has_value() || met.has_value(); }
};

struct ScoreSet {
  std::vector<ScoreResult> results;
  /// The result with this key, or nullptr.
  [[nodiscard]] const ScoreResult* find(std::string_view key) const {
    for (const auto& r : results) {
      if (r.key == key) return &r;
    }
    return nullptr;
  }
};

}  // namespace lb::scores
