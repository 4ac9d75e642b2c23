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
    CHECK(has(validate_action(SetInletFlow{units::ml_per_min(-5)}, s, p), codes::kImpossible.code,
              diag::Severity::error));
    CHECK(has(validate_action(SetReplacementMix{units::percent(120)}, s, p),
              codes::kImpossible.code, diag::Severity::error));
    CHECK(has(validate_action(SetAcRatio{units::volume_ratio(20)}, s, p),
              codes::kAcRatioOutsideRange.code, diag::Severity::warning));
    CHECK(has(validate_action(SetFluidBalance{units::percent(80)}, s, p),
              codes::kFluidBalanceChanged.code, diag::Severity::warning));
    // Within the protocol: nothing to say.
    CHECK(validate_action(SetInletFlow{s.flows.inlet}, s, p).empty());
    CHECK(validate_action(SetAcRatio{*s.ac_ratio}, s, p).empty());
    CHECK(validate_action(SetFluidBalance{s.fluid_balance}, s, p).empty());
    CHECK(validate_action(OrderLab{LabKind::ionised_calcium}, s, p).empty());
  }

  TEST_CASE("all FFP in liver failure takes the citrate above the protocol limit") {
    const auto r = fixture::load_run("aclf-alcohol", "pe-aclf-apache-pe-a5");
    const SessionSetup& s = r.sessions.front();
    REQUIRE(s.citrate_rate_limit.has_value());
    CHECK(has(validate_action(SetReplacementMix{units::fraction(1)}, s, r.parameters),
              codes::kCitrateRateAboveLimit.code, diag::Severity::warning));
    CHECK_FALSE(has(validate_action(SetReplacementMix{units::fraction(0)}, s, r.parameters),
                    codes::kCitrateRateAboveLimit.code, diag::Severity::warning));
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
