#include "fhir/sources.hpp"

#include "patient/patient_loader.hpp"
#include "report/plan_json.hpp"

namespace lb::fhir {

ExportSources sources_for_plan(const plan::Plan& plan, const std::string& now) {
  ExportSources s;
  s.patient_id = plan.patient.id;
  s.patient = plan.patient;
  s.plans.push_back({report::render_json(plan), 0, false, now});
  s.timestamp = now;
  return s;
}

ExportSources sources_for_records(records::Store& store, const records::PatientId& patient,
                                  const std::string& now) {
  if (!store.find_patient(patient))
    throw records::InputError("unknown patient '" + patient.str() + "'");
  ExportSources s;
  s.patient_id = patient.str();
  for (const auto& p : store.plans_for(patient)) {
    s.plans.push_back({p.plan_json, p.id.raw(), true, p.approved_at});
    // The stored patient text passed the loader when the plan was approved; a text the
    // current loader refuses leaves the labs out rather than guessing them.
    auto load = patient::parse_patient(p.patient_text, p.patient_file);
    s.patient = load.patient ? std::move(load.patient) : std::nullopt;
  }
  s.sessions = store.sessions_for(patient);
  s.timestamp = now;
  return s;
}

}  // namespace lb::fhir
