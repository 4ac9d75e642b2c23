// After rinse-back the run keeps 1 s steps: script entries, scheduled events and lab results
// come at their own second, and the run ends at its duration (review M2).
#include <doctest/doctest.h>

#include "run_support.hpp"

using namespace lb;

TEST_SUITE("sim_run") {
  TEST_CASE("after the session every entry and the end come at their own second") {
    const auto p = lb::testing::prepared("post-session-alkalosis");
    sim::run::Runner r(p, lb::testing::options(20261204, "post-session-alkalosis-competent"));
    r.run_to_end();
    const std::string& t = r.timeline();
    // The session ends before 450 min; the orders at 450 and 510 min are after rinse-back.
    const auto late = lb::testing::lines_with(t, "\"t\":30600,\"kind\":\"action\"");
    CHECK(late.size() == 2);  // blood gas and iCa at 510 min, not a minute late
    const auto declared = lb::testing::lines_with(t, "\"name\":\"declare\"");
    REQUIRE(declared.size() == 1);
    CHECK(declared.front().rfind("{\"t\":27300,", 0) == 0);  // 455 min
    const auto end = lb::testing::lines_with(t, "\"kind\":\"end\"");
    REQUIRE(end.size() == 1);
    CHECK(end.front() == "{\"t\":" + std::to_string(p.scenario.duration_s) + ",\"kind\":\"end\"}");
  }
}
