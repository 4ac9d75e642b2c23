// What the replacement supplies of each solute (kinetics/replacement_supply.hpp):
// INR only from an all-FFP replacement; a fluid without a composition is never
// taken as normal or as zero; a declared zero (albumin solution: no clotting
// factors) is dilution; fluids given in sequence when the plan says FFP last.
#include <doctest/doctest.h>

#include <cmath>

#include "kinetics/predict.hpp"
#include "kinetics/replacement_supply.hpp"

using namespace lb;
using protocol::KineticModel;
using protocol::Solute;

namespace {

protocol::SoluteKinetics entry(Solute s, KineticModel m = KineticModel::replacement_aware) {
  protocol::SoluteKinetics k;
  k.solute = s;
  k.model = m;
  return k;
}

/// PLEXAR-like: 1/3 FFP (albumin 40 g/L, factors 100 %, no fibrinogen given) + 2/3 5 %
/// albumin (fibrinogen 0, factors 0).
protocol::ReplacementSettings plexar_like() {
  protocol::ReplacementSettings r;
  r.mix = protocol::ReplacementMix::fractions;
  r.ffp_fraction = units::fraction(1.0 / 3.0);
  r.ffp_composition.albumin = units::g_per_l(40);
  r.ffp_composition.factor_activity = units::percent(100);
  r.albumin_composition.fibrinogen = units::g_per_l(0);
  r.albumin_composition.factor_activity = units::percent(0);
  return r;
}

protocol::ReplacementSettings albumin_only() {
  protocol::ReplacementSettings r;
  r.mix = protocol::ReplacementMix::albumin;
  r.albumin_composition.fibrinogen = units::g_per_l(0);
  r.albumin_composition.factor_activity = units::percent(0);
  return r;
}

protocol::ReplacementSettings ffp_only() {
  protocol::ReplacementSettings r;
  r.mix = protocol::ReplacementMix::ffp;
  r.ffp_composition.albumin = units::g_per_l(40);
  r.ffp_composition.factor_activity = units::percent(100);
  return r;
}

const units::Volume kExchange = units::milliliters(3000);

kinetics::PredictionInputs one_session(const protocol::ReplacementSettings& r, bool ffp_last) {
  kinetics::PredictionInputs in;
  in.sessions = {{units::hours(0), units::hours(3), units::fraction(1.0)}};
  in.replacement = r;
  in.exchange = kExchange;
  in.ffp_last = ffp_last;
  return in;
}

double percent_of(const protocol::LabValue& v) {
  return units::in_percent(std::get<units::Fraction>(v));
}

}  // namespace

