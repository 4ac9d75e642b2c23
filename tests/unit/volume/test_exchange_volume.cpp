// Exchange volume per session against clinical.md §1.7 and §9.1 (V4, V13):
// each rule, rounding, every limit just below / at / above, the caps, and
// model-based properties (never above a hard maximum; findings exactly when crossed).
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <stdexcept>

#include "text/format.hpp"
#include "units/compare.hpp"
#include "volume/blood_volume.hpp"
#include "volume/body_size.hpp"
#include "volume/exchange_volume.hpp"
#include "volume/plasma_volume.hpp"
#include "volume_checks.hpp"

using namespace lb;
using namespace lb::units;
using lb::testing::contains;
using lb::testing::count;
using lb::testing::find;
using lb::testing::input;
using model::Sex;
using protocol::ExchangeRule;

namespace {

const std::string kLarsen =
    "Larsen FS et al. High-volume plasma exchange in patients with acute liver failure. J Hepatol "
    "2016;64(1):69-78";

/// A patient's PV (Nadler + Hct) and Devine IBW, as the plan computes them.
volume::ExchangeInputs patient_inputs(Sex s, double h_m, double w_kg, double hct) {
  const auto tbv = volume::nadler_blood_volume(s, meters(h_m), kilograms(w_kg), kilograms(25));
  return {volume::plasma_volume_from_hematocrit(tbv, fraction(hct)),
          volume::ideal_body_weight(protocol::IbwMethod::devine, s, meters(h_m),
                                    protocol::ShortStaturePolicy::extrapolate),
          kilograms(w_kg)};
}

/// V4 patient: male 1.75 m 70 kg Hct 0.30, PV 3376.628 28 mL, IBW 70.464 57 kg.
volume::ExchangeInputs v4() { return patient_inputs(Sex::male, 1.75, 70, 0.30); }

/// Inputs with a given PV and IBW (derivations carrying only what the rule reads).
volume::ExchangeInputs given(double pv_ml, double ibw_kg, double weight_kg = 70) {
  explain::Derived<Volume> pv{milliliters(pv_ml), {}};
  pv.how.id = "plasma_volume";
  pv.how.shown = {pv_ml, "mL", 0};
  explain::Derived<Mass> ibw{kilograms(ibw_kg), {}};
  ibw.how.id = "ideal_body_weight";
  ibw.how.shown = {ibw_kg, "kg", 1};
  return {pv, ibw, kilograms(weight_kg)};
}

protocol::ExchangeSettings fixed_ml(double ml) {
  protocol::ExchangeSettings s;
  s.rule = ExchangeRule::fixed;
  s.fixed = milliliters(ml);
  return s;
}

protocol::ExchangeSettings plasma_volumes(double k) {
  protocol::ExchangeSettings s;
  s.rule = ExchangeRule::plasma_volumes;
  s.plasma_volumes = fraction(k);
  return s;
}

double ml_of(const volume::ExchangeVolume& e) { return in_milliliters(e.volume.value); }

}  // namespace

