// The pre-rolled random schedule: per-event streams (isolation), the hazard arithmetic of each
// basis checked by frequency over many seeds, and byte-exact replay from a seed.
#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>

#include "sim/events/schedule.hpp"

using namespace lb::sim;
using namespace lb::sim::events;
using scenario::HazardBasis;
using scenario::RandomEvent;

namespace {
RandomEvent event(std::string id, double p, HazardBasis basis) {
  RandomEvent e;
  e.id = std::move(id);
  e.probability = p;
  e.basis = basis;
  return e;
}
const Exposure kExposure{600, 7200, 12};

std::vector<RandomEvent> three() {
  return {event("access_low", 0.4, HazardBasis::session),
          event("urticaria", 0.05, HazardBasis::ffp_unit),
          event("clotting", 0.3, HazardBasis::litre_processed)};
}
}  // namespace

TEST_SUITE("sim_events") {
  TEST_CASE("the same seed rolls the same schedule and another seed another") {
    const auto a = roll_schedule(three(), 7, kExposure);
    const auto b = roll_schedule(three(), 7, kExposure);
    REQUIRE(a.size() == 3);
    for (std::size_t i = 0; i < a.size(); ++i) {
      CHECK(a[i].at == b[i].at);
      CHECK(a[i].ffp_unit == b[i].ffp_unit);
      CHECK(a[i].litres == b[i].litres);
    }
    const auto c = roll_schedule(three(), 8, kExposure);
    CHECK(a[2].litres != c[2].litres);
  }

  TEST_CASE("changing one event's probability changes only that event") {
    auto events = three();
    const auto before = roll_schedule(events, 11, kExposure);
    events[2].probability = 0.6;
    const auto after = roll_schedule(events, 11, kExposure);
    CHECK(after[0].at == before[0].at);
    CHECK(after[1].ffp_unit == before[1].ffp_unit);
    CHECK(after[2].litres != before[2].litres);
  }

  TEST_CASE("adding or removing an event and reordering the list leave the others unchanged") {
    auto events = three();
    const auto before = roll_schedule(events, 12, kExposure);
    std::vector<RandomEvent> changed = {events[2], event("trali", 0.001, HazardBasis::ffp_unit),
                                        events[0]};
    const auto after = roll_schedule(changed, 12, kExposure);
    CHECK(after[0].litres == before[2].litres);
    CHECK(after[2].at == before[0].at);
  }

  TEST_CASE("a per-session probability p happens in about p of sessions and inside the session") {
    const std::vector<RandomEvent> e = {event("x", 0.3, HazardBasis::session)};
    int hits = 0;
    const int n = 20000;
    for (int seed = 0; seed < n; ++seed) {
      const auto r = roll_schedule(e, static_cast<std::uint64_t>(seed), kExposure);
      if (r[0].at) {
        ++hits;
        CHECK(*r[0].at >= kExposure.session_start);
        CHECK(*r[0].at < kExposure.session_start + kExposure.session_length);
      }
    }
    CHECK(static_cast<double>(hits) / n == doctest::Approx(0.3).epsilon(0.03));
  }

  TEST_CASE("a per-hour probability compounds over the session hours") {
    const std::vector<RandomEvent> e = {event("x", 0.1, HazardBasis::hour)};
    int hits = 0;
    const int n = 20000;
    for (int seed = 0; seed < n; ++seed) {
      hits += roll_schedule(e, static_cast<std::uint64_t>(seed), kExposure)[0].at ? 1 : 0;
    }
    // Two hours: 1 - 0.9^2 = 0.19.
    CHECK(static_cast<double>(hits) / n == doctest::Approx(0.19).epsilon(0.04));
  }

  TEST_CASE("a per-unit probability is drawn once per planned unit") {
    const std::vector<RandomEvent> e = {event("x", 0.05, HazardBasis::ffp_unit)};
    int hits = 0;
    const int n = 20000;
    for (int seed = 0; seed < n; ++seed) {
      const auto r = roll_schedule(e, static_cast<std::uint64_t>(seed), kExposure);
      if (r[0].ffp_unit) {
        ++hits;
        CHECK(*r[0].ffp_unit >= 1);
        CHECK(*r[0].ffp_unit <= 12);
      }
    }
    CHECK(static_cast<double>(hits) / n == doctest::Approx(1.0 - std::pow(0.95, 12)).epsilon(0.03));
    const Exposure none{0, 3600, 0};  // no FFP planned: never
    CHECK_FALSE(roll_schedule(e, 1, none)[0].scheduled());
  }

  TEST_CASE("a per-litre probability p is passed within the first litre in about p of runs") {
    const std::vector<RandomEvent> e = {event("x", 0.2, HazardBasis::litre_processed)};
    int within_one = 0;
    const int n = 20000;
    for (int seed = 0; seed < n; ++seed) {
      within_one += *roll_schedule(e, static_cast<std::uint64_t>(seed), kExposure)[0].litres < 1.0;
    }
    CHECK(static_cast<double>(within_one) / n == doctest::Approx(0.2).epsilon(0.04));
  }

  TEST_CASE("a session of no length is refused") {
    CHECK_THROWS_AS(roll_schedule(three(), 1, Exposure{0, 0, 0}), std::invalid_argument);
  }
}
