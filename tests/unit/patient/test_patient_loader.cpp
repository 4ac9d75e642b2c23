// The patient-file loader: unit conversions, every kind of rejection, and the
// rule that all problems are reported at once at the value's line and column.
#include <doctest/doctest.h>

#include "patient/patient_loader.hpp"
#include "patient_text.hpp"

using namespace lb;
using namespace lb::units;
using diag::Severity;
using lb::testing::all_diagnostics;
using lb::testing::find_diag;
using lb::testing::PatientText;

namespace {

/// Loads, requires an error containing `text` at `key`'s value, and an empty patient.
void require_error_at_value(const PatientText& t, const std::string& key, const std::string& text) {
  const auto load = t.load();
  INFO(t.str() << all_diagnostics(load.diagnostics));
  CHECK_FALSE(load.patient.has_value());
  const auto* d = find_diag(load.diagnostics, Severity::error, text);
  REQUIRE(d != nullptr);
  const auto [line, column] = t.value_position(key);
  CHECK(d->where.line == line);
  CHECK(d->where.column == column);
  CHECK(d->key == key);
}

patient::Patient require_patient(const PatientText& t) {
  const auto load = t.load();
  INFO(t.str() << all_diagnostics(load.diagnostics));
  REQUIRE(load.patient.has_value());
  CHECK_FALSE(load.diagnostics.has_errors());
  return *load.patient;
}

}  // namespace

