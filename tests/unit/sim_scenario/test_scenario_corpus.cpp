// The malformed-scenario corpus (tests/data/sim/malformed/*.yaml, written by
// tests/data/sim/tools/make_malformed.py from corpus-base.yaml): every file is rejected
// without an exception, with its expected message at its expected file:line:col.
#include <doctest/doctest.h>

#include "corpus_expectations.hpp"
#include "sim/scenario/scenario_loader.hpp"

using namespace lb;

TEST_SUITE("sim_scenario") {
  TEST_CASE("malformed scenario corpus: each file gives its expected error and no scenario") {
    const std::filesystem::path dir = std::string(LB_TEST_DATA_DIR) + "/sim/malformed";
    const auto files = lb::testing::corpus_files(dir);
    CHECK(files.size() >= 100);
    const auto vocabulary = sim::scenario::sim_vocabulary();
    for (const auto& file : files) {
      const std::string text = lb::testing::slurp(file);
      sim::scenario::ScenarioLoad load;
      CHECK_NOTHROW(load = sim::scenario::parse_scenario(text, file.string(), vocabulary));
      CHECK_MESSAGE(!load.scenario.has_value(), file.string());
      lb::testing::check_expectations(file, lb::testing::read_expectations(text), load.diagnostics);
    }
  }

  TEST_CASE("the corpus base itself is valid so that each malformed file has one fault") {
    const auto load =
        sim::scenario::load_scenario_file(std::string(LB_TEST_DATA_DIR) + "/sim/corpus-base.yaml");
    CHECK(load.scenario.has_value());
  }
}
