// Actions: validated against the protocol's limits, and what they do to the engine.
#include <doctest/doctest.h>

#include <algorithm>

#include "sim/model/validate_action.hpp"
#include "sim_fixture.hpp"

using namespace lb;
using namespace lb::sim;

namespace {

bool has(const std::vector<diag::Finding>& f, const char* code, diag::Severity s) {
  return std::any_of(f.begin(), f.end(),
                     [&](const diag::Finding& x) { return x.code == code && x.severity == s; });
}

}  // namespace

TEST_SUITE("sim_model") {
  TEST_CASE("impossible actions are refused and off-protocol ones are deviations") {
    const auto r = fixture::load_run("aclf-alcohol", "pe-aclf-apache-pe-a5");
    const SessionSetup& s = r.sessions.front();
    const Parameters& p = r.parameters;
    const DeviceSetting plan = planned_setting(s);
    CHECK(has(validate_action(SetInletFlow{units::ml_per_min(-5)}, s, plan, p),
              codes::kImpossible.code, diag::Severity::error));
    CHECK(has(validate_action(SetReplacementMix{units::percent(120)}, s, plan, p),
              codes::kImpossible.code, diag::Severity::error));
    CHECK(has(validate_action(SetAcRatio{units::volume_ratio(20)}, s, plan, p),
              codes::kAcRatioOutsideRange.code, diag::Severity::warning));
    CHECK(has(validate_action(SetAcRatio{units::volume_ratio(kAcRatioMin - 0.5)}, s, plan, p),
              codes::kAcRatioOutsideRange.code, diag::Severity::warning));
    CHECK(has(validate_action(SetFluidBalance{units::percent(80)}, s, plan, p),
              codes::kFluidBalanceChanged.code, diag::Severity::warning));
    // Within the protocol: nothing to say.
    CHECK(validate_action(SetInletFlow{s.flows.inlet}, s, plan, p).empty());
    CHECK(validate_action(SetAcRatio{*s.ac_ratio}, s, plan, p).empty());
    CHECK(validate_action(SetAcRatio{units::volume_ratio(kAcRatioMax)}, s, plan, p).empty());
    CHECK(validate_action(SetFluidBalance{s.fluid_balance}, s, plan, p).empty());
    CHECK(validate_action(OrderLab{LabKind::ionised_calcium}, s, plan, p).empty());
  }

  TEST_CASE("more FFP in liver failure takes the citrate above the limit but less FFP never does") {
    const auto r = fixture::load_run("aclf-alcohol", "pe-aclf-plexar");
    const SessionSetup& s = r.sessions.front();
    REQUIRE(s.citrate_rate_limit.has_value());
    REQUIRE(s.ffp_citrate_from_protocol);
    DeviceSetting albumin = planned_setting(s);
    albumin.ffp_share = units::fraction(0);
    DeviceSetting all_ffp = albumin;
    all_ffp.ffp_share = units::fraction(1);
    REQUIRE(units::above(citrate_rate_at(s, all_ffp, r.parameters), *s.citrate_rate_limit));
    CHECK(has(validate_action(SetReplacementMix{units::fraction(1)}, s, albumin, r.parameters),
              codes::kCitrateRateAboveLimit.code, diag::Severity::warning));
    // Lowering the FFP share lowers the citrate: not a deviation, though it may stay above.
    CHECK_FALSE(
        has(validate_action(SetReplacementMix{units::percent(90)}, s, all_ffp, r.parameters),
            codes::kCitrateRateAboveLimit.code, diag::Severity::warning));
    CHECK_FALSE(
        has(validate_action(SetReplacementMix{units::fraction(0)}, s, all_ffp, r.parameters),
            codes::kCitrateRateAboveLimit.code, diag::Severity::warning));
  }

  TEST_CASE("slowing the inlet above the citrate limit is not a deviation but speeding it is") {
    // High-volume FFP exchange in ALF: the FFP citrate alone is above the 0.5 mg/kg/min
    // liver-failure limit (the planner warns about the plan).
    const auto r = fixture::load_run("alf-paracetamol", "hvp-alf-larsen-2016");
    const SessionSetup& s = r.sessions.front();
    const DeviceSetting plan = planned_setting(s);
    REQUIRE(units::above(citrate_rate_at(s, plan, r.parameters), *s.citrate_rate_limit));
    const units::Flow slower = s.flows.inlet * units::fraction(0.8);
    const units::Flow faster = s.flows.inlet * units::fraction(1.1);
    CHECK_FALSE(has(validate_action(SetInletFlow{slower}, s, plan, r.parameters),
                    codes::kCitrateRateAboveLimit.code, diag::Severity::warning));
    CHECK(has(validate_action(SetInletFlow{faster}, s, plan, r.parameters),
              codes::kCitrateRateAboveLimit.code, diag::Severity::warning));
  }

  TEST_CASE("an action is judged at the current setting and not the plan one") {
    // The AC infusion-rate limit caps the inlet at ACIR × TBV × ratio: the plan's inlet is just
    // below the cap at ratio 10. After the trainee raised the ratio to 15 the cap is half as
    // high again, so a faster inlet that the plan's ratio would cap runs uncapped.
    const auto r = fixture::load_run("aclf-alcohol", "pe-aclf-apache-pe-a5");
    const SessionSetup& s = r.sessions.front();
    Engine e = fixture::engine_of(r);
    e.step();  // connects the session
    REQUIRE(e.kernel().mode == kernel::Mode::running);
    const DeviceSetting before = current_setting(e.kernel(), s);
    REQUIRE(before.ac_ratio.has_value());
    CHECK(units::in_parts(*before.ac_ratio) == doctest::Approx(units::in_parts(*s.ac_ratio)));
    e.apply(SetAcRatio{units::volume_ratio(15)});
    const DeviceSetting now = current_setting(e.kernel(), s);
    REQUIRE(now.ac_ratio.has_value());
    CHECK(units::in_parts(*now.ac_ratio) == doctest::Approx(15.0));
    const units::Flow inlet = s.flows.inlet * units::fraction(1.3);
    CHECK(has(validate_action(SetInletFlow{inlet}, s, before, r.parameters),
              codes::kInletCapped.code, diag::Severity::warning));
    CHECK_FALSE(has(validate_action(SetInletFlow{inlet}, s, now, r.parameters),
                    codes::kInletCapped.code, diag::Severity::warning));
    // Less AC per litre: less citrate reaching the patient at the same inlet.
    CHECK(units::below(citrate_rate_at(s, now, r.parameters),
                       citrate_rate_at(s, before, r.parameters)));
    // Following a script without the engine reaches the same setting (the debrief's way).
    const DeviceSetting followed = setting_after(before, SetAcRatio{units::volume_ratio(15)});
    CHECK(units::in_parts(*followed.ac_ratio) == doctest::Approx(15.0));
    CHECK(units::in_ml_per_min(followed.inlet) == doctest::Approx(units::in_ml_per_min(now.inlet)));
  }

  TEST_CASE("action names and event effects") {
    CHECK(action_name(Action{CalciumBolus{}}) == "ca_bolus");
    CHECK(action_name(Action{DeclareProblem{Problem::citrate_toxicity}}) == "declare");
    CHECK(is_event_effect(Action{StartVasovagal{units::minutes(3)}}));
    CHECK_FALSE(is_event_effect(Action{Pause{}}));
    CHECK(names::kLabKind.parse("ica") == LabKind::ionised_calcium);
  }

  TEST_CASE("a vasovagal episode lowers pressure and heart rate and a fluid bolus reverses it") {
    const auto r = fixture::load_run("aclf-alcohol", "pe-aclf-apache-pe-a5");
    Engine e = fixture::engine_of(r);
    e.run_until(units::minutes(10));
    const double map0 = e.kernel().map;
    const double hr0 = e.kernel().heart_rate;
    e.apply(StartVasovagal{units::minutes(5)});
    e.run_until(units::minutes(12));
    CHECK(e.kernel().map < 0.75 * map0);
    CHECK(e.kernel().heart_rate < 0.7 * hr0);
    e.apply(GiveFluid{Fluid::saline_09, units::milliliters(250), units::minutes(10)});
    e.run_until(units::minutes(15));
    CHECK(e.kernel().map > 0.9 * map0);
  }

  TEST_CASE("a second fluid bolus never drops what is left of the first") {
    const auto r = fixture::load_run("aclf-alcohol", "pe-aclf-apache-pe-a5");
    // No session: the deficit moves only with the boluses (−0.75 L when all has run in).
    Engine other = fixture::engine_of(r, 0);
    other.apply(GiveFluid{Fluid::saline_09, units::milliliters(500), units::minutes(20)});
    other.run_until(units::minutes(5));
    other.apply(GiveFluid{Fluid::albumin_5, units::milliliters(250), units::minutes(10)});
    other.run_until(units::minutes(60));
    CHECK(other.kernel().deficit == doctest::Approx(-0.75).epsilon(1e-12));

    Engine same = fixture::engine_of(r, 0);
    same.apply(GiveFluid{Fluid::saline_09, units::milliliters(500), units::minutes(20)});
    same.run_until(units::minutes(10));
    same.apply(GiveFluid{Fluid::saline_09, units::milliliters(250), units::minutes(10)});
    same.run_until(units::minutes(15));
    // Half the first bolus (250 mL) was left: it runs with the second over its 10 min.
    CHECK(same.kernel().deficit == doctest::Approx(-0.25 - 0.5 * 0.5).epsilon(1e-12));
    same.run_until(units::minutes(60));
    CHECK(same.kernel().deficit == doctest::Approx(-0.75).epsilon(1e-12));
  }

  TEST_CASE("every calcium infusion stops with the session and a new order after it runs") {
    const auto r = fixture::load_run("aclf-alcohol", "pe-aclf-apache-pe-a5");
    const auto forty_ml_h = units::liters_per_hour(0.040);
    for (const bool rinse : {true, false}) {
      CAPTURE(rinse);
      Engine e = fixture::engine_of(r);
      e.run_until(units::minutes(5));
      e.apply(SetCalciumInfusion{CalciumProduct::gluconate_10, forty_ml_h});  // the trainee's
      CHECK(e.kernel().ca_infusion > 0.0);
      if (rinse) {
        fixture::run_to_rinse_back(e);
        while (e.kernel().mode != kernel::Mode::ended) e.step();
      } else {
        e.apply(EndWithoutRinseBack{});
      }
      CHECK(e.kernel().ca_infusion == 0.0);
      // Calcium after the session is an explicit new order, and it keeps running.
      e.apply(SetCalciumInfusion{CalciumProduct::gluconate_10, forty_ml_h});
      e.run_until(e.elapsed() + units::minutes(30));
      CHECK(e.kernel().ca_infusion > 0.0);
    }
  }

  TEST_CASE("an access obstruction slows the run until the line is fixed") {
    const auto r = fixture::load_run("aclf-alcohol", "pe-aclf-apache-pe-a5");
    Engine e = fixture::engine_of(r);
    e.run_until(units::minutes(5));
    const double pressure = e.kernel().access_pressure;
    e.apply(AccessObstruction{units::percent(50)});
    const double before = e.kernel().removed;
    e.run_until(units::minutes(15));
    const double slowed = e.kernel().removed - before;
    CHECK(e.kernel().access_pressure < pressure);  // more negative
    e.apply(FixLine{LineFix::flush_line});
    const double fixed_from = e.kernel().removed;
    e.run_until(units::minutes(25));
    CHECK(e.kernel().removed - fixed_from == doctest::Approx(2.0 * slowed).epsilon(1e-6));
  }

  TEST_CASE("a clotting circuit stops the pumps and a new set lets the run resume") {
    const auto r = fixture::load_run("aclf-alcohol", "pe-aclf-apache-pe-a5");
    Engine e = fixture::engine_of(r);
    e.run_until(units::minutes(5));
    e.apply(StartCircuitClotting{units::fraction(6)});  // clotted in 10 min
    e.run_until(units::minutes(20));
    CHECK(e.kernel().mode == kernel::Mode::paused);
    e.apply(Resume{});
    CHECK(e.kernel().mode == kernel::Mode::paused);  // a clotted set does not restart
    e.apply(FixLine{LineFix::change_set});
    e.apply(Resume{});
    CHECK(e.kernel().mode == kernel::Mode::running);
  }

  TEST_CASE("the blood warmer keeps the patient warmer") {
    const auto r = fixture::load_run("alf-paracetamol", "hvp-alf-larsen-2016");
    Engine cold = fixture::engine_of(r);
    Engine warm = fixture::engine_of(r);
    cold.step();
    warm.step();
    warm.apply(SetBloodWarmer{true});
    cold.run_until(units::hours(2));
    warm.run_until(units::hours(2));
    CHECK(cold.kernel().temperature < 36.5);
    CHECK(warm.kernel().temperature > cold.kernel().temperature + 0.5);
  }
}
