// The debrief's replay of a run whose patient has drawn parameters: the replay draws them
// again from the timeline's seed and writes the recorded timeline byte for byte.
#include <doctest/doctest.h>

#include "debrief_support.hpp"
#include "sim/debrief/replay.hpp"
#include "sim/run/runner.hpp"
#include "sim/scenario/script_loader.hpp"

namespace lb::testing {
namespace {

TEST_CASE("a debrief replay of a run with drawn parameters reproduces the draws and the run") {
  const std::string file = std::string(LB_SOURCE_DIR) + "/scenarios/alf-hvp-citrate.yaml";
  std::string text = io::read_file(file);
  const auto at = text.find("start:\n");
  REQUIRE(at != std::string::npos);
  text.insert(at,
              "parameters:\n"
              "  citrate_clearance: {mean: 0.15 L/min, sd: 0.05 L/min, min: 0.08 L/min, max: "
              "0.4 L/min}\n"
              "  kd_calcium_citrate: {mean: 0.45 mmol/L, sd: 0.1 mmol/L}\n");
  auto prep =
      sim::run::prepare(sim::scenario::parse_scenario(text, file), LB_BUNDLED_PROTOCOLS_DIR);
  REQUIRE(prep.prepared.has_value());
  const auto script = sim::scenario::load_script_file(
      std::string(LB_SOURCE_DIR) + "/scenarios/scripts/alf-hvp-citrate-competent.yaml");
  REQUIRE(script.script.has_value());
  sim::run::RunOptions options;
  options.seed = 4242;
  options.script = *script.script;
  sim::run::Runner run(*prep.prepared, options);
  run.run_to_end();
  const double drawn = run.engine().parameters().citrate_clearance.value;
  CHECK(drawn != prep.prepared->parameters.citrate_clearance.value);  // not the mean

  auto load = sim::debrief::parse_timeline(run.timeline(), "drawn.jsonl");
  REQUIRE(load.timeline.has_value());
  CHECK(load.timeline->start.seed == 4242);
  const auto check = sim::debrief::replay_timeline(*prep.prepared, *load.timeline);
  std::string problems;
  for (const auto& d : check.diagnostics.items()) problems += diag::format(d) + "\n";
  INFO(problems);
  REQUIRE(check.replay.has_value());
  CHECK(check.replay->timeline == run.timeline());
  CHECK(check.replay->trace == run.trace());
  // The debrief judges the run with the drawn values, not the distribution's mean.
  CHECK(check.replay->parameters.citrate_clearance.value == drawn);

  // A timeline whose drawn value was edited no longer replays.
  std::string edited = run.timeline();
  const auto value_at = edited.find("\"value\":");
  REQUIRE(value_at != std::string::npos);
  edited.replace(value_at, 9, "\"value\":9");
  auto other = sim::debrief::parse_timeline(edited, "edited.jsonl");
  REQUIRE(other.timeline.has_value());
  CHECK_FALSE(sim::debrief::replay_timeline(*prep.prepared, *other.timeline).replay.has_value());
}

}  // namespace
}  // namespace lb::testing
