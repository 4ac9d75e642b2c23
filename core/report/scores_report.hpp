// The prognostic scores as a report block (text, Markdown, JSON), shared by
// `liverbridge score` and the plan. JSON names (README "JSON output"):
// scores.<key> with value, raw, version, components[], bounds_applied[],
// missing[], notes[], source, and class/grade/met/organ_failures/aclf_grade/
// stage where the score has them.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "patient/patient.hpp"
#include "protocol/score_settings.hpp"
#include "scores/score_result.hpp"

namespace lb::report {

nlohmann::json score_json(const scores::ScoreResult& r);
/// {"meld": {...}, "meld_na": {...}, ...} in the set's order.
nlohmann::json scores_json(const scores::ScoreSet& set);
nlohmann::json score_settings_json(const scores::ScoreSettings& s);

/// "25", "9 · class B", "met", "not decidable", "not computed".
std::string score_headline(const scores::ScoreResult& r);
/// The "Scores" section of a text report (starts with a blank line).
std::string scores_text(const scores::ScoreSet& set);
/// The "## Scores" section of a Markdown report (starts with a blank line).
std::string scores_markdown(const scores::ScoreSet& set);

/// The whole output of `liverbridge score`.
std::string render_scores_text(const patient::Patient& p, const std::string& patient_file,
                               const scores::ScoreSet& set);
std::string render_scores_markdown(const patient::Patient& p, const std::string& patient_file,
                                   const scores::ScoreSet& set);
std::string render_scores_json(const patient::Patient& p, const std::string& patient_file,
                               const scores::ScoreSet& set, const scores::ScoreSettings& settings);

}  // namespace lb::report
