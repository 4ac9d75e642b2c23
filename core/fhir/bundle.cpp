#include "fhir/bundle.hpp"

#include <stdexcept>

#include "fhir/course.hpp"
#include "model/person.hpp"
#include "records/store.hpp"

namespace lb::fhir {

namespace {

/// Labs and body measurements of the patient file: every catalogue field with a value and a
/// code (the analytes are the catalogue's, not a list of this file's).
std::vector<Entry> patient_observations(const ExportSources& s, const std::string& subject) {
  std::vector<Entry> out;
  if (!s.patient) return out;
  for (const auto& field : patient::field_catalogue()) {
    if (!field.get) continue;
    const auto value = field.get(*s.patient);
    if (!value) continue;
    const auto m = measure(field, *value);
    if (!m) continue;
    out.push_back({resource_urn(s.patient_id, "observation/" + std::string(field.key)),
                   observation(*m, subject, "")});
  }
  return out;
}

json entry_json(const Entry& e) { return {{"fullUrl", e.url}, {"resource", e.resource}}; }

}  // namespace

std::string render_bundle(const ExportSources& s) {
  const std::string subject = resource_urn(s.patient_id, "patient");
  json entries = json::array();
  std::optional<std::string_view> gender;
  std::string sex;
  if (s.patient) {
    sex = model::to_string(s.patient->sex);
    gender = sex;
  }
  entries.push_back(entry_json({subject, patient_resource(s.patient_id, gender)}));
  if (s.patient) {
    entries.push_back(entry_json({resource_urn(s.patient_id, "condition/diagnosis"),
                                  condition_resource(s.patient->diagnosis, subject)}));
  }
  for (const auto& e : patient_observations(s, subject)) entries.push_back(entry_json(e));

  for (std::size_t i = 0; i < s.plans.size(); ++i) {
    const PlanSource& source = s.plans[i];
    const auto read = report::read_stored_plan(source.plan_json);
    if (!read.plan) {
      // A records failure the export command reports as bad input, not an internal error.
      throw records::InputError(
          (source.record_id != 0 ? "stored plan " + std::to_string(source.record_id) : "plan") +
          ": its plan JSON cannot be read: " + read.error);
    }
    // The scores of the latest plan, computed with its protocol's score settings.
    std::vector<std::string> targets;
    if (i + 1 == s.plans.size()) {
      const json plan = json::parse(source.plan_json, nullptr, false);
      if (plan.is_object() && plan.contains("scores") && plan["scores"].is_object()) {
        for (const auto& [key, score] : plan["scores"].items()) {
          auto o = score_observation(key, score, subject);
          if (!o) continue;
          const std::string urn = resource_urn(s.patient_id, "score/" + key);
          entries.push_back(entry_json({urn, *o}));
          targets.push_back(urn);
        }
      }
    }
    for (const auto& e : plan_entries(s, source, *read.plan, i, subject, targets)) {
      entries.push_back(entry_json(e));
    }
  }
  for (const auto& r : s.sessions) {
    std::string care_plan;
    for (std::size_t i = 0; i < s.plans.size(); ++i) {
      if (s.plans[i].record_id == r.plan_id.raw()) care_plan = care_plan_urn(s, i);
    }
    for (const auto& e : session_entries(s, r, subject, care_plan))
      entries.push_back(entry_json(e));
  }
  const json bundle = {{"resourceType", "Bundle"},
                       {"type", "collection"},
                       {"timestamp", s.timestamp},
                       {"entry", entries}};
  return bundle.dump(2) + "\n";
}

}  // namespace lb::fhir
