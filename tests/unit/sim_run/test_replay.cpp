// Replay: a seed and a script give the same timeline and trace byte for byte; the bundled
// golden timelines (scenarios/golden/) replay identically; pacing (×1, ×10, pause and resume)
// changes nothing.
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>

#include "corpus_expectations.hpp"
#include "run_support.hpp"
#include "sim/run/pacing.hpp"

using namespace lb;
using lb::testing::options;
using lb::testing::prepared;

TEST_SUITE("sim_run") {
  TEST_CASE("the same seed and script replay the timeline and trace byte for byte") {
    const auto p = prepared("alf-hvp-citrate");
    sim::run::Runner a(p, options(7, "alf-hvp-citrate-competent"));
    sim::run::Runner b(p, options(7, "alf-hvp-citrate-competent"));
    a.run_to_end();
    b.run_to_end();
    CHECK(a.timeline() == b.timeline());
    CHECK(a.trace() == b.trace());
    CHECK(a.timeline().find("\"kind\":\"end\"") != std::string::npos);
    sim::run::Runner c(p, options(8, "alf-hvp-citrate-competent"));
    c.run_to_end();
    CHECK(c.timeline() != a.timeline());  // the seed matters (schedule, lab noise)
  }

  TEST_CASE("every bundled golden timeline replays identically") {
    const std::filesystem::path dir = std::string(LB_SOURCE_DIR) + "/scenarios/golden";
    const std::regex name(R"(^(.+)\.seed-([0-9]+)\.jsonl$)");
    int checked = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      std::smatch m;
      const std::string file = e.path().filename().string();
      REQUIRE(std::regex_match(file, m, name));
      const auto script = lb::testing::script(m[1].str());
      sim::run::RunOptions o;
      o.seed = std::stoull(m[2].str());
      o.script = script;
      sim::run::Runner r(prepared(script.scenario), o);
      r.run_to_end();
      CAPTURE(file);
      CHECK(r.timeline() == lb::testing::slurp(e.path()));
      ++checked;
    }
    CHECK(checked >= 10);  // five scenarios, a competent and a struggling script each
  }

  TEST_CASE("x1 x10 and a paused and resumed run give the unpaced timeline") {
    const auto p = prepared("aclf-albumin-vasovagal");
    sim::run::Runner reference(p, options(3, "aclf-albumin-vasovagal-competent"));
    reference.run_to_end();
    // Wall time is simulated: each tick is 0.5 s of wall time.
    const auto paced = [&](double speed, bool with_pause) {
      sim::run::Runner r(p, options(3, "aclf-albumin-vasovagal-competent"));
      sim::run::Pacer pacer(speed);
      double wall = 0.0;
      int ticks = 0;
      while (!r.finished()) {
        wall += 0.5;
        ++ticks;
        if (with_pause && ticks == 40) pacer.pause(wall);
        if (with_pause && ticks == 90) pacer.resume(wall);
        if (with_pause && ticks == 120) pacer.set_speed(wall, 60.0);
        const auto target = pacer.target(wall);
        while (!r.finished() && r.now() < target) r.advance();
        if (pacer.target(wall) >= 1000000) break;
      }
      return r.timeline();
    };
    CHECK(paced(1.0, false) == reference.timeline());
    CHECK(paced(10.0, false) == reference.timeline());
    CHECK(paced(5.0, true) == reference.timeline());
  }

  TEST_CASE("pacing: target time follows speed and stands still while paused") {
    sim::run::Pacer p(10.0);
    CHECK(p.target(1.0) == 10);
    p.pause(2.0);
    CHECK(p.target(100.0) == 20);
    p.resume(100.0);
    CHECK(p.target(101.0) == 30);
    p.set_speed(101.0, 1.0);
    CHECK(p.target(103.0) == 32);
    CHECK_THROWS_AS(sim::run::Pacer(0.0), std::invalid_argument);
  }
}