TEST_SUITE("volume") {
  TEST_CASE("V4: 1.0 PV = 3377 mL and 1.5 PV = 5065 mL for male 1.75 m 70 kg Hct 30 %") {
    const auto one = volume::exchange_volume(plasma_volumes(1.0), v4(), "ASFA 2023");
    LB_CHECK_NEAR(ml_of(one), 3376.628, 0.001);
    CHECK(text::shown(one.volume.how.shown) == "3377 mL");
    const auto x15 = volume::exchange_volume(plasma_volumes(1.5), v4(), "ASFA 2023");
    // 1.5 × 3376.628 28 mL = 5064.942 42 mL.
    LB_CHECK_NEAR(ml_of(x15), 5064.942, 0.001);
    CHECK(text::shown(x15.volume.how.shown) == "5065 mL");
    CHECK(x15.findings.empty());
    CHECK(x15.volume.how.warnings.empty());

    CHECK(x15.volume.how.id == "exchange_volume_per_session");
    CHECK(x15.volume.how.label == "Exchange volume per session");
    CHECK(x15.volume.how.method == "1.5 plasma volumes");
    CHECK(x15.volume.how.formula == "V = 1.5 × PV");
    CHECK(x15.volume.how.source == "ASFA 2023");
    REQUIRE(input(x15.volume.how, "PV") != nullptr);
    CHECK(input(x15.volume.how, "PV")->ref == "plasma_volume");
    CHECK(text::shown(*input(x15.volume.how, "PV")->quantity) == "3377 mL");
    REQUIRE(input(x15.volume.how, "k") != nullptr);
    CHECK(text::shown(*input(x15.volume.how, "k")->quantity) == "1.5");

    CHECK(x15.plasma_volumes.how.id == "plasma_volumes_per_session");
    CHECK(x15.plasma_volumes.how.shown.unit.empty());
    CHECK(x15.plasma_volumes.how.shown.decimals == 2);
    CHECK(text::shown(x15.plasma_volumes.how.shown) == "1.50");
    LB_CHECK_NEAR(in_fraction(x15.plasma_volumes.value), 1.5, 1e-12);
    REQUIRE(input(x15.plasma_volumes.how, "V") != nullptr);
    CHECK(input(x15.plasma_volumes.how, "V")->ref == "exchange_volume_per_session");
    REQUIRE(input(x15.plasma_volumes.how, "PV") != nullptr);
    CHECK(input(x15.plasma_volumes.how, "PV")->ref == "plasma_volume");
  }

  TEST_CASE("V13: HVP 15 % of IBW - male 175 cm → 10.57 L - 3.13 plasma volumes") {
    protocol::ExchangeSettings s;
    s.rule = ExchangeRule::percent_ibw;  // defaults: 15 %, 1 L/kg
    const auto e = volume::exchange_volume(s, v4(), kLarsen);
    // 0.15 × 70.464 567 kg × 1 L/kg = 10.569 685 L.
    LB_CHECK_NEAR(in_liters(e.volume.value), 10.57, 0.001);
    LB_CHECK_NEAR(ml_of(e), 10569.685, 0.001);
    CHECK(text::shown(e.volume.how.shown) == "10 570 mL");
    // 10 569.685 / 3376.628 = 3.130.
    CHECK(text::shown(e.plasma_volumes.how.shown) == "3.13");
    CHECK(e.volume.how.method == "15 % of ideal body weight");
    CHECK(e.volume.how.formula == "V = 15 % × IBW × 1 L/kg");
    CHECK(e.volume.how.source == kLarsen);
    REQUIRE(input(e.volume.how, "IBW") != nullptr);
    CHECK(input(e.volume.how, "IBW")->ref == "ideal_body_weight");
    CHECK(text::shown(*input(e.volume.how, "IBW")->quantity) == "70.5 kg");
    REQUIRE(input(e.volume.how, "percentage") != nullptr);
    CHECK(input(e.volume.how, "percentage")->quantity->value == doctest::Approx(15.0));
  }

  TEST_CASE(
      "§1.7 HVP worked examples: female 160 cm 7.86 L - male 180 cm 11.25 L - 152.4 cm 7.50 L") {
    protocol::ExchangeSettings s;
    s.rule = ExchangeRule::percent_ibw;
    LB_CHECK_NEAR(
        in_liters(volume::exchange_volume(s, patient_inputs(Sex::female, 1.60, 60, 0.3), "")
                      .volume.value),
        7.86, 0.005);
    LB_CHECK_NEAR(
        in_liters(
            volume::exchange_volume(s, patient_inputs(Sex::male, 1.80, 80, 0.3), "").volume.value),
        11.25, 0.005);
    LB_CHECK_NEAR(
        in_liters(
            volume::exchange_volume(s, patient_inputs(Sex::male, 1.524, 60, 0.3), "").volume.value),
        7.50, 1e-9);
  }

  TEST_CASE("percent_ibw: hand-derived with another percentage and volume per kg") {
    // 12 % × 80 kg × 1.05 L/kg = 10.08 L.
    protocol::ExchangeSettings s;
    s.rule = ExchangeRule::percent_ibw;
    s.percent_of_ibw = percent(12);
    s.percent_ibw_volume_per_kg = liters_per_kg(1.05);
    const auto e = volume::exchange_volume(s, given(4000, 80), "");
    LB_CHECK_NEAR(ml_of(e), 10080, 1e-6);
    CHECK(e.volume.how.formula == "V = 12 % × IBW × 1.05 L/kg");
    // 10 080 / 4000 = 2.52 plasma volumes.
    LB_CHECK_NEAR(in_fraction(e.plasma_volumes.value), 2.52, 1e-12);
    CHECK(contains(e.volume.how.source, "names no source"));
  }

  TEST_CASE("per_kg: actual or ideal weight per the protocol") {
    protocol::ExchangeSettings s;
    s.rule = ExchangeRule::per_kg;  // 40 mL/kg of actual weight by default
    // 40 mL/kg × 80 kg = 3200 mL.
    const auto actual = volume::exchange_volume(s, given(3000, 70.5, 80), "");
    LB_CHECK_NEAR(ml_of(actual), 3200, 1e-9);
    CHECK(actual.volume.how.method == "40 mL/kg of actual body weight");
    CHECK(actual.volume.how.formula == "V = 40 mL/kg × W");
    REQUIRE(input(actual.volume.how, "W") != nullptr);
    CHECK(input(actual.volume.how, "W")->ref.empty());
    CHECK(input(actual.volume.how, "IBW") == nullptr);
    // 60 mL/kg × 70.464 567 kg IBW (male 175 cm) = 4227.874 mL.
    s.per_kg = ml_per_kg(60);
    s.per_kg_weight = protocol::WeightBasis::ideal;
    const auto ideal = volume::exchange_volume(s, v4(), "");
    LB_CHECK_NEAR(ml_of(ideal), 60 * 70.46456693, 1e-5);
    CHECK(ideal.volume.how.method == "60 mL/kg of ideal body weight");
    CHECK(ideal.volume.how.formula == "V = 60 mL/kg × IBW");
    REQUIRE(input(ideal.volume.how, "IBW") != nullptr);
    CHECK(input(ideal.volume.how, "IBW")->ref == "ideal_body_weight");
  }

  TEST_CASE("fixed: the protocol's volume") {
    const auto e = volume::exchange_volume(fixed_ml(3000), given(3000, 60), "");
    LB_CHECK_NEAR(ml_of(e), 3000, 1e-9);
    CHECK(e.volume.how.method == "Fixed volume");
    CHECK(e.volume.how.formula == "V = 3000 mL");
    CHECK(volume::exchange_volume(fixed_ml(12500), given(3000, 60), "").volume.how.formula ==
          "V = 12 500 mL");
    // 3000 / 2500 = 1.20 plasma volumes.
    CHECK(text::shown(volume::exchange_volume(fixed_ml(3000), given(2500, 60), "")
                          .plasma_volumes.how.shown) == "1.20");
  }

  TEST_CASE("round_to: nearest multiple - halves up - binary noise ignored") {
    auto s = plasma_volumes(1.5);
    s.round_to = milliliters(10);
    // 5064.942 → 5060 mL.
    const auto e = volume::exchange_volume(s, v4(), "");
    LB_CHECK_NEAR(ml_of(e), 5060, 1e-9);
    CHECK(e.volume.how.formula == "V = 1.5 × PV, rounded to the nearest 10 mL");
    REQUIRE(input(e.volume.how, "rounding step") != nullptr);
    // 1.0 PV: 3376.628 → 3380 mL.
    s.plasma_volumes = fraction(1.0);
    LB_CHECK_NEAR(ml_of(volume::exchange_volume(s, v4(), "")), 3380, 1e-9);
    // Ties: 5065 → 5070, 875 → 1000 with a 250 mL step (875/250 is 3.4999... in binary).
    auto f = fixed_ml(5065);
    f.round_to = milliliters(10);
    LB_CHECK_NEAR(ml_of(volume::exchange_volume(f, given(3000, 60), "")), 5070, 1e-9);
    CHECK(volume::exchange_volume(f, given(3000, 60), "").volume.how.formula ==
          "V = 5065 mL, rounded to the nearest 10 mL");
    f.limits.hard_max = milliliters(5000);
    CHECK(volume::exchange_volume(f, given(3000, 60), "").findings.at(0).message ==
          "The fixed volume is 5065 mL, rounded to 5070 mL, above the protocol's hard maximum of "
          "5000 mL; capped at 5000 mL");
    f = fixed_ml(5064.9);
    f.round_to = milliliters(10);
    LB_CHECK_NEAR(ml_of(volume::exchange_volume(f, given(3000, 60), "")), 5060, 1e-9);
    f = fixed_ml(875);
    f.round_to = milliliters(250);
    LB_CHECK_NEAR(ml_of(volume::exchange_volume(f, given(3000, 60), "")), 1000, 1e-9);
    // HVP to whole FFP units: 10 569.685 mL to 250 mL → 42.28 units → 10 500 mL.
    protocol::ExchangeSettings hvp;
    hvp.rule = ExchangeRule::percent_ibw;
    hvp.round_to = milliliters(250);
    LB_CHECK_NEAR(ml_of(volume::exchange_volume(hvp, v4(), "")), 10500, 1e-9);
  }

  TEST_CASE("the brief's example: 15 % of IBW 92.8 kg = 13 920 mL - capped at 12 000 mL") {
    protocol::ExchangeSettings s;
    s.rule = ExchangeRule::percent_ibw;
    s.limits.hard_max = milliliters(12000);
    const auto e = volume::exchange_volume(s, given(4000, 92.8), kLarsen);
    LB_CHECK_NEAR(ml_of(e), 12000, 1e-9);
    REQUIRE(e.findings.size() == 1);
    CHECK(e.findings[0].code == "exchange.capped_at_hard_max");
    CHECK(e.findings[0].severity == diag::Severity::warning);
    CHECK(e.findings[0].message ==
          "15 % of IBW gives 13 920 mL, above the protocol's hard maximum of 12 000 mL; capped at "
          "12 000 mL");
    REQUIRE(e.volume.how.warnings.size() == 1);
    CHECK(e.volume.how.warnings[0] == e.findings[0].message);
    CHECK(contains(e.volume.how.formula, "capped at the hard maximum"));
    REQUIRE(input(e.volume.how, "hard maximum") != nullptr);
    // The plasma-volume multiple is that of the capped volume: 12 000 / 4000 = 3.00.
    LB_CHECK_NEAR(in_fraction(e.plasma_volumes.value), 3.0, 1e-12);
  }

  TEST_CASE("hard maximum: just below / at / above") {
    const auto run = [](double ml) {
      auto s = fixed_ml(ml);
      s.limits.hard_max = milliliters(12000);
      return volume::exchange_volume(s, given(4000, 70), "");
    };
    CHECK(run(11999).findings.empty());
    CHECK(run(12000).findings.empty());
    const auto above = run(12001);
    REQUIRE(count(above.findings, "exchange.capped_at_hard_max") == 1);
    LB_CHECK_NEAR(ml_of(above), 12000, 1e-9);
    CHECK(above.findings[0].message ==
          "The fixed volume is 12 001 mL, above the protocol's hard maximum of 12 000 mL; capped "
          "at 12 000 mL");
    // A fraction of a millilitre over shows enough decimals to see it.
    CHECK(contains(run(12000.4).findings.at(0).message,
                   "12 000.4 mL, above the protocol's hard "
                   "maximum of 12 000.0 mL"));
  }

  TEST_CASE("hard maximum with rounding: the cap stays a multiple of round_to") {
    auto s = fixed_ml(8000);
    s.round_to = milliliters(250);
    s.limits.hard_max = milliliters(7000);  // 7000/250 is 27.999... in binary
    const auto exact = volume::exchange_volume(s, given(4000, 70), "");
    LB_CHECK_NEAR(ml_of(exact), 7000, 1e-9);
    CHECK(exact.findings.at(0).message ==
          "The fixed volume is 8000 mL, above the protocol's hard maximum of 7000 mL; capped at "
          "7000 mL");
    s.limits.hard_max = milliliters(7100);
    const auto floored = volume::exchange_volume(s, given(4000, 70), "");
    LB_CHECK_NEAR(ml_of(floored), 7000, 1e-9);
    CHECK(contains(floored.findings.at(0).message,
                   "capped at 7000 mL (rounded down to a multiple of 250 mL)"));
    // The rule's own volume and its rounding are both named.
    protocol::ExchangeSettings hvp;
    hvp.rule = ExchangeRule::percent_ibw;
    hvp.round_to = milliliters(10);
    hvp.limits.hard_max = milliliters(12000);
    CHECK(volume::exchange_volume(hvp, given(4000, 92.78), "").findings.at(0).message ==
          "15 % of IBW gives 13 917 mL, rounded to 13 920 mL, above the protocol's hard maximum "
          "of 12 000 mL; capped at 12 000 mL");
  }

  TEST_CASE("hard minimum: an error - the volume is not raised") {
    const auto run = [](double ml) {
      auto s = fixed_ml(ml);
      s.limits.hard_min = milliliters(1000);
      return volume::exchange_volume(s, given(4000, 70), "");
    };
    const auto below = run(999);
    REQUIRE(below.findings.size() == 1);
    CHECK(below.findings[0].code == "exchange.below_hard_min");
    CHECK(below.findings[0].severity == diag::Severity::error);
    CHECK(below.findings[0].message ==
          "The fixed volume is 999 mL, below the protocol's hard minimum of 1000 mL");
    CHECK(below.volume.how.warnings.at(0) == below.findings[0].message);
    LB_CHECK_NEAR(ml_of(below), 999, 1e-9);
    CHECK(run(1000).findings.empty());
    CHECK(run(1001).findings.empty());
  }

  TEST_CASE("soft limits: warnings just outside - nothing at or inside") {
    const auto run = [](double ml) {
      auto s = fixed_ml(ml);
      s.limits.soft_min = milliliters(8000);
      s.limits.soft_max = milliliters(12000);
      return volume::exchange_volume(s, given(4000, 70), "");
    };
    const auto low = run(7999);
    REQUIRE(low.findings.size() == 1);
    CHECK(low.findings[0].code == "exchange.below_soft_min");
    CHECK(low.findings[0].severity == diag::Severity::warning);
    CHECK(low.findings[0].message ==
          "The fixed volume is 7999 mL, below the protocol's soft minimum of 8000 mL");
    CHECK(run(8000).findings.empty());
    CHECK(run(10000).findings.empty());
    CHECK(run(12000).findings.empty());
    const auto high = run(12001);
    REQUIRE(high.findings.size() == 1);
    CHECK(high.findings[0].code == "exchange.above_soft_max");
    CHECK(high.findings[0].severity == diag::Severity::warning);
    CHECK(high.findings[0].message ==
          "The fixed volume is 12 001 mL, above the protocol's soft maximum of 12 000 mL");
    LB_CHECK_NEAR(ml_of(high), 12001, 1e-9);  // soft limits never change the volume
  }

  TEST_CASE("limits at the threshold after binary arithmetic are 'at' - not across") {
    // 15 % × 66.7 kg × 1 L/kg is 10 005.000 000 000 002 mL in binary; 53.3 kg gives 7994.999...
    protocol::ExchangeSettings s;
    s.rule = ExchangeRule::percent_ibw;
    s.limits.hard_max = milliliters(10005);
    s.limits.soft_max = milliliters(10005);
    CHECK(volume::exchange_volume(s, given(4000, 66.7), "").findings.empty());
    s.limits = {};
    s.limits.hard_min = milliliters(7995);
    s.limits.soft_min = milliliters(7995);
    CHECK(volume::exchange_volume(s, given(4000, 53.3), "").findings.empty());
    // k × PV against k plasma volumes, for many PVs (1 in 9 is 1 ulp over in binary).
    for (int pv = 2000; pv <= 5000; pv += 7) {
      auto p = plasma_volumes(1.5);
      p.limits.plasma_volumes_hard_max = fraction(1.5);
      p.limits.plasma_volumes_soft_max = fraction(1.5);
      const auto e = volume::exchange_volume(p, given(pv + 0.123, 70), "");
      CHECK(e.findings.empty());
    }
  }

  TEST_CASE("plasma-volume hard maximum: caps - just below / at / above") {
    const auto run = [](double k) {
      auto s = plasma_volumes(k);
      s.limits.plasma_volumes_hard_max = fraction(1.5);
      return volume::exchange_volume(s, v4(), "");
    };
    CHECK(run(1.49).findings.empty());
    CHECK(run(1.5).findings.empty());
    const auto above = run(1.51);
    REQUIRE(above.findings.size() == 1);
    CHECK(above.findings[0].code == "exchange.capped_at_plasma_volumes_hard_max");
    CHECK(above.findings[0].severity == diag::Severity::warning);
    // 1.51 × 3376.628 = 5098.709 mL → capped at 1.5 × 3376.628 = 5064.942 mL.
    LB_CHECK_NEAR(ml_of(above), 5064.942, 0.001);
    CHECK(above.findings[0].message ==
          "1.51 plasma volumes gives 5099 mL, i.e. 1.51 plasma volumes of 3377 mL, above the "
          "protocol's hard maximum of 1.50 plasma volumes (5065 mL); capped at 5065 mL");
    CHECK(above.volume.how.warnings.at(0) == above.findings[0].message);
    CHECK(contains(above.volume.how.formula, "capped at 1.5 × PV"));
    CHECK(text::shown(above.plasma_volumes.how.shown) == "1.50");

    // Rounding up past the limit: 1.0 PV → 3380 mL > 1.0 PV; capped at 3370 mL (multiple of 10).
    auto s = plasma_volumes(1.0);
    s.round_to = milliliters(10);
    s.limits.plasma_volumes_hard_max = fraction(1.0);
    const auto rounded = volume::exchange_volume(s, v4(), "");
    LB_CHECK_NEAR(ml_of(rounded), 3370, 1e-9);
    REQUIRE(rounded.findings.size() == 1);
    CHECK(rounded.findings[0].message ==
          "1.0 plasma volumes gives 3377 mL, rounded to 3380 mL, i.e. 1.001 plasma volumes of "
          "3377 mL, above the protocol's hard maximum of 1.000 plasma volumes (3377 mL); capped "
          "at 3370 mL (rounded down to a multiple of 10 mL)");
  }

  TEST_CASE("plasma-volume soft maximum: warning just above - nothing at or below") {
    const auto run = [](double k) {
      auto s = plasma_volumes(k);
      s.limits.plasma_volumes_soft_max = fraction(1.5);
      return volume::exchange_volume(s, v4(), "");
    };
    CHECK(run(1.49).findings.empty());
    CHECK(run(1.5).findings.empty());
    const auto above = run(1.51);
    REQUIRE(above.findings.size() == 1);
    CHECK(above.findings[0].code == "exchange.above_plasma_volumes_soft_max");
    CHECK(above.findings[0].severity == diag::Severity::warning);
    CHECK(above.findings[0].message ==
          "1.51 plasma volumes gives 5099 mL, i.e. 1.51 plasma volumes of 3377 mL, above the "
          "protocol's soft maximum of 1.50 plasma volumes (5065 mL)");
    LB_CHECK_NEAR(ml_of(above), 1.51 * 3376.62828125, 1e-6);  // not capped
  }

  TEST_CASE("plasma-volume soft minimum: warning just below - nothing at or above") {
    const auto run = [](double k) {
      auto s = plasma_volumes(k);
      s.limits.plasma_volumes_soft_min = fraction(1.0);
      return volume::exchange_volume(s, v4(), "");
    };
    CHECK(run(1.0).findings.empty());
    CHECK(run(1.01).findings.empty());
    const auto below = run(0.99);
    REQUIRE(below.findings.size() == 1);
    CHECK(below.findings[0].code == "exchange.below_plasma_volumes_soft_min");
    CHECK(below.findings[0].severity == diag::Severity::warning);
    // 0.99 × 3376.628 = 3342.862 mL.
    CHECK(below.findings[0].message ==
          "0.99 plasma volumes gives 3343 mL, i.e. 0.99 plasma volumes of 3377 mL, below the "
          "protocol's soft minimum of 1.00 plasma volumes (3377 mL)");
    LB_CHECK_NEAR(ml_of(below), 0.99 * 3376.62828125, 1e-6);  // not raised
  }

  TEST_CASE("both caps - and a hard minimum crossed because of a cap") {
    // 2 × 3376.628 = 6753.3 mL → capped at 5000 mL → 1.48 PV > 1.2 → capped at 4051.954 mL.
    auto s = plasma_volumes(2.0);
    s.limits.hard_max = milliliters(5000);
    s.limits.plasma_volumes_hard_max = fraction(1.2);
    s.limits.hard_min = milliliters(4500);
    s.limits.soft_max = milliliters(4000);
    const auto e = volume::exchange_volume(s, v4(), "");
    LB_CHECK_NEAR(ml_of(e), 1.2 * 3376.62828125, 1e-6);
    REQUIRE(e.findings.size() == 4);
    CHECK(e.findings[0].code == "exchange.capped_at_hard_max");
    CHECK(e.findings[0].message ==
          "2.0 plasma volumes gives 6753 mL, above the protocol's hard maximum of 5000 mL; "
          "capped at 5000 mL");
    CHECK(e.findings[1].code == "exchange.capped_at_plasma_volumes_hard_max");
    CHECK(e.findings[1].message ==
          "The capped exchange volume is 5000 mL, i.e. 1.48 plasma volumes of 3377 mL, above the "
          "protocol's hard maximum of 1.20 plasma volumes (4052 mL); capped at 4052 mL");
    CHECK(e.findings[2].code == "exchange.below_hard_min");
    CHECK(e.findings[2].severity == diag::Severity::error);
    CHECK(e.findings[2].message ==
          "The capped exchange volume is 4052 mL, below the protocol's hard minimum of 4500 mL");
    CHECK(e.findings[3].code == "exchange.above_soft_max");
    CHECK(e.volume.how.warnings.size() == 4);
  }

  TEST_CASE("nonsensical inputs are refused") {
    CHECK_THROWS_AS(volume::exchange_volume(plasma_volumes(1.0), given(0, 70), ""),
                    std::invalid_argument);
    CHECK_THROWS_AS(volume::exchange_volume(fixed_ml(-100), given(3000, 70), ""),
                    std::invalid_argument);
    auto s = fixed_ml(3000);
    s.round_to = milliliters(0);
    CHECK_THROWS_AS(volume::exchange_volume(s, given(3000, 70), ""), std::invalid_argument);
  }

  TEST_CASE("property: model check over many patients - rules and limits") {
    // Expected behaviour computed independently: uncapped = k × PV; final =
    // min(uncapped, hard max, k_max × PV); each finding iff its limit is crossed.
    struct Limits {
      double hard_max, pv_hard_max, hard_min, soft_min, soft_max, pv_soft_max, pv_soft_min;
    };
    const Limits sets[] = {{12000, 3.5, 1000, 8000, 11000, 3.0, 0.5},
                           {6000, 1.5, 3000, 3500, 5000, 1.25, 1.0},
                           {4000, 2.0, 2500, 2800, 3600, 1.1, 0.9},
                           {9000, 1.0, 3600, 3900, 8000, 0.9, 0.85}};
    int cases = 0;
    std::map<std::string, std::pair<int, int>> seen;  // code → (cases with it, cases without)
    const char* codes[] = {"exchange.capped_at_hard_max",
                           "exchange.capped_at_plasma_volumes_hard_max",
                           "exchange.below_hard_min",
                           "exchange.below_soft_min",
                           "exchange.above_soft_max",
                           "exchange.above_plasma_volumes_soft_max",
                           "exchange.below_plasma_volumes_soft_min"};
    for (const Sex sex : {Sex::male, Sex::female}) {
      for (int cm = 150; cm <= 200; cm += 10) {
        for (int kg = 40; kg <= 160; kg += 8) {
          for (const double hct : {0.2, 0.3, 0.4, 0.5}) {
            const auto in = patient_inputs(sex, cm / 100.0, kg, hct);
            const double pv = in_milliliters(in.plasma_volume.value);
            for (const double k : {0.8, 1.0, 1.25, 1.5, 2.0}) {
              for (const auto& l : sets) {
                auto s = plasma_volumes(k);
                s.limits.hard_max = milliliters(l.hard_max);
                s.limits.plasma_volumes_hard_max = fraction(l.pv_hard_max);
                s.limits.hard_min = milliliters(l.hard_min);
                s.limits.soft_min = milliliters(l.soft_min);
                s.limits.soft_max = milliliters(l.soft_max);
                s.limits.plasma_volumes_soft_max = fraction(l.pv_soft_max);
                s.limits.plasma_volumes_soft_min = fraction(l.pv_soft_min);
                const auto e = volume::exchange_volume(s, in, "");
                const double v = ml_of(e);
                ++cases;

                const double uncapped = k * pv;
                const double after_hard = std::min(uncapped, l.hard_max);
                const double expected = std::min(after_hard, l.pv_hard_max * pv);
                LB_CHECK_NEAR(v, expected, 1e-9 * expected);
                CHECK(e.volume.value.value() <= milliliters(l.hard_max).value());
                CHECK(v / pv <= l.pv_hard_max * (1 + 1e-12));
                LB_CHECK_NEAR(in_fraction(e.plasma_volumes.value), v / pv, 1e-12);
                CHECK(e.volume.how.warnings.size() == e.findings.size());

                CHECK(count(e.findings, "exchange.capped_at_hard_max") ==
                      (uncapped > l.hard_max ? 1U : 0U));
                CHECK(count(e.findings, "exchange.capped_at_plasma_volumes_hard_max") ==
                      (after_hard > l.pv_hard_max * pv ? 1U : 0U));
                CHECK(count(e.findings, "exchange.below_hard_min") ==
                      (expected < l.hard_min ? 1U : 0U));
                CHECK(count(e.findings, "exchange.below_soft_min") ==
                      (expected < l.soft_min ? 1U : 0U));
                CHECK(count(e.findings, "exchange.above_soft_max") ==
                      (expected > l.soft_max ? 1U : 0U));
                CHECK(count(e.findings, "exchange.above_plasma_volumes_soft_max") ==
                      (expected > l.pv_soft_max * pv ? 1U : 0U));
                CHECK(count(e.findings, "exchange.below_plasma_volumes_soft_min") ==
                      (expected < l.pv_soft_min * pv ? 1U : 0U));
                for (const char* code : codes) {
                  auto& [with, without] = seen[code];
                  (count(e.findings, code) > 0 ? with : without) += 1;
                }
                const auto* hard_min = find(e.findings, "exchange.below_hard_min");
                if (hard_min != nullptr) CHECK(hard_min->severity == diag::Severity::error);
              }
            }
          }
        }
      }
    }
    CHECK(cases == 2 * 6 * 16 * 4 * 5 * 4);
    // Every limit is both crossed and not crossed somewhere, so no check above is vacuous.
    for (const char* code : codes) {
      INFO(code);
      CHECK(seen[code].first > 0);
      CHECK(seen[code].second > 0);
    }
  }

  TEST_CASE("property: every rule - with rounding - stays within both hard maxima") {
    const ExchangeRule rules[] = {ExchangeRule::plasma_volumes, ExchangeRule::percent_ibw,
                                  ExchangeRule::per_kg, ExchangeRule::fixed};
    for (const auto rule : rules) {
      for (const double step : {0.0, 10.0, 50.0, 250.0}) {
        for (int cm = 150; cm <= 205; cm += 5) {
          for (int kg = 45; kg <= 150; kg += 15) {
            for (const double hct : {0.2, 0.35, 0.5}) {
              const auto in = patient_inputs(Sex::female, cm / 100.0, kg, hct);
              protocol::ExchangeSettings s;
              s.rule = rule;
              s.plasma_volumes = fraction(1.75);
              s.per_kg = ml_per_kg(70);
              s.fixed = milliliters(9999);
              if (step > 0) s.round_to = milliliters(step);
              s.limits.hard_max = milliliters(7777);
              s.limits.plasma_volumes_hard_max = fraction(1.6);
              const auto e = volume::exchange_volume(s, in, "");
              const double v = ml_of(e);
              const double pv = in_milliliters(in.plasma_volume.value);
              CHECK(e.volume.value.value() <= milliliters(7777).value());
              CHECK(v / pv <= 1.6 * (1 + 1e-12));
              CHECK(v > 0);
              if (step > 0) {
                // Still a whole number of steps, even after a cap.
                const double steps = v / step;
                LB_CHECK_NEAR(steps, std::round(steps), 1e-9);
              }
            }
          }
        }
      }
    }
  }
}
