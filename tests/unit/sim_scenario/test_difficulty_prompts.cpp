// The scenario header's `difficulty` (introductory, intermediate, advanced) and the debrief
// prompt a critical action may carry (`prompt:`), read from the bundled scenarios and refused
// with the allowed words when misspelt.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "io/atomic_write.hpp"
#include "sim/scenario/scenario_loader.hpp"

using namespace lb;
using namespace lb::sim::scenario;

namespace {

const std::string kScenario = std::string(LB_SOURCE_DIR) + "/scenarios/alf-hvp-citrate.yaml";

const CriticalAction* action(const Scenario& s, const std::string& id) {
  for (const auto& a : s.critical_actions) {
    if (a.id == id) return &a;
  }
  return nullptr;
}

}  // namespace

TEST_SUITE("sim_scenario") {
  TEST_CASE("a scenario's difficulty and its critical actions' prompts are read") {
    const auto load = load_scenario_file(kScenario);
    REQUIRE(load.scenario.has_value());
    const Scenario& s = *load.scenario;
    REQUIRE(s.difficulty.has_value());
    CHECK(*s.difficulty == Difficulty::advanced);
    const auto* warm = action(s, "warm_ffp");
    REQUIRE(warm != nullptr);
    CHECK(warm->prompt.find("warmer off") != std::string::npos);
    // The reflection prompt for the whole run stays under debrief.prompts.
    REQUIRE(s.debrief.prompts.size() == 1);
    CHECK(s.debrief.prompts.front() == "How did that feel?");
  }

  TEST_CASE("a misspelt difficulty is refused at its line with the allowed words") {
    std::string text = io::read_file(kScenario);
    const auto at = text.find("difficulty: advanced");
    REQUIRE(at != std::string::npos);
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<long>(at), '\n');
    text.replace(at, 20, "difficulty: hard");
    const auto load = parse_scenario(text, "hard.yaml");
    CHECK_FALSE(load.scenario.has_value());
    std::string all;
    for (const auto& d : load.diagnostics.items()) all += diag::format(d) + "\n";
    INFO(all);
    CHECK(all.find("hard.yaml:" + std::to_string(line) + ":") != std::string::npos);
    CHECK(all.find("introductory") != std::string::npos);
    CHECK(all.find("advanced") != std::string::npos);
  }
}
