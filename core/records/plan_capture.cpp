#include "records/plan_capture.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "io/sha256.hpp"
#include "patient/patient_loader.hpp"
#include "plan/build_plan.hpp"
#include "protocol/protocol_loader.hpp"
#include "report/plan_json.hpp"
#include "schedule/calendar.hpp"

namespace lb::records {

PlanCapture capture_plan(const std::string& patient_id, const std::string& patient_text,
                         const std::string& patient_file, const std::string& protocol_text,
                         const std::string& protocol_file, const eligibility::Overrides& overrides,
                         const std::string& review_json, const std::string& approved_by,
                         const std::string& course_start) {
  PlanCapture out;
  std::optional<schedule::LocalTime> start;
  if (!course_start.empty()) {
    const auto parsed = schedule::parse_local_time(course_start);
    if (!parsed.value) {
      out.error = "course start " + parsed.error;
      return out;
    }
    start = parsed.value;
  }
  auto patient = patient::parse_patient(patient_text, patient_file);
  auto protocol = protocol::parse_protocol(protocol_text, protocol_file);
  for (const auto& d : patient.diagnostics.items()) out.diagnostics.add(d);
  for (const auto& d : protocol.diagnostics.items()) out.diagnostics.add(d);
  if (!patient.patient || !protocol.protocol) {
    out.error = "no plan: fix the errors in the patient or protocol file";
    return out;
  }
  if (patient.patient->id != patient_id) {
    out.error = "the patient file is for '" + patient.patient->id + "', not '" + patient_id + "'";
    return out;
  }
  const auto problems = eligibility::check_overrides(protocol.protocol->eligibility, overrides);
  if (!problems.empty()) {
    out.error = problems.front();
    return out;
  }
  try {
    plan::PlanRequest request{*patient.patient,
                              patient_file,
                              *protocol.protocol,
                              protocol_file,
                              io::sha256_hex(protocol_text),
                              overrides};
    request.start = start;
    out.plan = plan::build_plan(request);
  } catch (const std::exception& e) {
    out.error = std::string("cannot plan this patient with this protocol: ") + e.what();
    return out;
  }
  if (out.plan->status() == plan::Status::not_ready) {
    out.error =
        "the plan is NOT READY (a hard limit or an eligibility rule of the protocol): it cannot be "
        "approved";
    return out;
  }
  nlohmann::json o = nlohmann::json::array();
  for (const auto& [rule, reason] : overrides) o.push_back({rule, reason});
  out.input = PlanInput{patient_id,    patient_file,
                        patient_text,  protocol_file,
                        protocol_text, report::render_json(*out.plan),
                        o.dump(),      review_json,
                        approved_by,   start ? schedule::iso(*start) : std::string()};
  return out;
}

}  // namespace lb::records
