// Directions the model must get right whatever its parameters: more citrate lowers iCa, more
// calcium raises it, FFP raises the total/ionised ratio more than albumin at equal flows;
// citrate keeps turning into bicarbonate after the session.
#include <doctest/doctest.h>

#include "sim_fixture.hpp"

using namespace lb;
using namespace lb::sim;

namespace {

Engine after(const fixture::Run& r, const Action& a, double minutes) {
  Engine e = fixture::engine_of(r);
  e.step();  // connects the session
  e.apply(a);
  e.run_until(units::minutes(minutes));
  return e;
}

}  // namespace

TEST_SUITE("sim_model") {
  TEST_CASE("more citrate lowers ionised calcium") {
    const auto r = fixture::load_run("aclf-alcohol", "pe-aclf-apache-pe-a5");
    REQUIRE(r.sessions.front().ac_ratio.has_value());
    const Engine more = after(r, SetAcRatio{units::volume_ratio(7)}, 60);
    const Engine less = after(r, SetAcRatio{units::volume_ratio(14)}, 60);
    CHECK(more.kernel().citrate_conc > less.kernel().citrate_conc);
    CHECK(more.kernel().ica < less.kernel().ica);
  }

  TEST_CASE("more calcium raises ionised calcium") {
    const auto r = fixture::load_run("alf-paracetamol", "hvp-alf-larsen-2016");
    const Engine none =
        after(r, SetCalciumInfusion{CalciumProduct::gluconate_10, units::ml_per_min(0)}, 60);
    const Engine some = after(
        r,
        SetCalciumInfusion{CalciumProduct::gluconate_10, units::milliliters(20) / units::hours(1)},
        60);
    const Engine more = after(
        r,
        SetCalciumInfusion{CalciumProduct::chloride_10, units::milliliters(20) / units::hours(1)},
        60);
    CHECK(some.kernel().ica > none.kernel().ica);
    CHECK(more.kernel().ica > some.kernel().ica);
  }

  TEST_CASE("FFP raises the total to ionised calcium ratio more than albumin at equal flows") {
    // A protocol that gives FFP's citrate (anticoagulation.citrate.ffp_citrate): without it
    // FFP citrate is not counted, as in the planner.
    const auto r = fixture::load_run("aclf-alcohol", "pe-aclf-plexar");
    const Engine ffp = after(r, SetReplacementMix{units::fraction(1)}, 60);
    const Engine albumin = after(r, SetReplacementMix{units::fraction(0)}, 60);
    const double ratio0 =
        fixture::engine_of(r).kernel().total_ca / fixture::engine_of(r).kernel().ica;
    const double ffp_ratio = ffp.kernel().total_ca / ffp.kernel().ica;
    const double albumin_ratio = albumin.kernel().total_ca / albumin.kernel().ica;
    CHECK(ffp_ratio - ratio0 > albumin_ratio - ratio0);
    CHECK(ffp.kernel().removed == albumin.kernel().removed);  // equal flows
  }

  TEST_CASE("bicarbonate keeps rising after an FFP exchange ends") {
    const auto r = fixture::load_run("alf-paracetamol", "hvp-alf-larsen-2016");
    Engine e = fixture::engine_of(r);
    const double start = e.kernel().bicarbonate;
    while (e.kernel().mode != kernel::Mode::ended) e.step();
    const double at_end = e.kernel().bicarbonate;
    CHECK(at_end > start);
    e.run_until(e.elapsed() + units::minutes(30));
    CHECK(e.kernel().bicarbonate > at_end);
    CHECK(e.kernel().citrate_conc > r.parameters.baseline_citrate.value);
  }

  TEST_CASE("between sessions the engine steps 60 s and connects the next session on time") {
    const auto r = fixture::load_run("alf-paracetamol", "hvp-alf-larsen-2016");
    REQUIRE(r.sessions.size() >= 2);
    Engine e = fixture::engine_of(r, 2);
    while (e.kernel().mode != kernel::Mode::ended) e.step();
    const double t = e.kernel().elapsed_s;
    e.step();
    CHECK(e.kernel().elapsed_s - t == doctest::Approx(60.0).epsilon(1e-12));
    const double start2 = units::in_seconds(r.sessions[1].start);
    while (e.kernel().session < 1) e.step();
    CHECK(e.kernel().elapsed_s == doctest::Approx(start2 + 1.0).epsilon(1e-12));
    CHECK(e.kernel().mode == kernel::Mode::running);
  }
}
