// Separation flows and run time (clinical.md §2.4, §4.2, §4.5, §9.1 V20),
// citrate (§4.2, V21, V23, V24), calcium (§4.3) and heparin (§4.4).
#include <doctest/doctest.h>

#include <cmath>

#include "session/acd.hpp"
#include "session/citrate.hpp"
#include "session/heparin.hpp"
#include "session/separation.hpp"
#include "session_test_support.hpp"

namespace lb {

using protocol::SeparationSettings;
using protocol::SeparationTechnique;
using testing::volume_figure;

namespace {

SeparationSettings membrane(double blood_ml_min, double ff) {
  SeparationSettings s;
  s.technique = SeparationTechnique::membrane;
  s.membrane.blood_flow = units::ml_per_min(blood_ml_min);
  s.membrane.filtration_fraction = units::fraction(ff);
  s.membrane.max_filtration_fraction = units::fraction(0.30);
  return s;
}

SeparationSettings centrifugal(double inlet_ml_min, std::optional<double> acir = std::nullopt) {
  SeparationSettings s;
  s.technique = SeparationTechnique::centrifugal;
  s.centrifugal.inlet_flow = units::ml_per_min(inlet_ml_min);
  s.centrifugal.efficiency = units::percent(87);
  if (acir) s.centrifugal.ac_infusion_limit_per_liter_tbv = units::ml_per_min_per_liter(*acir);
  return s;
}

session::SeparationRun run(const SeparationSettings& s, double exchange_ml, double tbv_ml,
                           double hct, std::optional<double> ratio = std::nullopt) {
  return session::separation_run(
      s, session::SeparationInputs{
             volume_figure("exchange_volume_per_session", exchange_ml),
             volume_figure("total_blood_volume", tbv_ml), units::fraction(hct),
             ratio ? std::optional(units::volume_ratio(*ratio)) : std::nullopt, "test source"});
}

patient::Patient patient_of(double kg, patient::Diagnosis d) {
  patient::Patient p;
  p.weight = units::kilograms(kg);
  p.diagnosis = d;
  p.hematocrit = units::fraction(0.30);
  return p;
}

}  // namespace

TEST_SUITE("session") {
  TEST_CASE(
      "worked example 4.5: membrane 120 mL/min - Hct 0.30 - FF 0.30 removes 3377 mL in 134 min") {
    const auto r = run(membrane(120, 0.30), 3377, 4824, 0.30);
    LB_CHECK_NEAR(units::in_ml_per_min(r.plasma_removal_rate.value), 25.2, 1e-9);
    LB_CHECK_NEAR(units::in_liters_per_hour(r.plasma_removal_rate.value), 1.512, 1e-9);
    LB_CHECK_NEAR(units::in_minutes(r.duration.value), 134.0, 0.1);
    CHECK_FALSE(r.inlet_capped);
    CHECK_FALSE(r.with_ac);
  }

  TEST_CASE("V20 Optia efficiency 0.87: removing 1 PV processes 1.15 TBV") {
    const double tbv = 4824;
    const double pv = tbv * (1 - 0.30);
    const auto r = run(centrifugal(50), pv, tbv, 0.30);
    LB_CHECK_NEAR(units::in_milliliters(r.whole_blood_processed.value) / tbv, 1.0 / 0.87, 1e-9);
    LB_CHECK_NEAR(units::in_milliliters(r.whole_blood_processed.value) / tbv, 1.15, 0.005);
  }

  TEST_CASE("centrifugal plasma rate and duration without AC in the inlet (hand-derived)") {
    // Q_p = 50 × 0.7 × 0.87 = 30.45 mL/min; 3045 mL take 100 min.
    const auto r = run(centrifugal(50), 3045, 4824, 0.30);
    LB_CHECK_NEAR(units::in_ml_per_min(r.plasma_removal_rate.value), 30.45, 1e-9);
    LB_CHECK_NEAR(units::in_minutes(r.duration.value), 100.0, 1e-9);
    LB_CHECK_NEAR(units::in_percent(r.ac_returned.value), 13.0, 1e-9);
  }

  TEST_CASE("with citrate the inlet carries the AC: 9 parts blood to 1 part AC at ratio 10") {
    const auto r = run(centrifugal(50), 3045, 4824, 0.30, 10.0);
    LB_CHECK_NEAR(units::in_ml_per_min(r.whole_blood_flow.value), 45.0, 1e-9);
    LB_CHECK_NEAR(units::in_ml_per_min(r.plasma_removal_rate.value), 45 * 0.7 * 0.87, 1e-9);
    CHECK(r.with_ac);
  }

  TEST_CASE("section 4.2 example: ACIR 1.2 x TBV 4.82 L x ratio 10 caps the inlet near 58 mL/min") {
    const auto r = run(centrifugal(80, 1.2), 3377, 4820, 0.30, 10.0);
    REQUIRE(r.inlet_cap);
    LB_CHECK_NEAR(units::in_ml_per_min(r.inlet_cap->value), 57.84, 1e-9);
    CHECK(r.inlet_capped);
    LB_CHECK_NEAR(units::in_ml_per_min(r.flow.value), 57.84, 1e-9);
    CHECK(testing::has_code(r.findings, "separation.inlet_capped"));

    const auto under = run(centrifugal(50, 1.2), 3377, 4820, 0.30, 10.0);
    CHECK_FALSE(under.inlet_capped);
    CHECK_FALSE(testing::has_code(under.findings, "separation.inlet_capped"));
    // Heparin or no anticoagulant: no AC, so no AC infusion cap.
    CHECK_FALSE(run(centrifugal(80, 1.2), 3377, 4820, 0.30).inlet_cap);
  }

  TEST_CASE("property: the inlet flow never exceeds the AC infusion cap") {
    for (double inlet = 20; inlet <= 150; inlet += 3.7) {
      for (double tbv = 2500; tbv <= 8000; tbv += 450) {
        for (const double ratio : {6.0, 10.0, 12.5, 15.0}) {
          for (const double acir : {0.8, 1.0, 1.2}) {
            const auto r = run(centrifugal(inlet, acir), 3000, tbv, 0.35, ratio);
            REQUIRE(r.inlet_cap);
            const double cap = acir * tbv / 1000.0 * ratio;
            CHECK(units::in_ml_per_min(r.flow.value) <= cap * (1 + 1e-12));
            if (std::fabs(inlet - cap) > 1e-9 * cap) CHECK(r.inlet_capped == (inlet > cap));
            CHECK(units::in_ml_per_min(r.flow.value) <= inlet * (1 + 1e-12));
          }
        }
      }
    }
  }

  TEST_CASE("extracorporeal volume as a share of TBV - warned above the protocol's threshold") {
    auto s = centrifugal(50);
    s.extracorporeal_volume = units::milliliters(141);
    s.extracorporeal_max_fraction_tbv = units::percent(15);
    const auto ok = run(s, 3000, 4824, 0.30);
    REQUIRE(ok.extracorporeal_fraction_tbv);
    LB_CHECK_NEAR(units::in_percent(ok.extracorporeal_fraction_tbv->value), 141.0 / 48.24, 1e-9);
    CHECK_FALSE(testing::has_code(ok.findings, "separation.ecv_above_threshold"));
    const auto small = run(s, 300, 900, 0.30);  // 141 / 900 = 15.7 %
    CHECK(testing::has_code(small.findings, "separation.ecv_above_threshold"));
  }

  TEST_CASE("separation refuses impossible inputs") {
    CHECK_THROWS_AS(run(membrane(120, 0.3), 0, 4824, 0.30), std::invalid_argument);
    CHECK_THROWS_AS(run(membrane(120, 0.3), 3000, 4824, 1.0), std::invalid_argument);
    CHECK_THROWS_AS(run(SeparationSettings{}, 3000, 4824, 0.30), std::invalid_argument);
    CHECK_THROWS_AS(run(membrane(120, 0.0), 3000, 4824, 0.30), std::invalid_argument);
  }

  TEST_CASE("every separation figure has a formula - a source and resolvable inputs") {
    auto s = centrifugal(80, 1.2);
    s.extracorporeal_volume = units::milliliters(141);
    const auto r = run(s, 3377, 4820, 0.30, 10.0);
    testing::check_refs_resolve(r.figures(), {"exchange_volume_per_session", "total_blood_volume"});
  }

  TEST_CASE("V21 ACD-A holds 112.8 mmol/L of citrate - about 21.7 g/L as citric acid") {
    const auto a = session::acd_composition(protocol::AcdSolution::acd_a);
    const auto c = session::citrate_as_citric_acid(a);
    LB_CHECK_NEAR(units::in_mmol_per_l(c / session::citric_acid_molar_mass()), 112.8, 0.05);
    LB_CHECK_NEAR(units::in_g_per_l(c), 21.7, 0.05);
    CHECK(units::in_g_per_l(c) >= 20.59);
    CHECK(units::in_g_per_l(c) <= 22.75);
    // ACD-B: 4.4 g + 13.2 g per litre lies in USP 12.37–13.67 g/L.
    const auto b =
        session::citrate_as_citric_acid(session::acd_composition(protocol::AcdSolution::acd_b));
    CHECK(units::in_g_per_l(b) >= 12.37);
    CHECK(units::in_g_per_l(b) <= 13.67);
  }

  TEST_CASE("V23 inlet:AC 10 adds 111 mL of ACD-A per litre of whole blood") {
    // 609 mL of plasma at Hct 0.30 and E 0.87 means 1000 mL of blood processed.
    const auto r = run(centrifugal(50), 609, 4824, 0.30, 10.0);
    LB_CHECK_NEAR(units::in_milliliters(r.whole_blood_processed.value), 1000.0, 1e-9);
    protocol::CitrateSettings s;
    const auto p = patient_of(70, patient::Diagnosis::other);
    const auto c = session::citrate_plan(s, session::CitrateInputs{&r, nullptr, &p, ""});
    LB_CHECK_NEAR(units::in_milliliters(c.ac_volume.value), 111.1, 0.05);
    LB_CHECK_NEAR(units::in_ml_per_min(c.ac_rate.value), 5.0, 1e-9);  // 45 mL/min blood / 9
  }

  TEST_CASE("citrate rate from AC returned and FFP against the limit (hand-derived)") {
    // 10 000 mL blood processed at ratio 10 → AC 1111.1 mL; 13 % returned; 21.67 g/L.
    session::SeparationRun r;
    r.whole_blood_processed = volume_figure("whole_blood_processed", 10000);
    r.whole_blood_flow = {units::ml_per_min(90), {}};
    r.duration = {units::minutes(100), {}};
    r.duration.how.id = "session_duration";
    r.ac_returned = {units::percent(13), {}};
    const double c = units::in_g_per_l(
        session::citrate_as_citric_acid(session::acd_composition(protocol::AcdSolution::acd_a)));
    const double from_ac_mg = 10000.0 / 9.0 * c * 0.13;  // mL × g/L = mg
    protocol::CitrateSettings s;
    const auto albumin_only = patient_of(70, patient::Diagnosis::other);
    const auto plain =
        session::citrate_plan(s, session::CitrateInputs{&r, nullptr, &albumin_only, ""});
    LB_CHECK_NEAR(units::in_milligrams(plain.citrate_from_ac.value), from_ac_mg, 1e-6);
    LB_CHECK_NEAR(units::in_mg_per_kg_per_min(plain.citrate_rate.value), from_ac_mg / 70.0 / 100.0,
                  1e-9);
    CHECK_FALSE(testing::has_code(plain.findings, "citrate.rate_above_limit"));

    // 2000 mL of FFP at 4 g/L adds 8000 mg: (from_ac + 8000) / 70 / 100 ≈ 1.59 mg/kg/min > 1.
    session::ReplacementOrders o;
    o.ffp_volume = volume_figure("ffp_volume_per_session", 2000);
    s.ffp_citrate = units::g_per_l(4);
    const auto with_ffp =
        session::citrate_plan(s, session::CitrateInputs{&r, &o, &albumin_only, ""});
    REQUIRE(with_ffp.citrate_from_ffp);
    LB_CHECK_NEAR(units::in_mg_per_kg_per_min(with_ffp.citrate_rate.value),
                  (from_ac_mg + 8000.0) / 70.0 / 100.0, 1e-9);
    CHECK(testing::has_code(with_ffp.findings, "citrate.rate_above_limit"));

    // Without an FFP citrate content the load is understated, and the plan says so.
    s.ffp_citrate.reset();
    const auto unknown =
        session::citrate_plan(s, session::CitrateInputs{&r, &o, &albumin_only, ""});
    CHECK(testing::has_code(unknown.findings, "citrate.ffp_citrate_not_counted"));
  }

  TEST_CASE("liver failure lowers the citrate limit only when the protocol gives a lower limit") {
    session::SeparationRun r;
    r.whole_blood_processed = volume_figure("whole_blood_processed", 10000);
    r.whole_blood_flow = {units::ml_per_min(90), {}};
    r.duration = {units::minutes(100), {}};
    r.ac_returned = {units::percent(13), {}};
    protocol::CitrateSettings s;  // AC alone: about 0.45 mg/kg/min at 70 kg over 100 min
    s.rate_limit = units::mg_per_kg_per_min(1.0);
    s.liver_failure_rate_limit = units::mg_per_kg_per_min(0.02);
    s.liver_failure_reason = "test reason";
    const auto other = patient_of(70, patient::Diagnosis::other);
    const auto alf = patient_of(70, patient::Diagnosis::alf);
    const auto a = session::citrate_plan(s, session::CitrateInputs{&r, nullptr, &other, ""});
    const auto b = session::citrate_plan(s, session::CitrateInputs{&r, nullptr, &alf, ""});
    LB_CHECK_NEAR(units::in_mg_per_kg_per_min(a.rate_limit.value), 1.0, 1e-12);
    LB_CHECK_NEAR(units::in_mg_per_kg_per_min(b.rate_limit.value), 0.02, 1e-12);
    CHECK_FALSE(testing::has_code(a.findings, "citrate.rate_above_limit"));
    CHECK(testing::has_code(b.findings, "citrate.rate_above_limit"));
    CHECK(b.rate_limit.how.method.find("test reason") != std::string::npos);
  }

  TEST_CASE("V24 total Ca 2.4 and ionised Ca 0.9 mmol/L: ratio 2.67 raises the alarm at 2.4") {
    session::SeparationRun r;
    r.whole_blood_processed = volume_figure("whole_blood_processed", 5000);
    r.whole_blood_flow = {units::ml_per_min(50), {}};
    r.duration = {units::minutes(120), {}};
    r.ac_returned = {units::percent(13), {}};
    auto p = patient_of(70, patient::Diagnosis::aclf);
    p.labs.total_calcium =
        units::LabConcentration(units::Analyte::total_calcium, units::mmol_per_l(2.4));
    p.labs.ionized_calcium =
        units::LabConcentration(units::Analyte::ionized_calcium, units::mmol_per_l(0.9));
    protocol::CitrateSettings s;
    const auto c = session::citrate_plan(s, session::CitrateInputs{&r, nullptr, &p, ""});
    REQUIRE(c.calcium_ratio);
    LB_CHECK_NEAR(units::in_fraction(c.calcium_ratio->value), 2.67, 0.005);
    CHECK(testing::has_code(c.findings, "citrate.calcium_ratio_alarm"));
    // The same values in mg/dL (× 0.2495 = mmol/L) give the same ratio.
    p.labs.total_calcium =
        units::LabConcentration(units::Analyte::total_calcium, units::mg_per_dl(2.4 / 0.2495));
    p.labs.ionized_calcium =
        units::LabConcentration(units::Analyte::ionized_calcium, units::mg_per_dl(0.9 / 0.2495));
    const auto mg = session::citrate_plan(s, session::CitrateInputs{&r, nullptr, &p, ""});
    REQUIRE(mg.calcium_ratio);
    LB_CHECK_NEAR(units::in_fraction(mg.calcium_ratio->value), 2.4 / 0.9, 1e-6);
    // 2.0 / 1.0 = 2.0 stays below the alarm.
    p.labs.total_calcium =
        units::LabConcentration(units::Analyte::total_calcium, units::mmol_per_l(2.0));
    p.labs.ionized_calcium =
        units::LabConcentration(units::Analyte::ionized_calcium, units::mmol_per_l(1.0));
    const auto fine = session::citrate_plan(s, session::CitrateInputs{&r, nullptr, &p, ""});
    CHECK_FALSE(testing::has_code(fine.findings, "citrate.calcium_ratio_alarm"));
  }

  TEST_CASE("calcium gluconate 1.6 g/h - ionised calcium checks and the alkalosis warning") {
    session::SeparationRun r;
    r.whole_blood_processed = volume_figure("whole_blood_processed", 5000);
    r.whole_blood_flow = {units::ml_per_min(50), {}};
    r.duration = {units::minutes(150), {}};
    r.ac_returned = {units::percent(13), {}};
    protocol::CitrateSettings s;
    s.calcium_gluconate_per_hour = units::grams(1.6);
    s.ionised_calcium_checks = {units::minutes(0), units::minutes(60), units::minutes(180)};
    s.ionised_calcium_at_end = true;
    s.ffp_citrate = units::g_per_l(4);
    s.alkalosis_ffp_volume = units::liters(3);
    const auto p = patient_of(70, patient::Diagnosis::alf);
    session::ReplacementOrders o;
    o.ffp_volume = volume_figure("ffp_volume_per_session", 3000);
    const auto c = session::citrate_plan(s, session::CitrateInputs{&r, &o, &p, ""});
    REQUIRE(c.calcium_gluconate);
    LB_CHECK_NEAR(units::in_grams(c.calcium_gluconate->value), 4.0, 1e-9);  // 1.6 g/h × 2.5 h
    REQUIRE(c.ionised_calcium_checks.size() == 4);
    CHECK(c.ionised_calcium_checks[0] == "0 min");
    CHECK(c.ionised_calcium_checks[2] == "180 min (after the run ends)");
    CHECK(c.ionised_calcium_checks[3] == "end of the run (150 min)");
    CHECK(testing::has_code(c.findings, "citrate.alkalosis_risk"));  // 3000 mL at a 3 L threshold
    o.ffp_volume = volume_figure("ffp_volume_per_session", 2999);
    const auto below = session::citrate_plan(s, session::CitrateInputs{&r, &o, &p, ""});
    CHECK_FALSE(testing::has_code(below.findings, "citrate.alkalosis_risk"));
  }

  TEST_CASE("heparin: bolus plus hourly rate for the run") {
    protocol::HeparinSettings s;
    s.bolus = {3000};
    s.per_hour = {750};
    explain::Derived<units::Duration> t{units::minutes(120), {}};
    t.how.id = "session_duration";
    const auto h = session::heparin_plan(s, t, "");
    LB_CHECK_NEAR(h.total.value.value, 4500.0, 1e-9);
    CHECK(h.total.how.inputs.back().ref == "session_duration");
  }
}

}  // namespace lb
