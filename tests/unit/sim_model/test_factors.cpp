// Prothrombin activity and fibrinogen: the simulator steps the planner's kinetics model (one
// model per quantity), so for the same patient, protocol and session the simulated value at
// the end of the exchange is the planner's predicted post-session value.
#include <doctest/doctest.h>

#include "near.hpp"
#include "sim_fixture.hpp"

using namespace lb;
using namespace lb::sim;

namespace {

/// The planner's nominal post-session value of session 1 in the kernel's unit (%, g/L).
std::optional<double> planned_post(const fixture::Run& r, protocol::Solute s) {
  REQUIRE(r.plan.course.has_value());
  for (const auto& p : r.plan.course->kinetics) {
    if (p.solute != s) continue;
    const protocol::LabValue& v = p.sessions.front().post.value;
    if (const auto* f = std::get_if<units::Fraction>(&v)) return units::in_percent(*f);
    if (const auto* m = std::get_if<units::MassConcentration>(&v)) return units::in_g_per_l(*m);
  }
  return std::nullopt;
}

struct Case {
  const char* patient;
  const char* protocol;
  bool fibrinogen_predicted;  ///< the protocol gives every fluid's fibrinogen
};

}  // namespace

TEST_SUITE("sim_model") {
  TEST_CASE("planner and simulator agree on prothrombin activity and fibrinogen") {
    // FFP only (the high-volume protocol gives FFP's factor activity, not its fibrinogen) and
    // an albumin exchange (albumin solution: no factors, no fibrinogen: both fall).
    for (const Case c : {Case{"alf-paracetamol", "hvp-alf-larsen-2016", false},
                         Case{"aclf-alcohol", "pe-aclf-apache-pe-a5", true}}) {
      CAPTURE(c.patient);
      CAPTURE(c.protocol);
      const auto r = fixture::load_run(c.patient, c.protocol);
      Engine e = fixture::engine_of(r);
      const double pta0 = e.kernel().pta, fib0 = e.kernel().fibrinogen;
      fixture::run_to_rinse_back(e);
      REQUIRE(e.kernel().mode == kernel::Mode::rinse_back);

      const auto pta = planned_post(r, protocol::Solute::pta);
      REQUIRE(pta.has_value());
      INFO("PTA " << pta0 << " -> planned " << *pta << ", simulated " << e.kernel().pta);
      CHECK(std::fabs(*pta - pta0) > 5.0);  // the exchange moves it: the check can fail
      // One model: the last 1 s step exchanges up to a second's plasma more than the plan.
      LB_CHECK_NEAR(e.kernel().pta / *pta, 1.0, 1e-3);

      const auto fib = planned_post(r, protocol::Solute::fibrinogen);
      CHECK(fib.has_value() == c.fibrinogen_predicted);
      if (fib) {
        INFO("fibrinogen " << fib0 << " -> planned " << *fib << ", simulated "
                           << e.kernel().fibrinogen);
        CHECK(std::fabs(*fib - fib0) > 0.2);
        LB_CHECK_NEAR(e.kernel().fibrinogen / *fib, 1.0, 1e-3);
      } else {
        // No planner figure: FFP's fibrinogen is the simulator's parameter, listed as such.
        CHECK(r.solutes.factors->fibrinogen.basis.find("ffp_fibrinogen") != std::string::npos);
        CHECK(e.kernel().fibrinogen > fib0);
      }
    }
  }

  TEST_CASE("without protocol kinetics the factors follow the simulator parameters") {
    const auto r = fixture::load_run("alf-paracetamol", "hvp-alf-larsen-2016");
    const FactorModels m = factor_models(r.plan.patient, r.parameters);
    REQUIRE(m.pta.params.return_half_time.has_value());
    LB_CHECK_NEAR(units::in_hours(*m.pta.params.return_half_time),
                  r.parameters.factor_recovery_half_time.value, 1e-12);
    CHECK(m.pta.basis.find("factor_recovery_half_time") != std::string::npos);
    // The protocol's own kinetics replace them when it has some (12 h for the PT factors).
    LB_CHECK_NEAR(units::in_hours(*r.solutes.factors->pta.params.return_half_time), 12.0, 1e-12);
  }
}