TEST_SUITE("kinetics") {
  TEST_CASE("INR is not predicted when any of the replacement is albumin solution") {
    auto inr = entry(Solute::inr);
    inr.replacement_concentration = units::fraction(1.0);  // the INR of FFP
    const auto mix = kinetics::replacement_supply(inr, plexar_like(), kExchange, false);
    CHECK_FALSE(mix.supply.has_value());
    CHECK(mix.problem.find("67 % of the replacement is albumin solution, which carries no "
                           "clotting factors") == 0);
    CHECK(mix.problem.find("see factor V / prothrombin activity") != std::string::npos);
    const auto alb = kinetics::replacement_supply(inr, albumin_only(), kExchange, false);
    CHECK_FALSE(alb.supply.has_value());
    CHECK(alb.problem.find("the replacement is albumin solution only") == 0);
    CHECK(alb.problem.find("albumin-only exchange dilutes the clotting factors and raises INR") !=
          std::string::npos);
    // Through the engine: no prediction, the same reason; never an INR falling towards 1.0.
    const auto r = kinetics::predict_solute(inr, protocol::LabValue{units::fraction(2.6)},
                                            one_session(plexar_like(), false));
    CHECK_FALSE(r.prediction.has_value());
    CHECK(r.problem == mix.problem);
  }

  TEST_CASE("INR with FFP as the whole replacement moves towards the INR of FFP") {
    auto inr = entry(Solute::inr);
    inr.replacement_concentration = units::fraction(1.0);
    // 2.6 with INR-of-FFP 1.0 at x = 1: 1.0 + 1.6·e^-1 = 1.5886.
    const auto r = kinetics::predict_solute(inr, protocol::LabValue{units::fraction(2.6)},
                                            one_session(ffp_only(), false));
    REQUIRE(r.prediction.has_value());
    const auto& post = r.prediction->sessions[0].post;
    CHECK(std::get<units::Fraction>(post.value).value() ==
          doctest::Approx(1.0 + 1.6 * std::exp(-1.0)).epsilon(1e-12));
    CHECK(post.how.warnings.size() == 2);  // not comparable; INR mixing is an approximation
    // FFP units covering the whole exchange count as all FFP: 12 × 250 mL ≥ 3000 mL.
    auto units_mix = ffp_only();
    units_mix.mix = protocol::ReplacementMix::ffp_units;
    units_mix.ffp_units = 12;
    CHECK(kinetics::replacement_supply(inr, units_mix, kExchange, false).supply.has_value());
    units_mix.ffp_units = 11;  // 2750 mL: 250 mL of albumin solution
    CHECK_FALSE(kinetics::replacement_supply(inr, units_mix, kExchange, false).supply.has_value());
    // All FFP but no INR of FFP in the protocol: not predicted, with the key to set.
    const auto none =
        kinetics::replacement_supply(entry(Solute::inr), ffp_only(), kExchange, false);
    CHECK_FALSE(none.supply.has_value());
    CHECK(none.problem ==
          "FFP is the whole replacement, but the protocol gives no INR of FFP "
          "(kinetics.inr.replacement_concentration)");
  }

  TEST_CASE("a fluid without a composition is neither normal nor zero: not predicted") {
    // Fibrinogen: FFP gives none (the reference has no FFP fibrinogen content).
    const auto fib =
        kinetics::replacement_supply(entry(Solute::fibrinogen), plexar_like(), kExchange, false);
    CHECK_FALSE(fib.supply.has_value());
    CHECK(fib.problem ==
          "replacement.composition.ffp.fibrinogen is not given and FFP is 33 % of the "
          "replacement: what it supplies is unknown, and is taken neither as normal nor as zero");
    // Factor activity: the albumin solution's not declared.
    auto r = plexar_like();
    r.albumin_composition.factor_activity.reset();
    const auto fv = kinetics::replacement_supply(entry(Solute::factor_v), r, kExchange, false);
    CHECK_FALSE(fv.supply.has_value());
    CHECK(fv.problem.find("replacement.composition.albumin.factor_activity is not given and "
                          "albumin solution is 67 % of") == 0);
    // The same composition for the other fluid only: FFP only does not need the albumin's.
    CHECK(kinetics::replacement_supply(entry(Solute::factor_v), ffp_only(), kExchange, false)
              .supply.has_value());
  }

  TEST_CASE("albumin-only exchange dilutes factor V and fibrinogen declared zero") {
    // C_r = 0 declared by the protocol: 38 %·e^-1 = 13.98 %; 1.4 g/L·e^-1 = 0.515 g/L.
    const auto in = one_session(albumin_only(), false);
    const auto fv = kinetics::predict_solute(entry(Solute::factor_v),
                                             protocol::LabValue{units::percent(38)}, in);
    REQUIRE(fv.prediction.has_value());
    CHECK(percent_of(fv.prediction->sessions[0].post.value) ==
          doctest::Approx(38.0 * std::exp(-1.0)).epsilon(1e-12));
    const auto fib = kinetics::predict_solute(entry(Solute::fibrinogen),
                                              protocol::LabValue{units::g_per_l(1.4)}, in);
    REQUIRE(fib.prediction.has_value());
    CHECK(units::in_g_per_l(
              std::get<units::MassConcentration>(fib.prediction->sessions[0].post.value)) ==
          doctest::Approx(1.4 * std::exp(-1.0)).epsilon(1e-12));
    // Albumin rises towards the 5 % solution: 24 g/L → 50 − 26·e^-1 = 40.435 g/L.
    const auto alb = kinetics::predict_solute(entry(Solute::albumin),
                                              protocol::LabValue{units::g_per_l(24)}, in);
    REQUIRE(alb.prediction.has_value());
    CHECK(units::in_g_per_l(
              std::get<units::MassConcentration>(alb.prediction->sessions[0].post.value)) ==
          doctest::Approx(50.0 - 26.0 * std::exp(-1.0)).epsilon(1e-12));
  }

  TEST_CASE("FFP last: the two fluids in sequence and shown fluid by fluid") {
    // 38 %: albumin solution (2/3, 0 %) then FFP (1/3, 100 %): 42.326 %; mixed: 35.050 %.
    const auto fv = entry(Solute::factor_v);
    const protocol::LabValue c0{units::percent(38)};
    const auto last = kinetics::predict_solute(fv, c0, one_session(plexar_like(), true));
    REQUIRE(last.prediction.has_value());
    const auto& post = last.prediction->sessions[0].post;
    CHECK(percent_of(post.value) == doctest::Approx(42.326).epsilon(1e-4));
    CHECK(post.how.formula.find("(albumin solution first)") != std::string::npos);
    bool first = false, second = false;
    for (const auto& i : post.how.inputs) {
      if (i.name == "Cr (albumin solution, 67 % of the exchange, first)") first = true;
      if (i.name == "Cr (FFP, 33 % of the exchange, last)") second = true;
    }
    CHECK(first);
    CHECK(second);
    const auto mixed = kinetics::predict_solute(fv, c0, one_session(plexar_like(), false));
    REQUIRE(mixed.prediction.has_value());
    CHECK(percent_of(mixed.prediction->sessions[0].post.value) ==
          doctest::Approx(35.050).epsilon(1e-4));
  }

  TEST_CASE("a kinetics C_r beside a replacement section or one_compartment for a supplied lab") {
    auto fv = entry(Solute::factor_v);
    fv.replacement_concentration = units::percent(100);
    const auto both = kinetics::replacement_supply(fv, albumin_only(), kExchange, false);
    CHECK_FALSE(both.supply.has_value());
    CHECK(both.problem ==
          "kinetics.factor_v.replacement_concentration conflicts with the replacement: section; "
          "C_r comes from replacement.composition");
    const auto one = kinetics::replacement_supply(
        entry(Solute::factor_v, KineticModel::one_compartment), plexar_like(), kExchange, false);
    CHECK_FALSE(one.supply.has_value());
    CHECK(one.problem ==
          "model 'one_compartment' takes the replacement to carry no factor V, but FFP supplies "
          "it (replacement.composition.ffp.factor_activity); use 'replacement_aware'");
    // Albumin-only: factor V one_compartment is what the declared zero gives.
    CHECK(kinetics::replacement_supply(entry(Solute::factor_v, KineticModel::one_compartment),
                                       albumin_only(), kExchange, false)
              .supply.has_value());
  }

  TEST_CASE("bilirubin and ammonia: the replacement carries none unless the protocol says") {
    const auto bili = kinetics::replacement_supply(
        entry(Solute::bilirubin, KineticModel::two_compartment), ffp_only(), kExchange, false);
    REQUIRE(bili.supply.has_value());
    CHECK(bili.supply->fluids.empty());
    CHECK(bili.supply->basis.find("none given: the replacement is taken to carry no") == 0);
    auto nh3 = entry(Solute::ammonia, KineticModel::two_compartment);
    nh3.replacement_concentration = units::umol_per_l(30);
    const auto given = kinetics::replacement_supply(nh3, ffp_only(), kExchange, false);
    REQUIRE(given.supply.has_value());
    REQUIRE(given.supply->fluids.size() == 1);
    CHECK(given.supply->basis == "kinetics.ammonia.replacement_concentration");
  }
}
