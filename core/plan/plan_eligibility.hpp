// Adds the protocol's eligibility verdict to a plan: the rule outcomes for
// the patient, and findings so that the plan's status follows the verdict
// (not eligible, or a relative contraindication without a recorded override
// reason: not ready; cautions, overrides and undecidable rules: warnings).
#pragma once

#include "eligibility/eligibility.hpp"
#include "plan/plan.hpp"
#include "scores/score_result.hpp"

namespace lb::plan {

void add_eligibility(Plan& plan, const eligibility::Settings& rules, const scores::ScoreSet& scores,
                     const eligibility::Overrides& overrides);

/// "labs.platelets = 18 10^9/L (≤ 20 10^9/L)" for each value, joined by "; ".
std::string decided_by_text(const eligibility::RuleResult& r);

}  // namespace lb::plan
