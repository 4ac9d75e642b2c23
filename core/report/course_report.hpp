// The course part of a plan in every output: the sessions in time with their
// exchange volume, efficacy lab draw, re-assessment and eligibility re-check;
// the predicted labs per solute (immediately-post values marked as not
// comparable with pre values); the stop criteria. JSON names (README "JSON
// output"): schedule.sessions[], schedule.stop_criteria[],
// kinetics.<solute>.pre|post|next_day (one entry per session).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "kinetics/predict.hpp"
#include "plan/plan.hpp"

namespace lb::report {

/// Appends the "Course" section of the text worksheet (nothing when the plan has no course).
void course_text(std::string& out, const plan::Plan& plan);
/// Appends the "## Course" section of the Markdown report.
void course_markdown(std::string& out, const plan::Plan& plan);
/// A predicted value with its band: the derivation, plus `low`, `high` and `band` text.
nlohmann::json banded_json(protocol::Solute s, const explain::Derivation& how,
                           const kinetics::Band& b);
/// Adds `schedule` and `kinetics` to the JSON plan (nothing when the plan has no course).
void add_course_json(nlohmann::json& out, const plan::Plan& plan);

}  // namespace lb::report
