#include "report/plan_json.hpp"

#include <cmath>

#include "report/course_report.hpp"
#include "report/eligibility_report.hpp"
#include "report/patient_summary.hpp"
#include "report/scores_report.hpp"
#include "report/session_report.hpp"
#include "report/stored_plan.hpp"
#include "text/format.hpp"
#include "version.hpp"

namespace lb::report {

namespace {

/// Values in the display unit, rounded to 6 decimals to drop binary noise
/// (4823.799999999 -> 4823.8) while keeping far more precision than shown.
double clean(double v) { return std::round(v * 1e6) / 1e6; }

nlohmann::json quantity_json(const explain::Shown& s) {
  return {{"value", clean(s.value)}, {"unit", s.unit}, {"display", text::shown(s)}};
}

nlohmann::json severity_list(const std::vector<plan::Finding>& findings, diag::Severity sev) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : findings) {
    if (f.severity != sev) continue;
    out.push_back({{"code", f.code}, {"message", f.message}, {"figure", f.figure}});
  }
  return out;
}

}  // namespace

nlohmann::json derivation_json(const explain::Derivation& d) {
  nlohmann::json inputs = nlohmann::json::array();
  for (const auto& in : d.inputs) {
    nlohmann::json j = {{"name", in.name}};
    if (in.quantity) {
      j["value"] = clean(in.quantity->value);
      j["unit"] = in.quantity->unit;
      j["display"] = text::shown(*in.quantity);
    } else {
      j["text"] = in.text;
    }
    if (!in.ref.empty()) j["ref"] = in.ref;
    inputs.push_back(j);
  }
  nlohmann::json out = quantity_json(d.shown);
  out["derivation"] = {
      {"id", d.id},       {"label", d.label},   {"method", d.method},    {"formula", d.formula},
      {"inputs", inputs}, {"source", d.source}, {"warnings", d.warnings}};
  return out;
}

nlohmann::json plan_json(const plan::Plan& plan) {
  nlohmann::json patient = {{"id", plan.patient.id},
                            {"file", plan.patient_file},
                            {"sex", model::to_string(plan.patient.sex)},
                            {"diagnosis", patient::to_string(plan.patient.diagnosis)}};
  for (const auto& [name, q] : patient_quantities(plan.patient)) patient[name] = quantity_json(q);

  nlohmann::json sources = nlohmann::json::array();
  for (const auto& s : plan.protocol.sources) {
    sources.push_back({{"id", s.id}, {"citation", s.citation}, {"url", s.url}});
  }
  nlohmann::json caveats = nlohmann::json::array();
  for (const auto& c : plan.protocol.unverified) {
    caveats.push_back(
        {{"key", c.key}, {"note", c.note}, {"status", "unverified default: review locally"}});
  }
  nlohmann::json indications = nlohmann::json::array();
  for (const auto d : plan.protocol.indications) indications.push_back(patient::to_string(d));

  nlohmann::json out = {
      {"liverbridge_version", kVersion},
      {kFormatKey, static_cast<int>(kCurrentFormat)},
      {"disclaimer", plan::kDisclaimer},
      {"eligibility", eligibility_json(plan)},
      {"status", plan::to_string(plan.status())},
      {"patient", patient},
      {"protocol",
       {{"id", plan.protocol.id},
        {"version", plan.protocol.version},
        {"title", plan.protocol.title},
        {"file", plan.protocol.file},
        {"sha256", plan.protocol.sha256},
        {"indications", indications},
        {"sources", sources},
        {"unverified", caveats}}},
      {"volumes",
       {{"bmi", derivation_json(plan.bmi.how)},
        {"ideal_body_weight", derivation_json(plan.ideal_body_weight.how)},
        {"total_blood_volume", derivation_json(plan.total_blood_volume.how)},
        {"plasma_volume", derivation_json(plan.plasma_volume.how)}}},
      {"exchange",
       {{"rule", protocol::to_string(plan.protocol.rule)},
        {"volume_per_session", derivation_json(plan.exchange.volume.how)},
        {"plasma_volumes_per_session", derivation_json(plan.exchange.plasma_volumes.how)}}},
      {"scores", scores_json(plan.scores)},
      {"warnings", severity_list(plan.findings, diag::Severity::warning)},
      {"errors", severity_list(plan.findings, diag::Severity::error)},
  };
  add_session_json(out, plan);
  add_course_json(out, plan);
  return out;
}

std::string render_json(const plan::Plan& plan) { return plan_json(plan).dump(2) + "\n"; }

}  // namespace lb::report