TEST_SUITE("patient") {
  TEST_CASE("a minimal patient loads - optional sections stay empty") {
    const auto p = require_patient(PatientText{});
    CHECK(p.id == "T-0001");
    CHECK_FALSE(p.build.has_value());
    CHECK_FALSE(p.labs.bilirubin.has_value());
    CHECK_FALSE(p.labs.inr.has_value());
    CHECK_FALSE(p.clinical.vasopressors.has_value());
    CHECK(p.clinical.allergies.empty());
  }

  TEST_CASE("weight in lb and kg height in m and cm age in y and years") {
    const auto kg = require_patient(PatientText{});
    const auto lb = require_patient(PatientText{}.set("weight", "154.3 lb"));
    CHECK(in_kilograms(lb.weight) == doctest::Approx(69.9893027).epsilon(1e-9));
    CHECK(in_kilograms(lb.weight) == doctest::Approx(in_kilograms(kg.weight)).epsilon(1e-3));
    const auto m = require_patient(PatientText{}.set("height", "1.75 m"));
    CHECK(in_centimeters(m.height) == doctest::Approx(in_centimeters(kg.height)));
    const auto y = require_patient(PatientText{}.set("age", "54 y"));
    CHECK(in_years(y.age) == doctest::Approx(54.0));
  }

  TEST_CASE("hematocrit as a percentage or a bare fraction") {
    CHECK(in_fraction(require_patient(PatientText{}.set("hematocrit", "30 %")).hematocrit) ==
          doctest::Approx(0.30));
    CHECK(in_fraction(require_patient(PatientText{}.set("hematocrit", "0.30")).hematocrit) ==
          doctest::Approx(0.30));
    CHECK(in_fraction(require_patient(PatientText{}.set("hematocrit", "30%")).hematocrit) ==
          doctest::Approx(0.30));
  }

  TEST_CASE("a bare hematocrit above 1 is refused with a hint to write %") {
    require_error_at_value(PatientText{}.set("hematocrit", "45"), "hematocrit", "'45 %'");
  }

  TEST_CASE("bilirubin in µmol/L and mg/dL: same value unit system kept") {
    auto si = require_patient(PatientText{}.set("labs.bilirubin", "256.5 \u00b5mol/L"));
    auto us = require_patient(PatientText{}.set("labs.bilirubin", "15 mg/dL"));
    REQUIRE(si.labs.bilirubin);
    REQUIRE(us.labs.bilirubin);
    CHECK_FALSE(si.labs.bilirubin->entered_as_mass());
    CHECK(us.labs.bilirubin->entered_as_mass());
    CHECK(si.labs.bilirubin->analyte() == Analyte::bilirubin);
    // Exactly 15 mg/dL after the 9-significant-digit rounding (clinical.md §6).
    CHECK(in_mg_per_dl(si.labs.bilirubin->mass()) == 15.0);
    CHECK(in_umol_per_l(us.labs.bilirubin->amount()) == doctest::Approx(256.5));
    // "umol/L" and Greek mu are the same unit.
    auto u = require_patient(PatientText{}.set("labs.bilirubin", "256.5 umol/L"));
    auto mu = require_patient(PatientText{}.set("labs.bilirubin", "256.5 \u03bcmol/L"));
    CHECK(in_umol_per_l(u.labs.bilirubin->amount()) == doctest::Approx(256.5));
    CHECK(in_umol_per_l(mu.labs.bilirubin->amount()) == doctest::Approx(256.5));
  }

  TEST_CASE("creatinine lactate glucose phosphate ammonia in both systems") {
    const auto p = require_patient(PatientText{}
                                       .set("labs.creatinine", "3.4 mg/dL")
                                       .set("labs.lactate", "36 mg/dL")
                                       .set("labs.glucose", "5.5 mmol/L")
                                       .set("labs.phosphate", "4.0 mg/dL")
                                       .set("labs.ammonia", "150 \u00b5mol/L"));
    CHECK(in_umol_per_l(p.labs.creatinine->amount()) == doctest::Approx(300.56));
    CHECK(in_mmol_per_l(p.labs.lactate->amount()) == doctest::Approx(3.996));
    CHECK(in_mmol_per_l(p.labs.glucose->amount()) == doctest::Approx(5.5));
    CHECK(in_mmol_per_l(p.labs.phosphate->amount()) == doctest::Approx(1.2916));
    CHECK(in_ug_per_dl(p.labs.ammonia->mass()) == doctest::Approx(150 / 0.587));
  }

  TEST_CASE("calcium in mEq/L is halved (divalent) - mEq/L is refused for non-ions") {
    const auto p = require_patient(PatientText{}
                                       .set("labs.total_calcium", "4.6 mEq/L")
                                       .set("labs.ionized_calcium", "2.3 mEq/L")
                                       .set("labs.sodium", "135 mEq/L"));
    CHECK(in_mmol_per_l(p.labs.total_calcium->amount()) == doctest::Approx(2.3));
    CHECK(in_mmol_per_l(p.labs.ionized_calcium->amount()) == doctest::Approx(1.15));
    CHECK(in_mmol_per_l(*p.labs.sodium) == doctest::Approx(135.0));
    require_error_at_value(PatientText{}.set("labs.bilirubin", "3 mEq/L"), "labs.bilirubin",
                           "mEq/L is not a unit for bilirubin");
  }

  TEST_CASE("ionized calcium out of range in mEq/L is held against its range in mEq/L") {
    const PatientText t = PatientText{}.set("labs.ionized_calcium", "8 mEq/L");
    require_error_at_value(t, "labs.ionized_calcium",
                           "8 mEq/L is implausible; expected 0.2\u20136 mEq/L");
  }

  TEST_CASE("cell counts in 10^9/L and 10^3/µL - PTA and factor V in %") {
    const auto p = require_patient(PatientText{}
                                       .set("labs.platelets", "45 10^3/uL")
                                       .set("labs.wbc", "12.5 10^9/L")
                                       .set("labs.pta", "35 %")
                                       .set("labs.factor_v", "18 %")
                                       .set("labs.inr", "2.1")
                                       .set("labs.arterial_ph", "7.28"));
    CHECK(in_giga_per_liter(*p.labs.platelets) == doctest::Approx(45.0));
    CHECK(in_giga_per_liter(*p.labs.wbc) == doctest::Approx(12.5));
    CHECK(in_percent(*p.labs.pta) == doctest::Approx(35.0));
    CHECK(in_fraction(*p.labs.factor_v) == doctest::Approx(0.18));
    CHECK(in_fraction(*p.labs.inr) == doctest::Approx(2.1));
    CHECK(in_fraction(*p.labs.arterial_ph) == doctest::Approx(7.28));
  }

  TEST_CASE("albumin fibrinogen and IgG in g/dL g/L and mg/dL") {
    const auto p = require_patient(PatientText{}
                                       .set("labs.albumin", "3.1 g/dL")
                                       .set("labs.fibrinogen", "150 mg/dL")
                                       .set("labs.igg", "12 g/L"));
    CHECK(in_g_per_l(*p.labs.albumin) == doctest::Approx(31.0));
    CHECK(in_g_per_l(*p.labs.fibrinogen) == doctest::Approx(1.5));
    CHECK(in_g_per_l(*p.labs.igg) == doctest::Approx(12.0));
  }

  TEST_CASE("clinical section: choices booleans pressures in mmHg and kPa") {
    const auto p = require_patient(PatientText{}
                                       .set("clinical.hepatic_encephalopathy_grade", "0")
                                       .set("clinical.ascites", "mild")
                                       .set("clinical.vasopressors", "true")
                                       .set("clinical.norepinephrine_dose", "0.3 ug/kg/min")
                                       .set("clinical.map", "8.7 kPa")
                                       .set("clinical.pao2_fio2", "200 mmHg")
                                       .set("clinical.mechanical_ventilation", "false")
                                       .set("clinical.active_bleeding", "false")
                                       .set("clinical.dic", "true")
                                       .set("clinical.sepsis", "false")
                                       .set("clinical.on_dialysis", "false")
                                       .set("clinical.allergies", "penicillin"));
    const auto& c = p.clinical;
    CHECK(c.hepatic_encephalopathy_grade == 0);
    CHECK(c.ascites == patient::Ascites::mild);
    CHECK(in_ug_per_kg_per_min(*c.norepinephrine_dose) == doctest::Approx(0.3));
    CHECK(in_mm_hg(*c.mean_arterial_pressure) == doctest::Approx(65.26).epsilon(1e-3));
    CHECK(in_mm_hg(*c.pao2_fio2) == doctest::Approx(200.0));
    CHECK(c.dic == true);
    CHECK(c.sepsis == false);
    CHECK(c.allergies == std::vector<std::string>{"penicillin"});
  }

  TEST_CASE("a missing unit is an error at the value") {
    require_error_at_value(PatientText{}.set("weight", "70"), "weight", "has no unit");
    require_error_at_value(PatientText{}.set("labs.bilirubin", "1.8"), "labs.bilirubin",
                           "expected bilirubin in mg/dL or \u00b5mol/L");
    require_error_at_value(PatientText{}.set("labs.pta", "40"), "labs.pta", "has no unit");
    require_error_at_value(PatientText{}.set("clinical.map", "65"), "clinical.map", "has no unit");
  }

  TEST_CASE("an unknown unit gets a did-you-mean") {
    require_error_at_value(PatientText{}.set("weight", "70 kgs"), "weight",
                           "unknown unit 'kgs' (did you mean 'kg'?)");
    require_error_at_value(PatientText{}.set("labs.creatinine", "1.2 mg/dk"), "labs.creatinine",
                           "unknown unit 'mg/dk'");
  }

  TEST_CASE("a unit of the wrong dimension names both dimensions") {
    require_error_at_value(PatientText{}.set("height", "70 kg"), "height",
                           "'70 kg' is a mass, expected a length");
    require_error_at_value(PatientText{}.set("labs.bilirubin", "3 kg"), "labs.bilirubin",
                           "'3 kg' is a mass, not a concentration");
    require_error_at_value(PatientText{}.set("labs.sodium", "310 mg/dL"), "labs.sodium",
                           "is a mass concentration");
    require_error_at_value(PatientText{}.set("labs.albumin", "450 \u00b5mol/L"), "labs.albumin",
                           "amount concentration");
  }

  TEST_CASE("NaN infinity and decimal commas are refused") {
    require_error_at_value(PatientText{}.set("weight", ".nan kg"), "weight", "not a finite");
    require_error_at_value(PatientText{}.set("weight", ".inf"), "weight", "not a finite");
    require_error_at_value(PatientText{}.set("labs.inr", "nan"), "labs.inr", "not a finite");
    require_error_at_value(PatientText{}.set("weight", "70,5 kg"), "weight", "uses a comma");
    require_error_at_value(PatientText{}.set("labs.inr", "1,5"), "labs.inr", "uses a comma");
  }

  TEST_CASE("a missing required key is reported at the mapping naming the key") {
    for (const char* key : {"id", "sex", "age", "height", "weight", "hematocrit", "diagnosis"}) {
      const auto load = PatientText{}.erase(key).load();
      INFO(key << "\n" << all_diagnostics(load.diagnostics));
      CHECK_FALSE(load.patient.has_value());
      const auto* d =
          find_diag(load.diagnostics, Severity::error, "missing required key '" + std::string(key));
      REQUIRE(d != nullptr);
      CHECK(d->where.line == 1);
      CHECK(d->where.file == "test.yaml");
    }
  }

  TEST_CASE("an empty value for a required key") {
    // An empty value has no position of its own: reported at the key.
    const auto load = PatientText{}.set("weight", "").load();
    const auto* d = find_diag(load.diagnostics, Severity::error, "weight: has no value");
    REQUIRE(d != nullptr);
    CHECK(d->where.line == 5);
    CHECK(d->where.column == 1);
    CHECK_FALSE(load.patient.has_value());
    require_error_at_value(PatientText{}.set("id", "\"\""), "id", "is empty");
  }

  TEST_CASE("several errors are reported at once each at its own value") {
    const PatientText t = PatientText{}
                              .set("sex", "mael")
                              .set("height", "30 cm")
                              .set("weight", "700 kg")
                              .set("hematocrit", "0.9")
                              .set("labs.inr", "40")
                              .set("clinical.hepatic_encephalopathy_grade", "7");
    const auto load = t.load();
    INFO(all_diagnostics(load.diagnostics));
    CHECK_FALSE(load.patient.has_value());
    CHECK(load.diagnostics.count(Severity::error) == 6);
    for (const char* key : {"sex", "height", "weight", "hematocrit", "labs.inr",
                            "clinical.hepatic_encephalopathy_grade"}) {
      bool found = false;
      for (const auto& d : load.diagnostics.items()) {
        if (d.key == key && d.severity == Severity::error) {
          const auto [line, column] = t.value_position(key);
          CHECK(d.where.line == line);
          CHECK(d.where.column == column);
          found = true;
        }
      }
      CHECK_MESSAGE(found, key);
    }
  }

  TEST_CASE("the implausible-value message names file:line:col key value and range") {
    const auto load = PatientText{}.set("weight", "700 kg").load();
    REQUIRE(load.diagnostics.items().size() == 1);
    CHECK(diag::format(load.diagnostics.items()[0]) ==
          "test.yaml:5:9: error: weight: 700 kg is implausible; expected 0.5\u2013500 kg");
  }

  TEST_CASE("a value in another unit is checked and worded in the unit it was written in") {
    require_error_at_value(PatientText{}.set("weight", "1543 lb"), "weight",
                           "1543 lb is implausible; expected 1.102\u20131103 lb");
    require_error_at_value(PatientText{}.set("labs.bilirubin", "2000 \u00b5mol/L"),
                           "labs.bilirubin",
                           "2000 \u00b5mol/L is implausible; expected 0\u20131710 \u00b5mol/L");
    require_error_at_value(PatientText{}.set("hematocrit", "0.9"), "hematocrit",
                           "0.9 is implausible; expected 0.1\u20130.7");
    require_error_at_value(PatientText{}.set("weight", "-70 kg"), "weight",
                           "-70 kg is negative; expected 0.5\u2013500 kg");
  }

  TEST_CASE("the required examples from the issue are errors") {
    require_error_at_value(PatientText{}.set("weight", "0 kg"), "weight", "implausible");
    require_error_at_value(PatientText{}.set("weight", "700 kg"), "weight", "implausible");
    require_error_at_value(PatientText{}.set("hematocrit", "0.9"), "hematocrit", "implausible");
    require_error_at_value(PatientText{}.set("height", "30 cm"), "height", "implausible");
  }

  TEST_CASE("a borderline value is a warning and the patient still loads") {
    const PatientText t = PatientText{}.set("weight", "260 kg");
    const auto load = t.load();
    INFO(all_diagnostics(load.diagnostics));
    REQUIRE(load.patient.has_value());
    CHECK(load.diagnostics.count(Severity::warning) == 1);
    const auto* d = find_diag(load.diagnostics, Severity::warning,
                              "260 kg is outside the usual range (35\u2013250 kg)");
    REQUIRE(d != nullptr);
    CHECK(d->where.line == 5);
    CHECK(d->where.column == 9);
  }

  TEST_CASE("a patient under 18 loads with a warning about adult formulas") {
    const auto load = PatientText{}.set("age", "16 years").load();
    INFO(all_diagnostics(load.diagnostics));
    REQUIRE(load.patient.has_value());
    CHECK(find_diag(load.diagnostics, Severity::warning, "for adults") != nullptr);
  }

  TEST_CASE("an unknown key gets a did-you-mean at the key in every section") {
    PatientText t;
    t.erase("weight").set("wieght", "70 kg").set("labs.bilirubn", "2 mg/dL");
    t.set("clinical.vasopresors", "true");
    const auto load = t.load();
    INFO(t.str() << all_diagnostics(load.diagnostics));
    CHECK_FALSE(load.patient.has_value());
    const auto* top = find_diag(load.diagnostics, Severity::error,
                                "unknown key 'wieght' (did you mean 'weight'?)");
    REQUIRE(top != nullptr);
    CHECK(top->where.line == t.value_position("wieght").first);
    CHECK(top->where.column == 1);
    const auto* labs = find_diag(load.diagnostics, Severity::error,
                                 "unknown key 'bilirubn' (did you mean 'bilirubin'?)");
    REQUIRE(labs != nullptr);
    CHECK(labs->key == "labs.bilirubn");
    CHECK(labs->where.column == 3);
    CHECK(find_diag(load.diagnostics, Severity::error,
                    "unknown key 'vasopresors' (did you mean 'vasopressors'?)") != nullptr);
    CHECK(find_diag(load.diagnostics, Severity::error, "missing required key 'weight'") != nullptr);
  }

  TEST_CASE("a duplicate key is an error (yaml-cpp would silently keep the first)") {
    const std::string text = PatientText{}.str() + "weight: 80 kg\n";
    const auto load = patient::parse_patient(text, "dup.yaml");
    INFO(all_diagnostics(load.diagnostics));
    CHECK_FALSE(load.patient.has_value());
    const auto* d = find_diag(load.diagnostics, Severity::error, "duplicate key 'weight'");
    REQUIRE(d != nullptr);
    CHECK(d->where.line == 8);
    CHECK(d->where.column == 1);
  }

  TEST_CASE("choices: sex diagnosis build ascites with did-you-mean") {
    require_error_at_value(PatientText{}.set("sex", "mael"), "sex", "did you mean 'male'?");
    require_error_at_value(PatientText{}.set("sex", "M"), "sex", "is not one of: male, female");
    require_error_at_value(PatientText{}.set("diagnosis", "acfl"), "diagnosis",
                           "did you mean 'aclf'?");
    require_error_at_value(PatientText{}.set("build", "obeese"), "build", "did you mean 'obese'?");
    require_error_at_value(PatientText{}.set("clinical.ascites", "moderate"), "clinical.ascites",
                           "is not one of: none, mild, moderate_severe");
  }

  TEST_CASE("booleans are true/false only encephalopathy grade 0-4 whole numbers") {
    require_error_at_value(PatientText{}.set("clinical.sepsis", "yes"), "clinical.sepsis",
                           "'yes' is not true or false");
    require_error_at_value(PatientText{}.set("clinical.hepatic_encephalopathy_grade", "7"),
                           "clinical.hepatic_encephalopathy_grade", "from 0 to 4");
    require_error_at_value(PatientText{}.set("clinical.hepatic_encephalopathy_grade", "2.5"),
                           "clinical.hepatic_encephalopathy_grade", "not a whole number");
  }

  TEST_CASE("norepinephrine with vasopressors: false is a contradiction") {
    require_error_at_value(PatientText{}
                               .set("clinical.vasopressors", "false")
                               .set("clinical.norepinephrine_dose", "0.2 \u00b5g/kg/min"),
                           "clinical.norepinephrine_dose", "contradicts 'vasopressors: false'");
    // A zero dose, or a dose with vasopressors unstated or true, is consistent.
    require_patient(PatientText{}
                        .set("clinical.vasopressors", "false")
                        .set("clinical.norepinephrine_dose", "0 \u00b5g/kg/min"));
    require_patient(PatientText{}.set("clinical.norepinephrine_dose", "0.2 \u00b5g/kg/min"));
    require_patient(PatientText{}
                        .set("clinical.vasopressors", "true")
                        .set("clinical.norepinephrine_dose", "0.2 \u00b5g/kg/min"));
  }

  TEST_CASE("allergies: a list one word the empty list - 'none' is refused") {
    auto p = require_patient(PatientText{}.set("clinical.allergies", "[penicillin, latex]"));
    CHECK(p.clinical.allergies == std::vector<std::string>{"penicillin", "latex"});
    p = require_patient(PatientText{}.set("clinical.allergies", "[]"));
    CHECK(p.clinical.allergies.empty());
    require_error_at_value(PatientText{}.set("clinical.allergies", "none"), "clinical.allergies",
                           "allergies: []");
    require_error_at_value(PatientText{}.set("clinical.allergies", "{a: b}"), "clinical.allergies",
                           "expected a list of words");
  }

  TEST_CASE("a list or mapping where a single value is expected") {
    require_error_at_value(PatientText{}.set("weight", "[70 kg, 71 kg]"), "weight",
                           "expected a single value, found a list");
    require_error_at_value(PatientText{}.set("labs.inr", "{value: 2}"), "labs.inr",
                           "found a mapping");
    require_error_at_value(PatientText{}.set("labs", "normal"), "labs",
                           "expected a mapping of 'key: value' lines");
  }

  TEST_CASE("the id is one short line of text") {
    require_error_at_value(PatientText{}.set("id", std::string(65, 'x')), "id",
                           "expected at most 64");
    require_error_at_value(PatientText{}.set("id", "\"LB\\n0001\""), "id", "line break");
    CHECK(require_patient(PatientText{}.set("id", "007")).id == "007");
  }

  TEST_CASE("malformed YAML and missing files are diagnostics not exceptions") {
    const auto bad = patient::parse_patient("weight: [70 kg\n", "bad.yaml");
    CHECK_FALSE(bad.patient.has_value());
    REQUIRE(bad.diagnostics.has_errors());
    CHECK(diag::format(bad.diagnostics.items()[0]).find("bad.yaml:") == 0);

    const auto missing = patient::load_patient_file("/nonexistent/patient.yaml");
    CHECK_FALSE(missing.patient.has_value());
    CHECK(find_diag(missing.diagnostics, Severity::error, "cannot open file") != nullptr);

    const auto dir = patient::load_patient_file(LB_TEST_DATA_DIR);
    CHECK_FALSE(dir.patient.has_value());
    CHECK(dir.diagnostics.has_errors());
  }
}
