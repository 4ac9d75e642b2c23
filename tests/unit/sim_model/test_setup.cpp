// The session setup is the planner's own figures for the session.
#include <doctest/doctest.h>

#include <cmath>

#include "near.hpp"
#include "sim_fixture.hpp"

using namespace lb;
using namespace lb::sim;

TEST_SUITE("sim_model") {
  TEST_CASE("a session setup carries the plan flows and fluids and anticoagulant") {
    const auto r = fixture::load_run("alf-paracetamol", "hvp-alf-larsen-2016");
    const SessionSetup& s = r.sessions.front();
    const auto& run = *r.plan.session->separation;
    LB_CHECK_NEAR(units::in_ml_per_min(s.flows.plasma_removal),
                  units::in_ml_per_min(run.plasma_removal_rate.value), 1e-9);
    LB_CHECK_NEAR(units::in_minutes(s.duration), units::in_minutes(run.duration.value), 1e-6);
    LB_CHECK_NEAR(units::in_fraction(s.flows.ac_returned),
                  units::in_fraction(run.ac_returned.value), 1e-12);
    // ACD-A: 21.67 g/L as citric acid = 112.8 mmol/L (clinical reference §5.1).
    LB_CHECK_NEAR(units::in_mmol_per_l(s.ac_citrate), 112.8, 0.05);
    REQUIRE(s.ffp_citrate.has_value());
    // The protocol's 4 g/L of FFP citrate (as citric acid) = 20.8 mmol/L.
    LB_CHECK_NEAR(units::in_mmol_per_l(*s.ffp_citrate), 4.0 / 192.12 * 1000.0, 1e-6);
    const auto& orders = *r.plan.session->replacement;
    LB_CHECK_NEAR(units::in_milliliters(s.ffp_volume),
                  units::in_milliliters(orders.ffp_volume.value), 1e-6);
    // The citrate load the engine's flows carry over the run equals the planner's figures.
    const auto& cit = *r.plan.session->anticoagulation->citrate;
    const double ac_ml = units::in_ml_per_min(s.flows.ac) * units::in_minutes(s.duration);
    LB_CHECK_NEAR(ac_ml, units::in_milliliters(cit.ac_volume.value), 1e-6);
    REQUIRE(s.calcium.has_value());
    CHECK(s.citrate_rate_limit.has_value());
  }

  TEST_CASE("session numbers outside the course are refused") {
    const auto r = fixture::load_run("alf-paracetamol", "hvp-alf-larsen-2016");
    CHECK_FALSE(session_setup(r.plan, r.protocol, 0).setup.has_value());
    CHECK_FALSE(session_setup(r.plan, r.protocol, 99).setup.has_value());
  }

  TEST_CASE("every parameter has a source and an id found by find") {
    const auto r = fixture::load_run("alf-paracetamol", "hvp-alf-larsen-2016");
    for (const Parameter* p : r.parameters.table()) {
      INFO(p->id);
      CHECK_FALSE(p->source.empty());
      CHECK(r.parameters.find(p->id) == p);
    }
    // Acute liver failure: the clearance of Thanapongsatorn 2022, not the healthy 0.71 L/min.
    LB_CHECK_NEAR(r.parameters.citrate_clearance.value, 0.15, 1e-12);
    Parameters p = r.parameters;
    CHECK(p.set("citrate_clearance", 0.3, "scenario"));
    LB_CHECK_NEAR(p.citrate_clearance.value, 0.3, 1e-12);
    CHECK_FALSE(p.set("no_such_parameter", 1.0, "scenario"));
    // An override is the scenario's number, not the publication's.
    CHECK(p.citrate_clearance.verification == Verification::scenario);
    CHECK(p.citrate_clearance.source == "scenario");
  }

  TEST_CASE("every default lies in its valid range and set refuses values outside it") {
    const auto r = fixture::load_run("alf-paracetamol", "hvp-alf-larsen-2016");
    const Parameters defaults = parameters_for(patient::Patient{});
    for (const Parameter* p : defaults.table()) {
      INFO(p->id);
      CHECK(p->range.min < p->range.max);
      CHECK(p->range.contains(p->value));
    }
    Parameters p = r.parameters;
    // Each of these divided by zero or gave NaN before the ranges (review H3).
    CHECK_FALSE(p.set("room_temperature", 37.0, "scenario"));
    CHECK_FALSE(p.set("haemodynamic_reserve", 0.0, "scenario"));
    CHECK_FALSE(p.set("ecf_volume", 0.0, "scenario"));
    CHECK_FALSE(p.set("potassium_buffering", 0.0, "scenario"));
    CHECK_FALSE(p.set("bicarbonate_space", 0.0, "scenario"));
    CHECK_FALSE(p.set("factor_recovery_half_time", 0.0, "scenario"));
    CHECK_FALSE(p.set("citrate_clearance", -0.1, "scenario"));
    CHECK_FALSE(p.set("citrate_clearance", std::nan(""), "scenario"));
    // A refused value changes nothing.
    LB_CHECK_NEAR(p.room_temperature.value, 22.0, 1e-12);
    CHECK(p.room_temperature.verification == Verification::unverified);
    // The ends: 36.9 °C is a room below body temperature, 1 is a healthy reserve.
    CHECK(p.set("room_temperature", 36.9, "scenario"));
    CHECK(p.set("haemodynamic_reserve", 1.0, "scenario"));
    const auto why = p.refusal("room_temperature", 37.0);
    REQUIRE(why.has_value());
    CHECK(*why ==
          "room_temperature 37 °C is outside the values the simulator accepts: it must "
          "be in [10, 37) °C (an open end '(' or ')' excludes that value)");
    CHECK_FALSE(p.refusal("room_temperature", 20.0).has_value());
    CHECK(p.refusal("no_such_parameter", 1.0).has_value());
  }
}
