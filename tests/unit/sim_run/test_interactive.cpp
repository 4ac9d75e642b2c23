// The runner driven by people (runner_interactive.cpp): an entry taken now is the script entry
// due now; a copy of the runner is a snapshot that continues exactly as the original; the
// instructor's acts are timeline lines of their own, and a suppressed event never fires.
#include <doctest/doctest.h>

#include "run_support.hpp"

namespace {

using lb::sim::run::Runner;
using lb::sim::run::RunOptions;

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_SUITE("sim_run") {
  TEST_CASE("entries taken at their times give the timeline of the same script") {
    const auto p = lb::testing::prepared("aclf-albumin-vasovagal");
    const auto script = lb::testing::script("aclf-albumin-vasovagal-competent");
    RunOptions scripted;
    scripted.seed = 7;
    scripted.script = script;
    Runner a(p, scripted);
    a.run_to_end();
    RunOptions bare;
    bare.seed = 7;
    Runner b(p, bare);
    for (const auto& e : script.entries) {
      while (b.now() < e.at) b.advance();
      b.take(e);
    }
    b.run_to_end();
    CHECK(b.timeline() == a.timeline());
    CHECK(b.trace() == a.trace());
  }

  TEST_CASE("a copy of the runner continues exactly as the original") {
    const auto p = lb::testing::prepared("alf-hvp-citrate");
    RunOptions o;
    o.seed = 11;
    o.script = lb::testing::script("alf-hvp-citrate-struggling");
    Runner a(p, o);
    while (a.now() < 1800) a.advance();
    Runner copy = a;
    a.run_to_end();
    copy.run_to_end();
    CHECK(copy.timeline() == a.timeline());
  }

  TEST_CASE("instructor acts are logged as the instructor's and a suppressed event never fires") {
    const auto p = lb::testing::prepared("alf-hvp-citrate");
    Runner r(p, RunOptions{});
    CHECK(r.suppress_event("cold_ffp_batch"));
    CHECK_FALSE(r.suppress_event("no_such_event"));
    CHECK(r.inject_event("senior_arrives"));
    CHECK_FALSE(r.inject_event("no_such_event"));
    while (r.now() < 1500) r.advance();  // cold_ffp_batch was scheduled at 20 min
    CHECK(has(r.timeline(),
              R"("kind":"instructor","act":"suppress_event","event":"cold_ffp_batch")"));
    CHECK_FALSE(has(r.timeline(), R"("event":"cold_ffp_batch","type":"scheduled")"));
    CHECK(has(r.timeline(), R"("event":"senior_arrives","type":"injected")"));
    REQUIRE(r.set_parameter("citrate_clearance", 0.5));
    CHECK(r.engine().parameters().citrate_clearance.value == 0.5);
    r.end_now();
    CHECK(r.finished());
    CHECK(has(r.timeline(), R"("act":"end_scenario"})"));
    CHECK(has(r.timeline(), R"({"t":1500,"kind":"end"})"));
  }
}
