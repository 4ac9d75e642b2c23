// The runner driven by people (runner_interactive.cpp): an entry taken now is the script entry
// due now; a copy of the runner is a snapshot that continues exactly as the original; the
// instructor's acts are timeline lines of their own, and a suppressed event never fires.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>

#include "io/atomic_write.hpp"
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
  TEST_CASE("an instructor's override reaches the clotting-factor kinetics") {
    // A protocol that leaves FFP's factor activity to the simulator's parameter: halved
    // mid-run, the prothrombin activity the FFP brings up rises less from then on than in the
    // same run without the override.
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("lb-override-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::string protocol =
        lb::io::read_file(std::string(LB_BUNDLED_PROTOCOLS_DIR) + "/hvp-alf-larsen-2016.yaml");
    const std::string given = "ffp: {albumin: 40 g/L, factor_activity: 100 %}";
    const auto at = protocol.find(given);
    REQUIRE(at != std::string::npos);
    protocol.replace(at, given.size(), "ffp: {albumin: 40 g/L}");
    lb::io::atomic_write((dir / "hvp-alf-larsen-2016.yaml").string(), protocol);
    const auto load =
        lb::sim::scenario::load_scenario_file(lb::testing::scenario_path("alf-hvp-citrate"));
    const auto prep = lb::sim::run::prepare(load, dir.string());
    fs::remove_all(dir);
    REQUIRE(prep.prepared.has_value());
    const auto& p = *prep.prepared;
    Runner a(p, lb::testing::options(7));
    Runner b(p, lb::testing::options(7));
    while (a.now() < 600) a.advance();
    while (b.now() < 600) b.advance();
    const double at_600 = lb::units::in_percent(a.state().pta);
    REQUIRE(b.set_parameter("ffp_factor_activity", 50.0));
    while (a.now() < 3600) a.advance();
    while (b.now() < 3600) b.advance();
    const double rise_a = lb::units::in_percent(a.state().pta) - at_600;
    const double rise_b = lb::units::in_percent(b.state().pta) - at_600;
    INFO("rise without " << rise_a << ", with the override " << rise_b);
    CHECK(rise_a > 0.0);
    CHECK(rise_b < rise_a);
  }
}
