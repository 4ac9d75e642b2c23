// The bundled scenarios' golden runs, replayed and debriefed for the debrief tests.
#pragma once

#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "io/atomic_write.hpp"
#include "io/sha256.hpp"
#include "sim/debrief/debrief.hpp"
#include "sim/run/prepare.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace lb::testing {

inline std::string golden_path(const std::string& run) {
  return std::string(LB_SOURCE_DIR) + "/scenarios/golden/" + run + ".seed-20261204.jsonl";
}

/// Everything a debrief is made from, kept alive together.
struct Debriefed {
  sim::run::Prepared prepared;
  sim::debrief::Timeline timeline;
  sim::debrief::Replay replay;
  sim::debrief::Debrief debrief;
  std::string golden_text;
};

inline sim::run::Prepared prepared_scenario(const std::string& id, std::string* text = nullptr) {
  const auto load =
      sim::scenario::load_scenario_file(std::string(LB_SOURCE_DIR) + "/scenarios/" + id + ".yaml");
  auto prep = sim::run::prepare(load, LB_BUNDLED_PROTOCOLS_DIR);
  REQUIRE(prep.prepared.has_value());
  if (text != nullptr) *text = load.text;
  return *prep.prepared;
}

/// `run` is "<scenario>-<competent|struggling>".
inline Debriefed debriefed(const std::string& scenario, const std::string& run,
                           std::optional<int> self_rating = std::nullopt) {
  std::string scenario_text;
  auto prepared = prepared_scenario(scenario, &scenario_text);
  const std::string text = io::read_file(golden_path(run));
  auto load = sim::debrief::parse_timeline(text, "scenarios/golden/" + run + ".jsonl");
  REQUIRE(load.timeline.has_value());
  auto check = sim::debrief::replay_timeline(prepared, *load.timeline);
  std::string problems;
  for (const auto& d : check.diagnostics.items()) problems += diag::format(d) + "\n";
  INFO(problems);
  REQUIRE(check.replay.has_value());
  Debriefed out{std::move(prepared), std::move(*load.timeline), std::move(*check.replay), {}, text};
  out.debrief = sim::debrief::build_debrief(
      {out.prepared, out.timeline, out.replay, io::sha256_hex(scenario_text), self_rating});
  return out;
}

/// The time of the first timeline line of `event`, found in the file's text (independently
/// of the debrief's reader).
inline std::optional<long long> event_time(const std::string& text, const std::string& event) {
  const std::string key = "\"kind\":\"event\",\"event\":\"" + event + "\"";
  const auto at = text.find(key);
  if (at == std::string::npos) return std::nullopt;
  const auto line = text.rfind('\n', at);
  const auto start = line == std::string::npos ? 0 : line + 1;
  return std::stoll(text.substr(start + 5));  // {"t":N,...
}

inline const sim::debrief::CheckedAction& checked(const Debriefed& d, const std::string& id) {
  for (const auto& c : d.debrief.analysis.critical_actions) {
    if (c.id == id) return c;
  }
  FAIL("no critical action " << id);
  return d.debrief.analysis.critical_actions.front();
}

inline const sim::debrief::ObjectiveScore& objective(const Debriefed& d, const std::string& id) {
  for (const auto& o : d.debrief.analysis.objectives) {
    if (o.id == id) return o;
  }
  FAIL("no objective " << id);
  return d.debrief.analysis.objectives.front();
}

}  // namespace lb::testing
