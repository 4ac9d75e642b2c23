// The eligibility part of a plan, first in every output: the verdict, each
// rule's outcome with the values that decided it, recorded override reasons,
// and the ASFA 2023 category for the indication.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "plan/plan.hpp"
#include "report/wording.hpp"

namespace lb::report {

/// Appends the "Eligibility" section of the text worksheet.
void eligibility_text(std::string& out, const plan::Plan& plan);
/// Appends the "## Eligibility" section of the Markdown report.
void eligibility_markdown(std::string& out, const plan::Plan& plan);
/// The `eligibility` object of the JSON plan (README "JSON output").
nlohmann::json eligibility_json(const plan::Plan& plan);

}  // namespace lb::report
