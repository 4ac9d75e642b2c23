// A run with the instructor's acts (freeze, flag, suppressed and injected events, a parameter
// override, an early end) replays byte for byte, because the replay repeats each act at its
// place in the timeline; the debrief lists the acts as the instructor's, never scores them,
// and shows the flagged moment. An edited instructor line is refused like any edited line.
#include <doctest/doctest.h>

#include <string>

#include "debrief_support.hpp"
#include "sim/run/runner.hpp"
#include "sim/scenario/script_loader.hpp"

namespace lb::testing {
namespace {

/// The competent script of alf-hvp-citrate taken live (as the window takes a click), with
/// the instructor's acts between its entries; the run's timeline.
std::string run_with_instructor(const sim::run::Prepared& prepared) {
  auto script = sim::scenario::load_script_file(
      std::string(LB_SOURCE_DIR) + "/scenarios/scripts/alf-hvp-citrate-competent.yaml");
  REQUIRE(script.script.has_value());
  sim::run::RunOptions o;
  o.seed = 20261204;
  sim::run::Runner r(prepared, o);
  const auto run_to = [&](sim::scenario::SimTime t) {
    while (!r.finished() && r.now() < t) r.advance();
  };
  std::size_t next = 0;
  const auto take_until = [&](sim::scenario::SimTime t) {
    for (; next < script.script->entries.size() && script.script->entries[next].at <= t; ++next) {
      run_to(script.script->entries[next].at);
      r.take(script.script->entries[next]);
    }
    run_to(t);
  };
  take_until(300);
  r.log_instructor("freeze");
  r.log_instructor("unfreeze");
  take_until(600);
  r.log_instructor("flag", {{"note", "look at the AC ratio"}});
  take_until(900);
  REQUIRE(r.suppress_event("cold_ffp_batch"));
  take_until(1500);
  REQUIRE(r.set_parameter("citrate_clearance", 0.25));
  take_until(1800);
  REQUIRE(r.inject_event("urticaria"));
  take_until(3600);
  r.end_now();
  REQUIRE(r.finished());
  return r.timeline();
}

bool has_act(const sim::debrief::Debrief& d, sim::scenario::SimTime t, const std::string& action,
             const std::string& event = "") {
  for (const auto& a : d.analysis.instructor_acts) {
    if (a.t == t && a.action == action && a.event == event) return true;
  }
  return false;
}

TEST_CASE("a run with the instructor's acts replays byte for byte and is debriefed") {
  std::string scenario_text;
  const auto prepared = prepared_scenario("alf-hvp-citrate", &scenario_text);
  const std::string text = run_with_instructor(prepared);
  const auto load = sim::debrief::parse_timeline(text, "instructor.jsonl");
  REQUIRE(load.timeline.has_value());
  CHECK(load.timeline->instructor.size() == 7);
  const auto check = sim::debrief::replay_timeline(prepared, *load.timeline);
  std::string problems;
  for (const auto& d : check.diagnostics.items()) problems += diag::format(d) + "\n";
  INFO(problems);
  REQUIRE(check.replay.has_value());
  CHECK(check.replay->timeline == text);
  CHECK(load.timeline->end == 3600);

  const auto d = sim::debrief::build_debrief(
      {prepared, *load.timeline, *check.replay, io::sha256_hex(scenario_text), 3});
  CHECK(has_act(d, 300, "freeze"));
  CHECK(has_act(d, 600, "flag: look at the AC ratio"));
  CHECK(has_act(d, 900, "suppress_event", "cold_ffp_batch"));
  CHECK(has_act(d, 1500, "set_parameter citrate_clearance = 0.2500 L/min"));
  CHECK(has_act(d, 1800, "inject_event", "urticaria"));
  CHECK(has_act(d, 3600, "end_scenario"));
  // Never scored against the trainee: no deviation or checklist credit names an instructor act.
  for (const auto& x : d.analysis.deviations) {
    CHECK(x.action.find("parameter") == std::string::npos);
    CHECK(x.action.find("inject") == std::string::npos);
  }
  // The flagged moment: a flagged line of the description and a flag marker at 10 min.
  bool flagged = false;
  for (const auto& n : d.description) {
    if (n.flagged) {
      flagged = true;
      CHECK(n.t == 600);
      CHECK(n.text.find("look at the AC ratio") != std::string::npos);
    }
  }
  CHECK(flagged);
  bool marker = false;
  for (const auto& m : d.analysis.markers) marker |= m.kind == "flag" && m.t == 600;
  CHECK(marker);
}

TEST_CASE("an instructor line edited after the run is refused by the replay") {
  const auto prepared = prepared_scenario("alf-hvp-citrate");
  std::string text = run_with_instructor(prepared);
  const std::string from = "\"parameter\":\"citrate_clearance\",\"value\":\"0.2500\"";
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), "\"parameter\":\"citrate_clearance\",\"value\":\"0.5000\"");
  const auto load = sim::debrief::parse_timeline(text, "edited.jsonl");
  REQUIRE(load.timeline.has_value());
  const auto check = sim::debrief::replay_timeline(prepared, *load.timeline);
  CHECK_FALSE(check.replay.has_value());
  REQUIRE(check.diagnostics.has_errors());
  CHECK(diag::format(check.diagnostics.items().front()).find("differs from the file") !=
        std::string::npos);
}

TEST_CASE("an instructor line without its act is reported at its line") {
  const auto t = sim::debrief::parse_timeline(
      "{\"t\":0,\"kind\":\"start\",\"scenario\":\"x\",\"version\":\"1\",\"seed\":1,"
      "\"duration_s\":60}\n{\"t\":5,\"kind\":\"instructor\",\"note\":\"x\"}\n"
      "{\"t\":60,\"kind\":\"end\"}\n",
      "broken.jsonl");
  CHECK_FALSE(t.timeline.has_value());
  REQUIRE(t.diagnostics.has_errors());
  CHECK(t.diagnostics.items().front().where.line == 2);
}

}  // namespace
}  // namespace lb::testing
