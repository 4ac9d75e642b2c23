// Bundled scenarios prepared for the runner tests.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "sim/run/prepare.hpp"
#include "sim/run/runner.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "sim/scenario/script_loader.hpp"

namespace lb::testing {

inline std::string scenario_path(const std::string& id) {
  return std::string(LB_SOURCE_DIR) + "/scenarios/" + id + ".yaml";
}

inline sim::run::Prepared prepared_from_text(const std::string& text, const std::string& file) {
  const auto load = sim::scenario::parse_scenario(text, file);
  auto prep = sim::run::prepare(load, LB_BUNDLED_PROTOCOLS_DIR);
  std::string all;
  for (const auto& d : prep.diagnostics.items()) all += diag::format(d) + "\n";
  INFO(all);
  REQUIRE(prep.prepared.has_value());
  return *prep.prepared;
}

inline sim::run::Prepared prepared(const std::string& id) {
  const auto load = sim::scenario::load_scenario_file(scenario_path(id));
  return prepared_from_text(load.text, load.file);
}

inline sim::scenario::Script script(const std::string& name) {
  const auto load = sim::scenario::load_script_file(std::string(LB_SOURCE_DIR) +
                                                    "/scenarios/scripts/" + name + ".yaml");
  REQUIRE(load.script.has_value());
  return *load.script;
}

inline sim::run::RunOptions options(std::uint64_t seed, const std::string& script_name = "") {
  sim::run::RunOptions o;
  o.seed = seed;
  if (!script_name.empty()) o.script = script(script_name);
  return o;
}

/// The lines of `timeline` whose text contains `needle`.
inline std::vector<std::string> lines_with(const std::string& timeline, const std::string& needle) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < timeline.size()) {
    const auto end = timeline.find('\n', start);
    const std::string line = timeline.substr(start, end - start);
    if (line.find(needle) != std::string::npos) out.push_back(line);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

}  // namespace lb::testing
