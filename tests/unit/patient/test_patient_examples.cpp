// The example patients in examples/ load without errors or warnings, and their
// values arrive converted to the right quantities.
#include <doctest/doctest.h>

#include <filesystem>

#include "patient/patient_loader.hpp"
#include "patient_text.hpp"

using namespace lb;
using namespace lb::units;
using lb::testing::all_diagnostics;

namespace {

patient::Patient load_example(const std::string& name) {
  const std::string path = std::string(LB_SOURCE_DIR) + "/examples/" + name;
  const auto load = patient::load_patient_file(path);
  INFO(path << "\n" << all_diagnostics(load.diagnostics));
  REQUIRE(load.patient.has_value());
  CHECK(load.diagnostics.empty());
  return *load.patient;
}

}  // namespace

TEST_SUITE("patient") {
  TEST_CASE("every example patient loads cleanly") {
    int count = 0;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(LB_SOURCE_DIR) + "/examples")) {
      if (entry.path().extension() != ".yaml") continue;
      ++count;
      const auto load = patient::load_patient_file(entry.path().string());
      INFO(entry.path().string() << "\n" << all_diagnostics(load.diagnostics));
      CHECK(load.patient.has_value());
      CHECK(load.diagnostics.empty());
    }
    CHECK(count >= 4);
  }

  TEST_CASE("alf-paracetamol matches the clinical.md §1.8 worked example") {
    const auto p = load_example("alf-paracetamol.yaml");
    CHECK(p.id == "LB-ALF-0001");
    CHECK(p.sex == model::Sex::male);
    CHECK(p.diagnosis == patient::Diagnosis::alf);
    CHECK(in_years(p.age) == doctest::Approx(32.0));
    CHECK(in_meters(p.height) == doctest::Approx(1.75));
    CHECK(in_kilograms(p.weight) == doctest::Approx(70.0));
    CHECK(in_fraction(p.hematocrit) == doctest::Approx(0.30));
    CHECK_FALSE(p.build.has_value());

    const auto& l = p.labs;
    REQUIRE(l.bilirubin);
    CHECK(l.bilirubin->entered_as_mass());
    CHECK(in_mg_per_dl(l.bilirubin->mass()) == doctest::Approx(4.2));
    CHECK(in_umol_per_l(l.bilirubin->amount()) == doctest::Approx(71.82));
    REQUIRE(l.ammonia);
    CHECK_FALSE(l.ammonia->entered_as_mass());
    CHECK(in_umol_per_l(l.ammonia->amount()) == doctest::Approx(182.0));
    REQUIRE(l.inr);
    CHECK(in_fraction(*l.inr) == doctest::Approx(6.8));
    REQUIRE(l.arterial_ph);
    CHECK(in_fraction(*l.arterial_ph) == doctest::Approx(7.26));
    REQUIRE(l.factor_v);
    CHECK(in_percent(*l.factor_v) == doctest::Approx(14.0));
    REQUIRE(l.albumin);
    CHECK(in_g_per_l(*l.albumin) == doctest::Approx(31.0));
    REQUIRE(l.platelets);
    CHECK(in_giga_per_liter(*l.platelets) == doctest::Approx(88.0));

    const auto& c = p.clinical;
    CHECK(c.hepatic_encephalopathy_grade == 3);
    CHECK(c.ascites == patient::Ascites::none);
    CHECK(c.vasopressors == true);
    REQUIRE(c.norepinephrine_dose);
    CHECK(in_ug_per_kg_per_min(*c.norepinephrine_dose) == doctest::Approx(0.12));
    REQUIRE(c.mean_arterial_pressure);
    CHECK(in_mm_hg(*c.mean_arterial_pressure) == doctest::Approx(68.0));
    CHECK(c.mechanical_ventilation == true);
    CHECK(c.on_dialysis == true);
    CHECK(c.allergies.empty());
  }

  TEST_CASE("aclf-alcohol: ACLF with ascites hyponatraemia and an allergy") {
    const auto p = load_example("aclf-alcohol.yaml");
    CHECK(p.diagnosis == patient::Diagnosis::aclf);
    CHECK(p.build == model::Build::normal);
    REQUIRE(p.labs.sodium);
    CHECK(in_mmol_per_l(*p.labs.sodium) == doctest::Approx(129.0));
    REQUIRE(p.labs.glucose);
    CHECK(p.labs.glucose->entered_as_mass());
    CHECK(in_mmol_per_l(p.labs.glucose->amount()) == doctest::Approx(112 * 0.0555));
    CHECK(p.clinical.ascites == patient::Ascites::moderate_severe);
    CHECK(p.clinical.vasopressors == false);
    CHECK_FALSE(p.clinical.norepinephrine_dose.has_value());
    CHECK(p.clinical.allergies == std::vector<std::string>{"penicillin"});
  }

  TEST_CASE("obese-alf: obese build and a bare-fraction hematocrit") {
    const auto p = load_example("obese-alf.yaml");
    CHECK(p.build == model::Build::obese);
    CHECK(in_centimeters(p.height) == doctest::Approx(170.0));
    CHECK(in_kilograms(p.weight) == doctest::Approx(120.0));
    CHECK(in_fraction(p.hematocrit) == doctest::Approx(0.34));
    CHECK(p.clinical.allergies == std::vector<std::string>{"latex", "iodinated contrast"});
  }

  TEST_CASE("aclf-hbv-si: SI labs keep their unit system and convert on demand") {
    const auto p = load_example("aclf-hbv-si.yaml");
    CHECK(p.sex == model::Sex::female);
    CHECK(p.build == model::Build::thin);
    REQUIRE(p.labs.bilirubin);
    CHECK_FALSE(p.labs.bilirubin->entered_as_mass());
    CHECK(in_umol_per_l(p.labs.bilirubin->amount()) == doctest::Approx(342.0));
    CHECK(in_mg_per_dl(p.labs.bilirubin->mass()) == doctest::Approx(20.0));
    REQUIRE(p.labs.creatinine);
    CHECK(in_mg_per_dl(p.labs.creatinine->mass()) == doctest::Approx(97.0 / 88.4));
    REQUIRE(p.labs.albumin);
    CHECK(in_g_per_dl(*p.labs.albumin) == doctest::Approx(2.9));
    REQUIRE(p.clinical.pao2_fio2);
    CHECK(in_kilopascals(*p.clinical.pao2_fio2) == doctest::Approx(48.0));
    CHECK(in_mm_hg(*p.clinical.pao2_fio2) == doctest::Approx(360.0).epsilon(0.001));
  }

  TEST_CASE("subacute-us-units: inches pounds µg/dL mg/dL calcium 10^3/µL") {
    const auto p = load_example("subacute-us-units.yaml");
    CHECK(p.diagnosis == patient::Diagnosis::subacute_lf);
    CHECK(in_centimeters(p.height) == doctest::Approx(64 * 2.54));
    CHECK(in_kilograms(p.weight) == doctest::Approx(132 * 0.45359237));
    REQUIRE(p.labs.ammonia);
    CHECK(in_ug_per_dl(p.labs.ammonia->mass()) == doctest::Approx(145.0));
    CHECK(in_umol_per_l(p.labs.ammonia->amount()) == doctest::Approx(145 * 0.587));
    REQUIRE(p.labs.total_calcium);
    CHECK(p.labs.total_calcium->analyte() == Analyte::total_calcium);
    CHECK(in_mmol_per_l(p.labs.total_calcium->amount()) == doctest::Approx(8.4 * 0.2495));
    REQUIRE(p.labs.igg);
    CHECK(in_g_per_l(*p.labs.igg) == doctest::Approx(26.5));
    REQUIRE(p.labs.wbc);
    CHECK(in_giga_per_liter(*p.labs.wbc) == doctest::Approx(7.2));
  }
}
