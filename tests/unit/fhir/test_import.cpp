// The import of Bundles a hospital system could send: codes and units it knows are read
// (both unit systems, calcium in meq/L halved), unknown codes are noted and left out, and a
// known lab with a unit it cannot read is an error at its JSON pointer: nothing is guessed.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "fhir/codes.hpp"
#include "fhir/import.hpp"

namespace lb::fhir {
namespace {

using nlohmann::json;

json lab(std::string_view loinc, json quantity, std::string effective = "") {
  json o = {{"resourceType", "Observation"},
            {"status", "final"},
            {"code", {{"coding", json::array({{{"system", kLoinc}, {"code", loinc}}})}}},
            {"valueQuantity", std::move(quantity)}};
  if (!effective.empty()) o["effectiveDateTime"] = effective;
  return o;
}

json q(double v, std::string_view ucum) {
  return {{"value", v}, {"system", kUcum}, {"code", ucum}};
}

std::string bundle(const std::vector<json>& resources) {
  json entries = json::array();
  for (const auto& r : resources) entries.push_back({{"resource", r}});
  return json{{"resourceType", "Bundle"}, {"type", "collection"}, {"entry", entries}}.dump();
}

bool has_line(const std::string& yaml, const std::string& line) {
  return yaml.find("\n" + line + "\n") != std::string::npos;
}

TEST_SUITE("fhir") {
  TEST_CASE("labs are read in either unit system and written as the patient format spells them") {
    const json patient = {
        {"resourceType", "Patient"},
        {"identifier", json::array({{{"system", "urn:oid:1.2.3"}, {"value", "MRN-77"}},
                                    {{"system", kPatientIdSystem}, {"value", "LB-X-1"}}})},
        {"gender", "female"}};
    const auto r =
        import_bundle(bundle({patient, lab("1975-2", q(4.2, "mg/dL")),
                              lab("14682-9", q(310, "umol/L")), lab("1994-3", q(2.2, "meq/L")),
                              lab("777-3", q(88, "10*3/uL")), lab("6301-6", q(2.5, "{INR}")),
                              lab("2744-1", {{"value", 7.31}}), lab("4544-3", q(31, "%"))}));
    for (const auto& p : r.problems) INFO(format_problem("b.json", p));
    REQUIRE_FALSE(r.has_errors());
    CHECK(has_line(r.yaml, "id: \"LB-X-1\""));  // the LiverBridge id, never the record number
    CHECK(has_line(r.yaml, "sex: female"));
    CHECK(has_line(r.yaml, "hematocrit: 31.0 %"));
    CHECK(has_line(r.yaml, "  bilirubin: 4.2 mg/dL"));
    CHECK(has_line(r.yaml, "  creatinine: 310.0 \u00b5mol/L"));
    CHECK(has_line(r.yaml, "  ionized_calcium: 2.2 mEq/L"));  // halved by the patient loader
    CHECK(has_line(r.yaml, "  platelets: 88.0 10^3/\u00b5L"));
    CHECK(has_line(r.yaml, "  inr: 2.5"));
    CHECK(has_line(r.yaml, "  arterial_ph: 7.31"));
    CHECK(r.missing == std::vector<std::string>{"age", "height", "weight", "diagnosis"});
  }

  TEST_CASE(
      "codes and units and ids from the Bundle are quoted escaped and an id with a control "
      "character is refused") {
    const json patient = {
        {"resourceType", "Patient"},
        {"identifier", json::array({{{"system", kPatientIdSystem}, {"value", "LB-\x1b[2J"}}})}};
    const auto r = import_bundle(bundle({patient, lab("1975-2", q(4.2, "mg/dL\x07"))}));
    REQUIRE(r.has_errors());
    bool unit = false, id = false;
    for (const auto& p : r.problems) {
      CHECK(p.message.find('\x07') == std::string::npos);
      CHECK(p.message.find('\x1b') == std::string::npos);
      unit = unit || p.message.find("unknown UCUM unit 'mg/dL\\x07'") != std::string::npos;
      id = id || p.message.find("the patient id contains") != std::string::npos;
    }
    CHECK(unit);
    CHECK(id);
    CHECK(r.yaml.empty());
  }

  TEST_CASE("a member of the wrong JSON type is an error at its pointer - never a crash") {
    json o = lab("1975-2", q(4.2, "mg/dL"));
    o["status"] = nullptr;
    auto r = import_bundle(bundle({o}));
    REQUIRE(r.has_errors());
    CHECK(r.problems[0].pointer == "/entry/0/resource/status");
    CHECK(r.problems[0].message == "expected a string, found null");

    const json patient = {{"resourceType", "Patient"}, {"gender", 1}};
    r = import_bundle(bundle({patient}));
    REQUIRE(r.has_errors());
    CHECK(r.problems[0].pointer == "/entry/0/resource/gender");

    json coded = lab("1975-2", q(4.2, "mg/dL"));
    coded["code"]["coding"][0]["system"] = 5;
    r = import_bundle(bundle({coded}));
    REQUIRE(r.has_errors());
    CHECK(r.problems[0].pointer == "/entry/0/resource/code/coding/0/system");

    json unit = lab("1975-2", q(4.2, "mg/dL"));
    unit["valueQuantity"]["system"] = json::array();
    CHECK(import_bundle(bundle({unit})).has_errors());
    CHECK(import_bundle(R"({"resourceType": 7})").has_errors());
  }

  TEST_CASE("a censored value is refused and never read as the number") {
    json q_less = q(10, "umol/L");
    q_less["comparator"] = "<";
    const auto r = import_bundle(bundle({lab("16362-6", q_less)}));  // ammonia, molar
    REQUIRE(r.has_errors());
    CHECK(r.problems[0].pointer == "/entry/0/resource/valueQuantity/comparator");
    CHECK(r.problems[0].message.find("a censored value (< 10.0)") != std::string::npos);
    CHECK(r.yaml.empty());
  }

  TEST_CASE("labs drawn at one time state it for the bridge view and at different times say so") {
    const auto same =
        import_bundle(bundle({lab("1975-2", q(4.2, "mg/dL"), "2026-12-04T06:00:00+08:00"),
                              lab("6301-6", q(2.5, "{INR}"), "2026-12-03T22:00:00Z")}));
    REQUIRE_FALSE(same.has_errors());
    CHECK(same.yaml.find("\nbridge:\n  labs_drawn_at: 2026-12-03T22:00:00Z\n") !=
          std::string::npos);

    const auto apart =
        import_bundle(bundle({lab("1975-2", q(4.2, "mg/dL"), "2026-12-04T06:00:00Z"),
                              lab("6301-6", q(2.5, "{INR}"), "2026-12-03T06:00:00Z")}));
    REQUIRE_FALSE(apart.has_errors());
    CHECK(apart.yaml.find("bridge:") == std::string::npos);
    REQUIRE(apart.problems.size() == 1);
    CHECK(apart.problems[0].message.find("drawn at different times (2026-12-03T06:00:00Z to "
                                         "2026-12-04T06:00:00Z)") != std::string::npos);

    // Undated labs (the export of a patient file) state nothing.
    const auto undated = import_bundle(bundle({lab("1975-2", q(4.2, "mg/dL"))}));
    CHECK(undated.yaml.find("bridge:") == std::string::npos);
    CHECK(undated.problems.empty());
  }

  TEST_CASE("the diagnosis is read from a Condition in LiverBridge's code system only") {
    const auto condition = [](const std::string& system, const std::string& code) {
      return json{{"resourceType", "Condition"},
                  {"code", {{"coding", json::array({{{"system", system}, {"code", code}}})}}}};
    };
    const auto ok = import_bundle(bundle({condition(std::string(kDiagnosisSystem), "aclf")}));
    REQUIRE_FALSE(ok.has_errors());
    CHECK(has_line(ok.yaml, "diagnosis: aclf"));
    CHECK(std::find(ok.missing.begin(), ok.missing.end(), "diagnosis") == ok.missing.end());

    // A hospital's SNOMED-coded Condition is not mapped onto a diagnosis group: noted, left out.
    const auto other = import_bundle(bundle({condition("http://snomed.info/sct", "197270009")}));
    REQUIRE_FALSE(other.has_errors());
    REQUIRE(other.problems.size() == 1);
    CHECK(other.problems[0].pointer == "/entry/0/resource/code");
    CHECK(std::find(other.missing.begin(), other.missing.end(), "diagnosis") !=
          other.missing.end());

    const auto unknown = import_bundle(bundle({condition(std::string(kDiagnosisSystem), "hcc")}));
    REQUIRE(unknown.has_errors());
    CHECK(unknown.problems[0].message.find("expected one of alf, subacute_lf, aclf") !=
          std::string::npos);

    const auto two = import_bundle(bundle({condition(std::string(kDiagnosisSystem), "alf"),
                                           condition(std::string(kDiagnosisSystem), "aclf")}));
    REQUIRE(two.has_errors());
    CHECK(two.problems[0].pointer == "/entry/1/resource/code");
  }

  TEST_CASE(
      "an unknown code is noted and left out but a known lab with an unknown unit is an error") {
    const auto r = import_bundle(bundle({lab("718-7", q(9.1, "g/dL")),        // haemoglobin
                                         lab("1975-2", q(4.2, "mg/mL")),      // not accepted
                                         lab("2951-2", q(136, "mosm/L")),     // unknown UCUM
                                         lab("1751-7", {{"value", 3.1}})}));  // no unit
    REQUIRE(r.problems.size() == 4);
    CHECK_FALSE(r.problems[0].error);
    CHECK(r.problems[0].pointer == "/entry/0/resource/code");
    CHECK(r.problems[1].error);
    CHECK(r.problems[1].pointer == "/entry/1/resource/valueQuantity/code");
    CHECK(r.problems[2].pointer == "/entry/2/resource/valueQuantity/code");
    CHECK(r.problems[2].message.find("unknown UCUM unit 'mosm/L'") != std::string::npos);
    CHECK(r.problems[3].pointer == "/entry/3/resource/valueQuantity");
    CHECK(r.has_errors());
    CHECK(r.yaml.empty());  // nothing to write
    CHECK(format_problem("b.json", r.problems[2])
              .starts_with("b.json: /entry/2/resource/valueQuantity/code: error: "));
  }

  TEST_CASE("several values for one lab: the latest draw and undecidable ties are errors") {
    const auto latest =
        import_bundle(bundle({lab("1975-2", q(4.2, "mg/dL"), "2026-12-01T08:00:00Z"),
                              lab("14631-6", q(50, "umol/L"), "2026-12-02T08:00:00+01:00"),
                              lab("1975-2", q(9.9, "mg/dL"))}));
    REQUIRE_FALSE(latest.has_errors());
    CHECK(has_line(latest.yaml, "  bilirubin: 50.0 \u00b5mol/L"));
    const auto tie =
        import_bundle(bundle({lab("1975-2", q(4.2, "mg/dL")), lab("1975-2", q(4.4, "mg/dL"))}));
    CHECK(tie.has_errors());
    const auto zone = import_bundle(bundle({lab("1975-2", q(4.2, "mg/dL"), "2026-12-01T08:00")}));
    REQUIRE(zone.has_errors());
    CHECK(zone.problems[0].pointer == "/entry/0/resource/effectiveDateTime");
  }

  TEST_CASE("not a Bundle and results that are not final and a gender the formulas cannot use") {
    CHECK(import_bundle("{").has_errors());
    CHECK(import_bundle(R"({"resourceType": "Patient"})").problems.at(0).pointer ==
          "/resourceType");
    json cancelled = lab("1975-2", q(4.2, "mg/dL"));
    cancelled["status"] = "cancelled";
    const auto r =
        import_bundle(bundle({cancelled, {{"resourceType", "Patient"}, {"gender", "other"}}}));
    REQUIRE(r.problems.size() == 2);
    CHECK_FALSE(r.problems[0].error);
    CHECK(r.problems[1].pointer == "/entry/1/resource/gender");
    CHECK(r.has_errors());
  }
}

}  // namespace
}  // namespace lb::fhir
