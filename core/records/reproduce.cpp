#include "records/reproduce.hpp"

#include <nlohmann/json.hpp>

#include "plan/plan_sources.hpp"
#include "records/plan_capture.hpp"
#include "report/plan_json.hpp"
#include "report/stored_plan.hpp"
#include "version.hpp"

namespace lb::records {

namespace {
using nlohmann::json;

// The program version and the layout number are context, not results: comparing
// them would make every plan "different" after any update (or every plan stored
// before the layout number was written), hiding the differences that matter.
bool is_context(const std::string& path, const std::string& key) {
  return path.empty() && (key == "liverbridge_version" || key == report::kFormatKey);
}

void diff(const json& a, const json& b, const std::string& path, std::vector<JsonDifference>& out) {
  if (a.is_object() && b.is_object()) {
    for (const auto& [key, value] : a.items()) {
      if (is_context(path, key)) continue;
      const std::string child = path + "/" + key;
      if (b.contains(key)) {
        diff(value, b[key], child, out);
      } else {
        out.push_back({child, value.dump(), "(absent)"});
      }
    }
    for (const auto& [key, value] : b.items()) {
      if (is_context(path, key)) continue;
      if (!a.contains(key)) out.push_back({path + "/" + key, "(absent)", value.dump()});
    }
    return;
  }
  if (a.is_array() && b.is_array()) {
    const std::size_t n = std::max(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
      const std::string child = path + "/" + std::to_string(i);
      if (i >= a.size()) {
        out.push_back({child, "(absent)", b[i].dump()});
      } else if (i >= b.size()) {
        out.push_back({child, a[i].dump(), "(absent)"});
      } else {
        diff(a[i], b[i], child, out);
      }
    }
    return;
  }
  if (a != b) out.push_back({path.empty() ? "/" : path, a.dump(), b.dump()});
}
}  // namespace

std::vector<JsonDifference> json_differences(const std::string& stored, const std::string& rerun) {
  std::vector<JsonDifference> out;
  const auto a = json::parse(stored, nullptr, false);
  const auto b = json::parse(rerun, nullptr, false);
  if (a.is_discarded() || b.is_discarded()) {
    out.push_back({"/", a.is_discarded() ? "(not JSON)" : "(JSON)",
                   b.is_discarded() ? "(not JSON)" : "(JSON)"});
    return out;
  }
  diff(a, b, "", out);
  return out;
}

Reproduction reproduce_plan(const PlanRecord& plan) {
  Reproduction r;
  r.current_version = kVersion;
  const auto stored = json::parse(plan.plan_json, nullptr, false);
  if (!stored.is_discarded()) r.stored_version = stored.value("liverbridge_version", "");

  const auto overrides = overrides_from_json(plan.overrides_json);
  if (!overrides) {
    r.failure = "the stored overrides '" + plan.overrides_json + "' no longer read";
    return r;
  }
  // Strict, as when the plan was captured: a stored override the protocol text does not
  // allow is a failure to reproduce, never dropped.
  const auto attempt = plan::plan_from_sources(
      {plan.patient_text, plan.patient_file, plan.protocol_text, plan.protocol_file,
       plan::PlanChoices{plan.course_start, *overrides, plan::ChoicePolicy::strict}});
  switch (attempt.refusal) {
    case plan::Refusal::none: break;
    case plan::Refusal::patient_invalid:
    case plan::Refusal::protocol_invalid: {
      const bool patient_bad = attempt.refusal == plan::Refusal::patient_invalid;
      r.failure =
          std::string("the stored ") + (patient_bad ? "patient" : "protocol") +
          " text no longer loads (" +
          std::to_string((patient_bad ? attempt.patient_diagnostics : attempt.protocol_diagnostics)
                             .count(diag::Severity::error)) +
          " errors)";
      return r;
    }
    case plan::Refusal::start_invalid:
      r.failure = "the stored course start '" + plan.course_start +
                  "' no longer reads: " + attempt.start_error;
      return r;
    case plan::Refusal::override_refused:
      r.failure = "the stored overrides are no longer allowed: " +
                  eligibility::describe(attempt.refused_overrides.front());
      return r;
    case plan::Refusal::formula_refused:
    case plan::Refusal::internal_error:
      r.failure = "the plan can no longer be computed: " + attempt.problems.front();
      return r;
  }
  r.rerun_json = report::render_json(*attempt.plan);
  const std::string& rerun = r.rerun_json;
  r.differences = json_differences(plan.plan_json, rerun);
  r.reproduced = r.differences.empty();
  return r;
}

}  // namespace lb::records
