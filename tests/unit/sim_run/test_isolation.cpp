// RNG isolation at the level of a whole run: a trainee's actions never move a random event,
// and changing one event's probability changes only that event's draw.
#include <doctest/doctest.h>

#include "corpus_expectations.hpp"
#include "run_support.hpp"

using namespace lb;
using lb::testing::lines_with;
using lb::testing::options;
using lb::testing::prepared;

TEST_SUITE("sim_run") {
  TEST_CASE("competent and struggling actions leave the pre-rolled random events unchanged") {
    const auto p = prepared("alf-hvp-citrate");
    for (const std::uint64_t seed : {1ULL, 2ULL, 3ULL, 20261204ULL}) {
      sim::run::Runner a(p, options(seed, "alf-hvp-citrate-competent"));
      sim::run::Runner b(p, options(seed, "alf-hvp-citrate-struggling"));
      sim::run::Runner none(p, options(seed));
      a.run_to_end();
      b.run_to_end();
      none.run_to_end();
      CAPTURE(seed);
      const auto schedule = lines_with(a.timeline(), "\"kind\":\"schedule\"");
      REQUIRE(schedule.size() == 2);
      CHECK(schedule == lines_with(b.timeline(), "\"kind\":\"schedule\""));
      CHECK(schedule == lines_with(none.timeline(), "\"kind\":\"schedule\""));
      // Events on the clock fire at the same time whatever the trainee did.
      CHECK(lines_with(a.timeline(), "\"type\":\"scheduled\"") ==
            lines_with(b.timeline(), "\"type\":\"scheduled\""));
      CHECK(a.timeline() != b.timeline());  // the actions did change the run
    }
  }

  TEST_CASE("changing one random event's probability changes only that event's draw") {
    const auto load =
        sim::scenario::load_scenario_file(lb::testing::scenario_path("alf-hvp-citrate"));
    std::string text = load.text;
    const std::string from = "probability: 0.013";
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), "probability: 0.5");
    const auto base = prepared("alf-hvp-citrate");
    const auto changed = lb::testing::prepared_from_text(text, load.file);
    int moved = 0;
    for (std::uint64_t seed = 1; seed <= 8; ++seed) {
      sim::run::Runner a(base, options(seed));
      sim::run::Runner b(changed, options(seed));
      a.run_to_end();
      b.run_to_end();
      moved += a.schedule()[0].at != b.schedule()[0].at ? 1 : 0;    // access_inlet_pressure_low
      CHECK(a.schedule()[1].ffp_unit == b.schedule()[1].ffp_unit);  // urticaria untouched
      CHECK(lines_with(a.timeline(), "urticaria\",\"per") ==
            lines_with(b.timeline(), "urticaria\",\"per"));
    }
    // p 0.013 falls in the session in about 1 run in 77, p 0.5 in half of them.
    CHECK(moved >= 1);
  }

  TEST_CASE("an event-raised alarm clears when the trainee takes the clearing action") {
    const auto p = prepared("membrane-access-clotting");
    sim::run::Runner r(p, options(1, "membrane-access-clotting-competent"));
    r.run_to_end();
    const auto alarm = lines_with(r.timeline(), "\"alarm\":\"inlet_pressure_low\",\"priority\"");
    REQUIRE(alarm.size() >= 3);
    CHECK(alarm[0].find("\"to\":\"active\"") != std::string::npos);
    CHECK(alarm.back().find("\"to\":\"inactive\"") != std::string::npos);
    sim::run::Runner s(p, options(1, "membrane-access-clotting-struggling"));
    s.run_to_end();
    CHECK(!lines_with(s.timeline(), "\"to\":\"silenced\"").empty());
  }

  TEST_CASE("a lab order is answered after its turnaround with the panel's values") {
    const auto p = prepared("alf-hvp-citrate");
    sim::run::Runner r(p, options(5, "alf-hvp-citrate-competent"));
    r.run_to_end();
    const auto orders = lines_with(r.timeline(), "\"kind\":\"lab_order\",\"panel\":\"ica\"");
    const auto results = lines_with(r.timeline(), "\"kind\":\"lab_result\",\"panel\":\"ica\"");
    REQUIRE(!orders.empty());
    CHECK(orders.size() == results.size());
    CHECK(orders[0].find("\"t\":120,") == 0 + 1);   // ordered at 2 min
    CHECK(results[0].find("\"t\":300,") == 0 + 1);  // 3 min turnaround
    CHECK(results[0].find("\"drawn\":120") != std::string::npos);
  }
}
