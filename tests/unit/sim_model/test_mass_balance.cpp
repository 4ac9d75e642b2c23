// Every step of a whole session and the hours after it, on real plans: the ledgers of citrate,
// calcium, volume and solutes balance (relative error < 1e-9), and the state stays physical.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "sim_fixture.hpp"

using namespace lb;
using namespace lb::sim;

namespace {

/// |amount − expected| over the larger of the amount and the throughput (a deficit near zero
/// has no relative error of its own).
double relative_error(double amount, const kernel::Ledger& l) {
  const double scale = std::max({std::fabs(amount), std::fabs(l.expected()), l.in, l.out, 1e-12});
  return std::fabs(amount - l.expected()) / scale;
}

void check_every_step(Engine& e, double seconds) {
  const double until = e.kernel().elapsed_s + seconds;
  double worst = 0.0;
  int bad_invariants = 0;
  bool saw_session = false;
  while (e.kernel().elapsed_s < until) {
    e.step();
    const kernel::Kernel& k = e.kernel();
    saw_session = saw_session || k.mode != kernel::Mode::idle;
    worst = std::max({worst, relative_error(k.citrate, k.citrate_ledger),
                      relative_error(k.calcium, k.calcium_ledger),
                      relative_error(k.deficit, k.volume_ledger)});
    if (k.has_bilirubin) {
      worst = std::max(
          worst, relative_error(e.solute_amount(protocol::Solute::bilirubin), k.bilirubin_ledger));
    }
    if (k.has_ammonia) {
      worst = std::max(
          worst, relative_error(e.solute_amount(protocol::Solute::ammonia), k.ammonia_ledger));
    }
    const bool ok = k.citrate >= 0.0 && k.calcium >= 0.0 && k.ica > 0.0 && k.ica < 3.0 &&
                    k.total_ca >= k.ica && k.ph >= 6.8 && k.ph <= 7.8 && k.bilirubin_p >= 0.0 &&
                    k.ammonia_p >= 0.0 && k.pta >= 0.0 && k.platelets >= 0.0 &&
                    k.in_circuit >= 0.0 && k.processed >= 0.0;
    if (!ok) ++bad_invariants;
  }
  CHECK(saw_session);
  INFO("worst relative ledger error " << worst);
  CHECK(worst < 1e-9);
  CHECK(bad_invariants == 0);
}

}  // namespace

TEST_SUITE("sim_model") {
  TEST_CASE("mass balance and invariants every step of an FFP high-volume exchange in ALF") {
    const auto r = fixture::load_run("alf-paracetamol", "hvp-alf-larsen-2016");
    Engine e = fixture::engine_of(r);
    REQUIRE(e.kernel().has_ammonia);
    check_every_step(e, units::in_seconds(r.sessions.front().duration) + 4 * 3600.0);
    CHECK(e.kernel().mode == kernel::Mode::ended);
  }

  TEST_CASE("mass balance and invariants every step of an albumin exchange in ACLF with actions") {
    const auto r = fixture::load_run("aclf-alcohol", "pe-aclf-apache-pe-a5");
    Engine e = fixture::engine_of(r);
    check_every_step(e, 1200.0);
    e.apply(CalciumBolus{CalciumProduct::gluconate_10, units::milliliters(10), units::minutes(5)});
    e.apply(GiveFluid{Fluid::ffp, units::milliliters(250), units::minutes(15)});
    e.apply(SetFluidBalance{units::percent(90)});
    e.apply(StartBleeding{units::ml_per_min(5)});
    check_every_step(e, 1200.0);
    e.apply(FixLine{LineFix::change_set});
    e.apply(Resume{});
    check_every_step(e, 600.0);
    e.apply(RinseBack{});
    check_every_step(e, 2 * 3600.0);
  }
}
