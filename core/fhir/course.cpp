#include "fhir/course.hpp"

#include "patient/catalogue.hpp"
#include "version.hpp"

namespace lb::fhir {

namespace {

json procedure_code() {
  const ProcedureCode c = plasma_exchange_code();
  return {
      {"coding", json::array({{{"system", c.system}, {"code", c.code}, {"display", c.display}}})},
      {"text", "Therapeutic plasma exchange"}};
}

std::optional<json> volume_ml(const units::Volume& v) {
  const auto n = number_in(units::AnyQuantity::of(v), "mL");
  if (!n) return std::nullopt;
  return ucum_quantity(*n, "mL", "mL");
}

json order_detail(std::string_view code, const std::string& text) {
  return {{"coding", json::array({{{"system", kOrderSystem}, {"code", code}}})}, {"text", text}};
}

/// The date part of a local wall time ("2026-12-05T08:00" -> "2026-12-05"): a FHIR date
/// needs no time zone, a dateTime with a time would.
std::string date_of(const std::string& local) { return local.substr(0, 10); }

json service_request(const report::StoredPlan& plan, const PlanSource& source,
                     const std::string& subject, int number, std::optional<int> day,
                     const std::optional<std::string>& start,
                     const std::optional<units::Volume>& volume) {
  json sr = {{"resourceType", "ServiceRequest"},
             {"status", source.approved ? "active" : "draft"},
             {"intent", source.approved ? "plan" : "proposal"},
             {"code", procedure_code()},
             {"subject", reference(subject)}};
  json ext = json::array({extension("session-number", "valueInteger", number)});
  if (day) ext.push_back(extension("course-day", "valueInteger", *day));
  if (start) {
    ext.push_back(extension("planned-start-local", "valueString", *start));
    sr["occurrenceDateTime"] = date_of(*start);
  }
  if (volume) {
    if (auto q = volume_ml(*volume))
      ext.push_back(extension("exchange-volume", "valueQuantity", *q));
  }
  sr["extension"] = ext;
  json details = json::array();
  if (plan.replacement && !plan.replacement->mix.text.empty()) {
    details.push_back(order_detail("replacement-" + plan.replacement->mix.text,
                                   "Replacement fluid: " + plan.replacement->mix.text));
  }
  if (plan.anticoagulation && !plan.anticoagulation->method.text.empty()) {
    const auto& a = *plan.anticoagulation;
    details.push_back(order_detail(
        "anticoagulant-" + a.method.text,
        "Anticoagulant: " + a.method.text + (a.solution.empty() ? "" : " (" + a.solution + ")")));
  }
  if (!details.empty()) sr["orderDetail"] = details;
  return sr;
}

}  // namespace

std::string care_plan_urn(const ExportSources& s, std::size_t index) {
  return resource_urn(s.patient_id, "careplan/" + std::to_string(index));
}

std::vector<Entry> plan_entries(const ExportSources& s, const PlanSource& source,
                                const report::StoredPlan& plan, std::size_t index,
                                const std::string& subject,
                                const std::vector<std::string>& targets) {
  std::vector<Entry> out;
  const std::string prefix = "plan/" + std::to_string(index) + "/";
  std::vector<std::string> requests;
  const auto add_request = [&](int number, std::optional<int> day,
                               const std::optional<std::string>& start,
                               const std::optional<units::Volume>& volume) {
    const std::string urn =
        resource_urn(s.patient_id, prefix + "session/" + std::to_string(number));
    out.push_back({urn, service_request(plan, source, subject, number, day, start, volume)});
    requests.push_back(urn);
  };
  if (plan.schedule && !plan.schedule->sessions.empty()) {
    for (const auto& session : plan.schedule->sessions) {
      add_request(session.number, session.day, session.start, session.exchange_volume.quantity);
    }
  } else {
    // No schedule section: the replacement's session count (else one session), each with
    // the exchange volume per session.
    const int n = plan.sessions_planned.value_or(1);
    for (int i = 1; i <= n; ++i) {
      add_request(i, std::nullopt, std::nullopt, plan.exchange.volume_per_session.quantity);
    }
  }
  const std::string care_urn = care_plan_urn(s, index);
  json activities = json::array();
  for (const auto& r : requests) activities.push_back({{"reference", reference(r)}});
  json care = {{"resourceType", "CarePlan"},
               {"status", source.approved ? "active" : "draft"},
               {"intent", source.approved ? "plan" : "proposal"},
               {"title", "Therapeutic plasma exchange course (" + plan.protocol.id + ")"},
               {"description", plan.schedule && !plan.schedule->summary.empty()
                                   ? plan.schedule->summary
                                   : "Plan status: " + plan.status.text},
               {"subject", reference(subject)},
               {"activity", activities}};
  if (source.record_id > 0) {
    care["identifier"] = json::array({{{"system", std::string(kExtensionBase) + "plan-record-id"},
                                       {"value", std::to_string(source.record_id)}}});
  }
  out.insert(out.begin(), Entry{care_urn, care});

  // What the plan was made from: the protocol by id, version and the SHA-256 of its exact
  // text, and the program version that computed it.
  json target = json::array({reference(care_urn)});
  for (const auto& r : requests) target.push_back(reference(r));
  for (const auto& t : targets) target.push_back(reference(t));
  json provenance = {
      {"resourceType", "Provenance"},
      {"target", target},
      {"recorded", source.recorded},
      {"agent",
       json::array({{{"type",
                      {{"coding", json::array({{{"system",
                                                 "http://terminology.hl7.org/CodeSystem/"
                                                 "provenance-participant-type"},
                                                {"code", "assembler"}}})}}},
                     {"who",
                      {{"display", "LiverBridge " + (plan.liverbridge_version.empty()
                                                         ? std::string(kVersion)
                                                         : plan.liverbridge_version)}}}}})},
      {"entity",
       json::array(
           {{{"role", "source"},
             {"what",
              {{"identifier", {{"system", kProtocolSystem}, {"value", plan.protocol.id}}},
               {"display", "protocol " + plan.protocol.id + " version " + plan.protocol.version}}}},
            {{"role", "source"},
             {"what",
              {{"identifier", {{"system", kProtocolHashSystem}, {"value", plan.protocol.sha256}}},
               {"display", "SHA-256 of the protocol text"}}}}})}};
  out.push_back({resource_urn(s.patient_id, prefix + "provenance"), provenance});
  return out;
}

std::vector<Entry> session_entries(const ExportSources& s, const records::SessionRecord& r,
                                   const std::string& subject, const std::string& care_plan) {
  const std::string urn = resource_urn(s.patient_id, "procedure/" + std::to_string(r.id.raw()));
  const auto& d = r.data;
  json ext = json::array();
  if (auto q = number_in(d.plasma_removed.quantity(), "mL")) {
    ext.push_back(extension("plasma-removed", "valueQuantity", ucum_quantity(*q, "mL", "mL")));
  }
  for (const auto& [fluid, v] : d.replaced) {
    if (auto q = number_in(v.quantity(), "mL")) {
      ext.push_back(
          {{"url", std::string(kExtensionBase) + "replacement-volume"},
           {"extension",
            json::array({{{"url", "fluid"}, {"valueString", fluid}},
                         {{"url", "volume"}, {"valueQuantity", ucum_quantity(*q, "mL", "mL")}}})}});
    }
  }
  if (d.anticoagulant) ext.push_back(extension("anticoagulant", "valueString", *d.anticoagulant));
  json procedure = {{"resourceType", "Procedure"},
                    {"status", "completed"},
                    {"code", procedure_code()},
                    {"subject", reference(subject)},
                    {"performedPeriod", {{"start", d.started.utc}, {"end", d.ended.utc}}}};
  if (!care_plan.empty()) procedure["basedOn"] = json::array({reference(care_plan)});
  if (!ext.empty()) procedure["extension"] = ext;
  if (!d.adverse_events.empty()) {
    json complications = json::array();
    for (const auto& e : d.adverse_events) complications.push_back({{"text", e}});
    procedure["complication"] = complications;
  }
  std::vector<Entry> out = {{urn, procedure}};
  std::size_t n = 0;
  for (const auto& lab : d.labs) {
    ++n;
    const auto analyte = units::analyte_from_name(lab.analyte);
    const patient::Field* field = analyte ? patient::field_of(*analyte) : nullptr;
    if (!field) continue;
    const auto m = measure(*field, lab.value.quantity());
    if (!m) continue;
    json o = observation(*m, subject, lab.drawn_at.utc);
    o["partOf"] = json::array({reference(urn)});
    o["extension"] = json::array({extension("session-timing", "valueString", lab.timing)});
    out.push_back({resource_urn(s.patient_id, "procedure/" + std::to_string(r.id.raw()) + "/lab/" +
                                                  std::to_string(n)),
                   o});
  }
  return out;
}

}  // namespace lb::fhir
