// The replacement:, anticoagulation: and separation: protocol sections: every
// value read with its unit, and bad values reported at file:line:col (the
// malformed corpus in tests/data/malformed/protocol/session-*.yaml covers more).
#include <doctest/doctest.h>

#include <string>

#include "diag/diagnostic.hpp"
#include "protocol/protocol_loader.hpp"
#include "session_test_support.hpp"

namespace lb {

namespace {

const std::string kHead =
    "schema_version: 1\n"              // 1
    "id: test-protocol\n"              // 2
    "version: \"1.0.0\"\n"             // 3
    "title: Test protocol\n"           // 4
    "sources:\n"                       // 5
    "  - id: src1\n"                   // 6
    "    citation: \"Source one.\"\n"  // 7
    "indications: [alf]\n"             // 8
    "exchange:\n"                      // 9
    "  rule: plasma_volumes\n"         // 10
    "  amount: 1\n"                    // 11
    "  source: src1\n";                // 12

protocol::ProtocolLoad load(const std::string& sections) {
  return protocol::parse_protocol(kHead + sections, "test.yaml");
}

std::string all(const diag::Diagnostics& d) {
  std::string out;
  for (const auto& item : d.items()) out += diag::format(item) + "\n";
  return out;
}

/// An error at line:col whose text contains `text`.
bool error_at(const protocol::ProtocolLoad& l, int line, int column, const std::string& text) {
  for (const auto& d : l.diagnostics.items()) {
    if (d.severity == diag::Severity::error && d.where.line == line && d.where.column == column &&
        diag::format(d).find(text) != std::string::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace

TEST_SUITE("session") {
  TEST_CASE("a protocol without session sections has none") {
    const auto l = load("");
    REQUIRE(l.protocol);
    CHECK_FALSE(l.protocol->session.replacement);
    CHECK_FALSE(l.protocol->session.anticoagulation);
    CHECK_FALSE(l.protocol->session.separation);
  }

  TEST_CASE("every session value is read with its unit") {
    const auto l = load(
        "replacement:\n"
        "  mix: fractions\n"
        "  fractions: {ffp: 1/3, albumin: 2/3}\n"
        "  ffp_last_when_inr_at_least: 1.5\n"
        "  ffp_unit_volume: 300 mL\n"
        "  albumin_concentration: 200 g/L\n"
        "  albumin_vial: 10 g\n"
        "  fluid_balance: 95 %\n"
        "  composition:\n"
        "    ffp: {albumin: 40 g/L, fibrinogen: 2.5 g/L, factor_activity: 100 %, source: src1}\n"
        "    albumin: {fibrinogen: 0 g/L, factor_activity: 0 %}\n"
        "  source: src1\n"
        "separation:\n"
        "  technique: centrifugal\n"
        "  centrifugal:\n"
        "    inlet_flow: 3.6 L/h\n"
        "    efficiency: 82 %\n"
        "    ac_infusion_limit_per_liter_tbv: 0.8 mL/min\n"
        "  extracorporeal_volume: 0.185 L\n"
        "  extracorporeal_max_tbv: 12 %\n"
        "anticoagulation:\n"
        "  method: citrate\n"
        "  citrate:\n"
        "    solution: ACD-B\n"
        "    inlet_to_ac_ratio: 12\n"
        "    rate_limit: 1 mg/kg/min\n"
        "    liver_failure: {rate_limit: 0.6 mg/kg/min, reason: slower clearance}\n"
        "    ffp_citrate: 4 g/L\n"
        "    calcium_gluconate_per_hour: 1.6 g\n"
        "    ionised_calcium_checks: [0 min, 1 h, end]\n"
        "    calcium_ratio_alarm: 2.5\n"
        "    alkalosis_ffp_volume: 3 L\n");
    INFO(all(l.diagnostics));
    REQUIRE(l.protocol);
    const auto& r = *l.protocol->session.replacement;
    CHECK(r.mix == protocol::ReplacementMix::fractions);
    LB_CHECK_NEAR(units::in_fraction(r.ffp_fraction), 1.0 / 3.0, 1e-12);
    REQUIRE(r.ffp_last_inr);
    LB_CHECK_NEAR(units::in_fraction(*r.ffp_last_inr), 1.5, 1e-12);
    LB_CHECK_NEAR(units::in_milliliters(r.ffp_unit_volume), 300, 1e-9);
    LB_CHECK_NEAR(units::in_g_per_l(r.albumin_concentration), 200, 1e-9);
    LB_CHECK_NEAR(units::in_grams(r.albumin_vial), 10, 1e-9);
    LB_CHECK_NEAR(units::in_percent(r.fluid_balance), 95, 1e-9);
    REQUIRE(r.ffp_composition.fibrinogen);
    LB_CHECK_NEAR(units::in_g_per_l(*r.ffp_composition.fibrinogen), 2.5, 1e-12);
    CHECK(r.ffp_composition.source == "src1");
    REQUIRE(r.albumin_composition.factor_activity);
    LB_CHECK_NEAR(units::in_percent(*r.albumin_composition.factor_activity), 0, 1e-12);

    const auto& s = *l.protocol->session.separation;
    CHECK(s.technique == protocol::SeparationTechnique::centrifugal);
    LB_CHECK_NEAR(units::in_ml_per_min(s.centrifugal.inlet_flow), 60, 1e-9);
    LB_CHECK_NEAR(units::in_percent(s.centrifugal.efficiency), 82, 1e-9);
    REQUIRE(s.centrifugal.ac_infusion_limit_per_liter_tbv);
    LB_CHECK_NEAR(units::in_ml_per_min_per_liter(*s.centrifugal.ac_infusion_limit_per_liter_tbv),
                  0.8, 1e-12);
    LB_CHECK_NEAR(units::in_milliliters(*s.extracorporeal_volume), 185, 1e-9);

    const auto& a = *l.protocol->session.anticoagulation;
    CHECK(a.method == protocol::Anticoagulant::citrate);
    CHECK(a.citrate.solution == protocol::AcdSolution::acd_b);
    CHECK(units::in_parts(a.citrate.inlet_to_ac_ratio) == doctest::Approx(12.0));
    REQUIRE(a.citrate.liver_failure_rate_limit);
    LB_CHECK_NEAR(units::in_mg_per_kg_per_min(*a.citrate.liver_failure_rate_limit), 0.6, 1e-12);
    CHECK(a.citrate.liver_failure_reason == "slower clearance");
    REQUIRE(a.citrate.ionised_calcium_checks.size() == 2);
    LB_CHECK_NEAR(units::in_minutes(a.citrate.ionised_calcium_checks[1]), 60, 1e-9);
    CHECK(a.citrate.ionised_calcium_at_end);
    LB_CHECK_NEAR(units::in_fraction(a.citrate.calcium_ratio_alarm), 2.5, 1e-12);
    LB_CHECK_NEAR(units::in_liters(*a.citrate.alkalosis_ffp_volume), 3, 1e-12);
  }

  TEST_CASE("fractions written as percentages must also sum to 1") {
    CHECK(
        load("replacement:\n  mix: fractions\n  fractions: {ffp: 33 %, albumin: 67 %}\n").protocol);
    const auto bad =
        load("replacement:\n  mix: fractions\n  fractions: {ffp: 40 %, albumin: 50 %}\n");
    INFO(all(bad.diagnostics));
    CHECK_FALSE(bad.protocol);
    CHECK(error_at(bad, 15, 14, "add up to 90.0 %; the fractions must sum to 1"));
  }

  TEST_CASE("a filtration fraction of 0.9 is an error whatever maximum is written") {
    const auto l = load(
        "separation:\n"
        "  technique: membrane\n"
        "  membrane: {blood_flow: 120 mL/min, filtration_fraction: 0.9, max_filtration_fraction: "
        "95 %}\n");
    INFO(all(l.diagnostics));
    CHECK(error_at(l, 15, 59, "'0.9' is out of range; expected at least 5 % and at most 50 %"));
    CHECK(error_at(l, 15, 89, "'95 %' is out of range; expected at least 5 % and at most 50 %"));
  }

  TEST_CASE("heparin is read in international units - none needs a permitting membrane") {
    const auto h = load(
        "separation:\n"
        "  technique: membrane\n"
        "  membrane: {blood_flow: 100 mL/min, filtration_fraction: 25 %, max_filtration_fraction: "
        "30 %}\n"
        "anticoagulation:\n"
        "  method: heparin\n"
        "  heparin: {bolus: 2000 IU, per_hour: 500 IU}\n");
    INFO(all(h.diagnostics));
    REQUIRE(h.protocol);
    CHECK(h.protocol->session.anticoagulation->heparin.bolus.value == 2000.0);
    CHECK(h.protocol->session.anticoagulation->heparin.per_hour.value == 500.0);

    const std::string membrane =
        "separation:\n"
        "  technique: membrane\n"
        "  membrane: {blood_flow: 100 mL/min, filtration_fraction: 25 %, max_filtration_fraction: "
        "30 %}\n";
    CHECK(load(membrane + "anticoagulation:\n  method: none\n  none_permitted_by_membrane: true\n")
              .protocol);
    const auto not_marked = load(membrane + "anticoagulation:\n  method: none\n");
    CHECK(error_at(not_marked, 17, 11, "'none' is allowed only for a membrane separation"));
  }

  TEST_CASE("a section key for another choice is an error - not silently ignored") {
    const auto l = load(
        "separation:\n"
        "  technique: centrifugal\n"
        "  centrifugal: {inlet_flow: 60 mL/min, efficiency: 87 %}\n"
        "  membrane: {blood_flow: 100 mL/min, filtration_fraction: 25 %, max_filtration_fraction: "
        "30 %}\n");
    INFO(all(l.diagnostics));
    CHECK(error_at(l, 16, 13, "applies only to technique 'membrane'"));
  }

  TEST_CASE("a liver-failure citrate limit above the general one is refused") {
    const auto l = load(
        "separation:\n"
        "  technique: centrifugal\n"
        "  centrifugal: {inlet_flow: 60 mL/min, efficiency: 87 %}\n"
        "anticoagulation:\n"
        "  method: citrate\n"
        "  citrate:\n"
        "    solution: ACD-A\n"
        "    inlet_to_ac_ratio: 10\n"
        "    liver_failure: {rate_limit: 1.5 mg/kg/min, reason: x}\n");
    INFO(all(l.diagnostics));
    CHECK(error_at(l, 21, 33, "liver failure lowers the limit"));
  }
}

}  // namespace lb
