#include "records/plan_capture.hpp"

#include <nlohmann/json.hpp>

#include "plan/plan_sources.hpp"
#include "report/plan_json.hpp"
#include "schedule/calendar.hpp"

namespace lb::records {

namespace {
/// A refused override as the person approving the plan reads it (a blank reason
/// asks for one; the other findings in core's words).
std::string override_words(const eligibility::OverrideProblem& p) {
  if (p.kind == eligibility::OverrideProblem::Kind::no_reason) {
    return "the override of rule '" + p.rule_id.str() +
           "' has no reason: record why the team proceeds (e.g. \"discussed with the "
           "consultant\")";
  }
  return "the override of rule '" + p.rule_id.str() +
         "' is not allowed: " + eligibility::describe(p);
}
}  // namespace

PlanCapture capture_plan(const PlanCaptureRequest& r) {
  PlanCapture out;
  auto attempt = plan::plan_from_sources(
      {r.patient_text, r.patient_file, r.protocol_text, r.protocol_file,
       plan::PlanChoices{r.course_start, r.overrides, plan::ChoicePolicy::strict}});
  for (const auto& d : attempt.patient_diagnostics.items()) out.diagnostics.add(d);
  for (const auto& d : attempt.protocol_diagnostics.items()) out.diagnostics.add(d);
  out.plan = std::move(attempt.plan);
  switch (attempt.refusal) {
    case plan::Refusal::none: break;
    case plan::Refusal::patient_invalid:
    case plan::Refusal::protocol_invalid:
      out.error = "no plan: fix the errors in the patient or protocol file";
      return out;
    case plan::Refusal::override_refused:
      out.error = override_words(attempt.refused_overrides.front());
      return out;
    default: out.error = attempt.problems.front(); return out;
  }
  if (PatientId(out.plan->patient.id) != r.patient) {
    out.error =
        "the patient file is for '" + out.plan->patient.id + "', not '" + r.patient.str() + "'";
    out.plan.reset();
    return out;
  }
  if (out.plan->status() == plan::Status::not_ready) {
    out.error =
        "the plan is NOT READY (a hard limit or an eligibility rule of the protocol): it cannot be "
        "approved";
    return out;
  }
  out.input = PlanInput{r.patient,
                        r.patient_file,
                        r.patient_text,
                        r.protocol_file,
                        r.protocol_text,
                        out.plan->protocol.sha256,
                        report::render_json(*out.plan),
                        overrides_json(attempt.overrides),
                        r.review_json,
                        r.approved_by,
                        attempt.start ? schedule::iso(*attempt.start) : std::string()};
  return out;
}

std::string overrides_json(const eligibility::Overrides& overrides) {
  nlohmann::json o = nlohmann::json::array();
  for (const auto& [rule, reason] : overrides) o.push_back({rule.str(), reason});
  return o.dump();
}

std::optional<eligibility::Overrides> overrides_from_json(const std::string& text) {
  const auto o = nlohmann::json::parse(text, nullptr, false);
  if (!o.is_array()) return std::nullopt;
  eligibility::Overrides out;
  for (const auto& pair : o) {
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string()) {
      return std::nullopt;
    }
    out.emplace_back(model::RuleId(pair[0].get<std::string>()), pair[1].get<std::string>());
  }
  return out;
}

}  // namespace lb::records
