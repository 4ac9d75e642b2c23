// Replacement orders (clinical.md §4.1, §8.4, §9.1 V5, V13) and the
// replacement-aware mixing (§2.1, §9.1 V18), checked against the reference's
// worked examples and hand-derived cases.
#include <doctest/doctest.h>

#include <cmath>

#include "session/replacement.hpp"
#include "session/replacement_effect.hpp"
#include "session/replacement_mix.hpp"
#include "session_test_support.hpp"

namespace lb {

using protocol::ReplacementMix;
using protocol::ReplacementSettings;
using testing::volume_figure;

namespace {

session::ReplacementOrders orders(const ReplacementSettings& s, double exchange_ml,
                                  int sessions = 1, std::optional<double> inr = std::nullopt) {
  std::optional<units::Fraction> i;
  if (inr) i = units::fraction(*inr);
  return session::replacement_orders(
      s, session::ReplacementInputs{volume_figure("exchange_volume_per_session", exchange_ml), i,
                                    sessions, "test source"});
}

ReplacementSettings mix(ReplacementMix m, double ffp_fraction = 1.0) {
  ReplacementSettings s;
  s.mix = m;
  s.ffp_fraction = units::fraction(ffp_fraction);
  return s;
}

}  // namespace

TEST_SUITE("session") {
  TEST_CASE("V5 AYSung 1.5 PV of 5 % albumin: 5066 mL gives 21 vials = 262.5 g and no FFP") {
    const auto o = orders(mix(ReplacementMix::albumin, 0.0), 5066);
    CHECK(o.ffp_units.value == 0);
    LB_CHECK_NEAR(units::in_milliliters(o.ffp_volume.value), 0.0, 1e-9);
    LB_CHECK_NEAR(units::in_milliliters(o.albumin_volume.value), 5066.0, 1e-6);
    CHECK(o.albumin_vials.value == 21);
    LB_CHECK_NEAR(units::in_grams(o.albumin_grams.value), 262.5, 1e-9);
  }

  TEST_CASE("V13 HVP 10.57 L of FFP needs 43 units of 250 mL") {
    const auto o = orders(mix(ReplacementMix::ffp), 10570);
    CHECK(o.ffp_units.value == 43);
    CHECK(o.albumin_vials.value == 0);
  }

  TEST_CASE("7500 mL of FFP is 30 units of 250 mL - not 31") {
    CHECK(orders(mix(ReplacementMix::ffp), 7500).ffp_units.value == 30);
    // 22 500 mL × 1/3 is 7500.000000000001 mL in binary floating point.
    const auto third = orders(mix(ReplacementMix::fractions, 1.0 / 3.0), 22500);
    CHECK(third.ffp_units.value == 30);
    // (0.1 + 0.2) × 10 000 mL is 3000.0000000000005 mL; / 100 mL = 30.000000000000007.
    auto s = mix(ReplacementMix::ffp);
    s.ffp_unit_volume = units::milliliters(100);
    CHECK(orders(s, (0.1 + 0.2) * 10000.0).ffp_units.value == 30);
    CHECK(orders(s, 3000.5).ffp_units.value == 31);  // a real half millilitre more is a unit more
  }

  TEST_CASE("one third FFP and two thirds 5 % albumin of 3000 mL") {
    const auto o = orders(mix(ReplacementMix::fractions, 1.0 / 3.0), 3000);
    LB_CHECK_NEAR(units::in_milliliters(o.ffp_volume.value), 1000.0, 1e-6);
    CHECK(o.ffp_units.value == 4);
    LB_CHECK_NEAR(units::in_milliliters(o.albumin_volume.value), 2000.0, 1e-6);
    CHECK(o.albumin_vials.value == 8);  // 2000 mL × 50 g/L = 100 g = 8 × 12.5 g exactly
    LB_CHECK_NEAR(units::in_grams(o.albumin_grams.value), 100.0, 1e-9);
  }

  TEST_CASE("a fixed number of FFP units with albumin for the rest") {
    auto s = mix(ReplacementMix::ffp_units);
    s.ffp_units = 4;
    const auto o = orders(s, 3377);
    LB_CHECK_NEAR(units::in_milliliters(o.ffp_volume.value), 1000.0, 1e-6);
    CHECK(o.ffp_units.value == 4);
    LB_CHECK_NEAR(units::in_milliliters(o.albumin_volume.value), 2377.0, 1e-6);
    // AYSung custom: ceil((3377 − 4 × 250) × 0.05 / 12.5) = ceil(9.508) = 10 vials.
    CHECK(o.albumin_vials.value == 10);
    CHECK_FALSE(testing::has_code(o.findings, "replacement.ffp_units_exceed_volume"));

    s.ffp_units = 20;  // 5000 mL of FFP for a 3377 mL exchange
    const auto over = orders(s, 3377);
    CHECK(testing::has_code(over.findings, "replacement.ffp_units_exceed_volume"));
    LB_CHECK_NEAR(units::in_milliliters(over.ffp_volume.value), 3377.0, 1e-6);
    CHECK(over.ffp_units.value == 14);  // ceil(3377 / 250)
    CHECK(over.albumin_vials.value == 0);
  }

  TEST_CASE("fluid balance scales the replacement volume") {
    auto s = mix(ReplacementMix::albumin, 0.0);
    s.fluid_balance = units::percent(90);
    const auto o = orders(s, 4000);
    LB_CHECK_NEAR(units::in_milliliters(o.replacement_volume.value), 3600.0, 1e-6);
    CHECK(o.albumin_vials.value == 15);  // 3600 mL × 50 g/L = 180 g → 14.4 → 15 vials
  }

  TEST_CASE("course totals multiply each session's whole units") {
    const auto o = orders(mix(ReplacementMix::fractions, 1.0 / 3.0), 3000, 5);
    CHECK(o.ffp_units_course.value == 20);
    CHECK(o.albumin_vials_course.value == 40);
    LB_CHECK_NEAR(units::in_grams(o.albumin_grams_course.value), 500.0, 1e-9);
    LB_CHECK_NEAR(units::in_milliliters(o.ffp_volume_course.value), 5000.0, 1e-6);
  }

  TEST_CASE(
      "FFP last only when the INR reaches the protocol's threshold and both fluids are used") {
    auto s = mix(ReplacementMix::fractions, 0.5);
    s.ffp_last_inr = units::fraction(1.5);
    CHECK(orders(s, 3000, 1, 1.4).ffp_last.empty());
    CHECK_FALSE(orders(s, 3000, 1, 1.5).ffp_last.empty());
    CHECK(orders(s, 3000, 1).ffp_last.empty());  // INR unknown
    auto all_ffp = mix(ReplacementMix::ffp);
    all_ffp.ffp_last_inr = units::fraction(1.5);
    CHECK(orders(all_ffp, 3000, 1, 3.0).ffp_last.empty());
  }

  TEST_CASE("property: more exchange volume never lowers FFP units or albumin vials") {
    for (const double share : {1.0, 2.0 / 3.0, 0.5, 1.0 / 3.0, 0.0}) {
      int last_units = 0;
      int last_vials = 0;
      for (double ml = 100; ml <= 15000; ml += 7.3) {
        const auto o = orders(mix(ReplacementMix::fractions, share), ml);
        CHECK(o.ffp_units.value >= last_units);
        CHECK(o.albumin_vials.value >= last_vials);
        // Whole units always cover the volume, and one unit less would not.
        CHECK(o.ffp_units.value * 250.0 >= units::in_milliliters(o.ffp_volume.value) - 1e-6);
        CHECK((o.ffp_units.value - 1) * 250.0 < units::in_milliliters(o.ffp_volume.value));
        last_units = o.ffp_units.value;
        last_vials = o.albumin_vials.value;
      }
    }
  }

  TEST_CASE("bad inputs are refused - not guessed") {
    CHECK_THROWS_AS(orders(mix(ReplacementMix::ffp), 0), std::invalid_argument);
    CHECK_THROWS_AS(orders(mix(ReplacementMix::ffp), 3000, 0), std::invalid_argument);
  }

  TEST_CASE("every replacement figure has a formula - a source and resolvable inputs") {
    const auto o = orders(mix(ReplacementMix::fractions, 1.0 / 3.0), 3000, 3);
    testing::check_refs_resolve(o.figures(), {"exchange_volume_per_session"});
  }

  TEST_CASE("V18 albumin 25 g/L with 5 % albumin: 40.80 g/L after 1.0 PV - 44.4 g/L after 1.5 PV") {
    LB_CHECK_NEAR(session::replacement_aware(25, 50, 1.0), 40.80, 0.005);
    LB_CHECK_NEAR(session::replacement_aware(25, 50, 1.5), 44.42, 0.005);
    // Factor activity 20 % with FFP (~100 %): 70.6 % after 1 PV, 96.0 % after 3 PV (§2.1).
    LB_CHECK_NEAR(session::replacement_aware(20, 100, 1.0), 70.6, 0.05);
    LB_CHECK_NEAR(session::replacement_aware(20, 100, 3.0), 96.0, 0.05);
  }

  TEST_CASE("predicted post-session albumin for a 1 PV exchange with 5 % albumin (V18)") {
    auto s = mix(ReplacementMix::albumin, 0.0);
    s.albumin_composition.fibrinogen = units::g_per_l(0);
    const auto o = orders(s, 3377);
    patient::Labs labs;
    labs.albumin = units::g_per_l(25);
    labs.fibrinogen = units::g_per_l(2.0);
    const auto e =
        session::replacement_effect(s, o, volume_figure("plasma_volume", 3377), labs, "");
    REQUIRE(e.albumin);
    LB_CHECK_NEAR(units::in_g_per_l(e.albumin->value), 40.80, 0.005);
    REQUIRE(e.fibrinogen);  // albumin solution has none: plain one-compartment fall
    LB_CHECK_NEAR(units::in_g_per_l(e.fibrinogen->value), 2.0 * std::exp(-1.0), 1e-9);
    CHECK_FALSE(e.factor_v);  // no lab, no prediction
    testing::check_refs_resolve(
        e.figures(), {"plasma_volume", "ffp_volume_per_session", "albumin_volume_per_session"});
  }

  TEST_CASE("FFP last: albumin step then FFP step (hand-derived)") {
    auto s = mix(ReplacementMix::fractions, 0.5);
    s.ffp_last_inr = units::fraction(1.5);
    s.ffp_composition.factor_activity = units::percent(100);
    s.albumin_composition.factor_activity = units::percent(0);
    const auto o = orders(s, 3000, 1, 2.0);
    REQUIRE_FALSE(o.ffp_last.empty());
    patient::Labs labs;
    labs.factor_v = units::percent(20);
    const auto e =
        session::replacement_effect(s, o, volume_figure("plasma_volume", 3000), labs, "");
    REQUIRE(e.factor_v);
    // 0.5 PV of albumin: 20·e^−0.5; then 0.5 PV of FFP: 100 + (mid − 100)·e^−0.5.
    const double expected = 100.0 - 100.0 * std::exp(-0.5) + 20.0 * std::exp(-1.0);
    LB_CHECK_NEAR(units::in_percent(e.factor_v->value), expected, 1e-9);
    LB_CHECK_NEAR(expected, 46.705, 0.001);
    // Mixed instead: C_r = 50 %, x = 1: 50 + (20 − 50)·e^−1 = 38.96 % — FFP last ends higher.
    const auto mixed_orders = orders(s, 3000, 1, 1.0);
    const auto mixed = session::replacement_effect(s, mixed_orders,
                                                   volume_figure("plasma_volume", 3000), labs, "");
    REQUIRE(mixed.factor_v);
    LB_CHECK_NEAR(units::in_percent(mixed.factor_v->value), 50.0 - 30.0 * std::exp(-1.0), 1e-9);
  }
}

}  // namespace lb
