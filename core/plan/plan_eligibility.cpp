#include "plan/plan_eligibility.hpp"

#include <algorithm>

#include "plan/finding_codes.hpp"

namespace lb::plan {

namespace {

eligibility::Verdict level(eligibility::Severity s) {
  switch (s) {
    case eligibility::Severity::absolute: return eligibility::Verdict::not_eligible;
    case eligibility::Severity::relative: return eligibility::Verdict::relative_contraindication;
    case eligibility::Severity::caution: return eligibility::Verdict::eligible_with_cautions;
  }
  return eligibility::Verdict::not_eligible;
}

std::string what(const eligibility::RuleResult& r) {
  const std::string values = decided_by_text(r);
  return r.id.str() + ": " + r.message + (values.empty() ? "" : " (" + values + ")");
}

}  // namespace

std::string decided_by_text(const eligibility::RuleResult& r) {
  std::string out;
  for (const auto& e : r.decided_by) {
    if (!out.empty()) out += "; ";
    out += e.name + " = " + e.display + " (" + e.condition + ")";
  }
  return out;
}

void add_eligibility(Plan& plan, const eligibility::Settings& rules, const scores::ScoreSet& scores,
                     const eligibility::Overrides& overrides) {
  using eligibility::Outcome;
  using eligibility::Severity;
  plan.eligibility = eligibility::evaluate_eligibility(rules, plan.patient, scores, overrides);
  // A rule names a source id of its protocol; the reader sees the citation it stands for.
  for (auto& r : plan.eligibility->rules) {
    for (const auto& s : plan.protocol.sources) {
      if (s.id == r.source) r.source = s.citation;
    }
  }
  const auto& e = *plan.eligibility;
  auto worst = eligibility::Verdict::eligible;
  for (const auto& r : e.rules) {
    if (r.triggered) worst = std::max(worst, level(r.severity));
  }
  std::vector<Finding> found;
  for (const auto& r : e.rules) {
    if (r.triggered) {
      switch (r.severity) {
        case Severity::absolute:
          found.push_back({diag::Severity::error, codes::kNotEligible.code,
                           "not eligible: " + what(r), "eligibility"});
          break;
        case Severity::relative:
          if (r.override_reason.empty()) {
            found.push_back({diag::Severity::error, codes::kRelativeContraindication.code,
                             "relative contraindication without a recorded reason: " + what(r) +
                                 "; to proceed, record why with --override " + r.id.str() +
                                 "=\"reason\"",
                             "eligibility"});
          } else {
            found.push_back({diag::Severity::warning, codes::kOverride.code,
                             "relative contraindication overridden: " + what(r) +
                                 "; reason recorded: " + r.override_reason,
                             "eligibility"});
          }
          break;
        case Severity::caution:
          found.push_back({diag::Severity::warning, codes::kCaution.code, "caution: " + what(r),
                           "eligibility"});
          break;
      }
    } else if (r.outcome == Outcome::cannot_decide && level(r.severity) > worst) {
      found.push_back(
          {diag::Severity::warning, codes::kCannotDecide.code,
           "cannot decide eligibility rule " + what(r) + "; enter the missing values to decide it",
           "eligibility"});
    }
  }
  plan.findings.insert(plan.findings.begin(), found.begin(), found.end());
}

}  // namespace lb::plan
