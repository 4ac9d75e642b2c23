// A snapshot restored and continued is the uninterrupted run, bit for bit (the trace printed
// with every digit is byte-identical).
#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "sim/model/observables.hpp"
#include "sim_fixture.hpp"

using namespace lb;
using namespace lb::sim;

namespace {

std::string trace(Engine& e, int steps) {
  std::string out;
  char buf[64];
  for (int i = 0; i < steps; ++i) {
    e.step();
    const State s = e.state();
    for (const Observable& o : observables()) {
      const auto v = o.read(s);
      std::snprintf(buf, sizeof buf, "%.17g,", v ? *v : -1.0);
      out += buf;
    }
    out += '\n';
  }
  return out;
}

}  // namespace

TEST_SUITE("sim_model") {
  TEST_CASE("snapshot restore and continue equals the uninterrupted run") {
    const auto r = fixture::load_run("alf-paracetamol", "hvp-alf-larsen-2016");
    Engine a = fixture::engine_of(r);
    a.run_until(units::minutes(30));
    a.apply(AccessObstruction{units::percent(60)});
    const Snapshot snap = a.snapshot();
    const std::string uninterrupted = trace(a, 900);

    Engine b = fixture::engine_of(r);
    b.run_until(units::minutes(5));  // a different history, overwritten by restore
    b.restore(snap);
    CHECK(trace(b, 900) == uninterrupted);

    Engine c = fixture::engine_of(r);
    c.run_until(units::minutes(30));
    c.apply(AccessObstruction{units::percent(60)});
    CHECK(trace(c, 900) == uninterrupted);
    // A different action changes the run (the comparison can fail).
    Engine d = fixture::engine_of(r);
    d.run_until(units::minutes(30));
    CHECK(trace(d, 900) != uninterrupted);
  }

  TEST_CASE("observables are unique and found by name") {
    for (const Observable& o : observables()) {
      INFO(std::string(o.name));
      CHECK(find_observable(o.name) == &o);
    }
    CHECK(find_observable("ica") != nullptr);
    CHECK(find_observable("no_such_thing") == nullptr);
  }
}
