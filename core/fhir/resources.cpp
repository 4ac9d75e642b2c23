#include "fhir/resources.hpp"

#include "io/sha256.hpp"
#include "report/wording.hpp"

namespace lb::fhir {

std::string resource_urn(std::string_view patient_id, std::string_view key) {
  // Name-based, so that two exports of the same records name the same resources and a
  // receiving system can recognise a resource it already holds.
  std::string h = io::sha256_hex(std::string(patient_id) + "\n" + std::string(key));
  h[12] = '8';                                            // version 8
  h[16] = "89ab"[static_cast<unsigned char>(h[16]) % 4];  // RFC 9562 variant
  return "urn:uuid:" + h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" +
         h.substr(16, 4) + "-" + h.substr(20, 12);
}

json reference(const std::string& urn) { return {{"reference", urn}}; }

json ucum_quantity(double value, std::string_view ucum, std::string_view shown_unit) {
  json q = {{"value", value}, {"system", kUcum}, {"code", ucum}};
  if (!shown_unit.empty()) q["unit"] = shown_unit;
  return q;
}

json extension(std::string_view name, std::string_view value_key, json value) {
  return {{"url", std::string(kExtensionBase) + std::string(name)},
          {std::string(value_key), std::move(value)}};
}

json patient_resource(std::string_view patient_id, std::optional<std::string_view> gender) {
  // Pseudonymous: the project id only; no name, birth date, address or record number.
  json p = {{"resourceType", "Patient"},
            {"identifier", json::array({{{"system", kPatientIdSystem}, {"value", patient_id}}})}};
  if (gender) p["gender"] = *gender;
  return p;
}

namespace {
json category(std::string_view code, std::string_view display) {
  return json::array(
      {{{"coding",
         json::array({{{"system", "http://terminology.hl7.org/CodeSystem/observation-category"},
                       {"code", code},
                       {"display", display}}})}}});
}
}  // namespace

json condition_resource(patient::Diagnosis diagnosis, const std::string& subject) {
  const std::string words(report::words_for(diagnosis));
  return {
      {"resourceType", "Condition"},
      {"clinicalStatus",
       {{"coding",
         json::array({{{"system", "http://terminology.hl7.org/CodeSystem/condition-clinical"},
                       {"code", "active"}}})}}},
      {"category",
       json::array(
           {{{"coding",
              json::array({{{"system", "http://terminology.hl7.org/CodeSystem/condition-category"},
                            {"code", "encounter-diagnosis"}}})}}})},
      {"code",
       {{"coding", json::array({{{"system", kDiagnosisSystem},
                                 {"code", patient::to_string(diagnosis)},
                                 {"display", words}}})},
        {"text", words}}},
      {"subject", reference(subject)}};
}

json observation(const Measurement& m, const std::string& subject, std::string_view effective) {
  const bool lab = m.field->section() == patient::Section::labs || m.field->key == "hematocrit";
  json o = {{"resourceType", "Observation"},
            {"status", "final"},
            {"category",
             lab ? category("laboratory", "Laboratory") : category("vital-signs", "Vital Signs")},
            {"code",
             {{"coding",
               json::array(
                   {{{"system", kLoinc}, {"code", m.code->loinc}, {"display", m.code->display}}})},
              {"text", m.field->label}}},
            {"subject", reference(subject)},
            {"valueQuantity", ucum_quantity(m.value, m.ucum, m.unit.empty() ? m.ucum : m.unit)}};
  if (!effective.empty()) o["effectiveDateTime"] = effective;
  return o;
}

std::optional<json> score_observation(std::string_view key, const json& score,
                                      const std::string& subject) {
  const ScoreCode* code = score_code(key);
  if (!code || !score.is_object() || !score.value("computed", false)) return std::nullopt;
  json o = {{"resourceType", "Observation"},
            {"status", "final"},
            {"category", category("survey", "Survey")},
            {"code",
             {{"coding",
               json::array(
                   {{{"system", code->system}, {"code", code->code}, {"display", code->display}}})},
              {"text", score.value("name", std::string(code->display))}}},
            {"subject", reference(subject)},
            {"method", {{"text", score.value("version", std::string())}}}};
  if (score.contains("met") && score["met"].is_boolean()) {
    o["valueBoolean"] = score["met"].get<bool>();  // criteria: met or not met
  } else if (score.contains("value") && score["value"].is_number()) {
    o["valueQuantity"] = ucum_quantity(score["value"].get<double>(), "{score}", "");
  } else {
    return std::nullopt;
  }
  // The class, grade or stage the score names alongside its number.
  for (const char* k : {"class", "grade", "stage", "aclf_grade"}) {
    if (score.contains(k) && score[k].is_string() && !score[k].get<std::string>().empty()) {
      o["interpretation"] = json::array(
          {{{"text", std::string(k) == "aclf_grade" ? "ACLF grade " + score[k].get<std::string>()
                                                    : score[k].get<std::string>()}}});
    }
  }
  return o;
}

}  // namespace lb::fhir
