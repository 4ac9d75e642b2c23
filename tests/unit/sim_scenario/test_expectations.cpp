// The scenario author's teaching expectations the debrief holds a run to: a lab panel's
// `expected_every` and the `expectations` mapping (warmer_with_ffp), read from the bundled
// FFP-citrate scenario, off when a scenario does not set them, and refused at their line.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "io/atomic_write.hpp"
#include "sim/scenario/scenario_loader.hpp"

using namespace lb;
using namespace lb::sim::scenario;

namespace {

std::string bundled(const std::string& id) {
  return std::string(LB_SOURCE_DIR) + "/scenarios/" + id + ".yaml";
}

/// The diagnostics of `text` with `from` replaced by `to`, and the 1-based line of the change.
std::pair<std::string, long> refused(std::string text, const std::string& from,
                                     const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  const long line = 1 + std::count(text.begin(), text.begin() + static_cast<long>(at), '\n');
  text.replace(at, from.size(), to);
  const auto load = parse_scenario(text, "x.yaml");
  CHECK_FALSE(load.scenario.has_value());
  std::string all;
  for (const auto& d : load.diagnostics.items()) all += diag::format(d) + "\n";
  return {all, line};
}

}  // namespace

TEST_SUITE("sim_scenario") {
  TEST_CASE("expected_every and warmer_with_ffp are read from the FFP-citrate scenario") {
    const auto load = load_scenario_file(bundled("alf-hvp-citrate"));
    REQUIRE(load.scenario.has_value());
    const Scenario& s = *load.scenario;
    CHECK(s.expectations.warmer_with_ffp);
    for (const auto& lab : s.labs) {
      if (lab.panel == "ica") {
        REQUIRE(lab.expected_every_s.has_value());
        CHECK(*lab.expected_every_s == 30 * 60);
      } else {
        CHECK_FALSE(lab.expected_every_s.has_value());
      }
    }
  }

  TEST_CASE("a scenario without expectations checks none") {
    const auto load = load_scenario_file(bundled("membrane-access-clotting"));
    REQUIRE(load.scenario.has_value());
    CHECK_FALSE(load.scenario->expectations.warmer_with_ffp);
    for (const auto& lab : load.scenario->labs) CHECK_FALSE(lab.expected_every_s.has_value());
  }

  TEST_CASE("an unknown expectation is refused at its line") {
    const auto [all, line] = refused(io::read_file(bundled("alf-hvp-citrate")),
                                     "  warmer_with_ffp: true", "  warmer_with_plasma: true");
    INFO(all);
    CHECK(all.find("x.yaml:" + std::to_string(line) + ":") != std::string::npos);
    CHECK(all.find("warmer_with_plasma") != std::string::npos);
  }

  TEST_CASE("expected_every must be a positive time") {
    const auto [all, line] = refused(io::read_file(bundled("alf-hvp-citrate")),
                                     "expected_every: 30 min", "expected_every: 0 min");
    INFO(all);
    CHECK(all.find("x.yaml:" + std::to_string(line) + ":") != std::string::npos);
    CHECK(all.find("expected_every") != std::string::npos);
  }
}
