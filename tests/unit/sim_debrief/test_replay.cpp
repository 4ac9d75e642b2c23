// Replay of a recorded timeline and the counterfactual ("what if") replay.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "debrief_support.hpp"
#include "sim/debrief/recorded_script.hpp"

namespace lb::testing {
namespace {

TEST_CASE("a golden timeline replays to the same bytes") {
  const auto d = debriefed("alf-hvp-citrate", "alf-hvp-citrate-competent");
  CHECK(d.replay.timeline == d.golden_text);
  CHECK(d.replay.sha256 == d.timeline.sha256);
  // Every engine step is sampled: the steps' lengths add up to the run.
  long long covered = 0;
  for (const auto& s : d.replay.samples) covered += s.dt;
  CHECK(covered == d.timeline.end);
}

TEST_CASE("the recorded script holds the trainee's and instructor's own acts and no event's") {
  const auto d = debriefed("membrane-access-clotting", "membrane-access-clotting-struggling");
  // Script: silence 16, silence 18, fix_line 24, acknowledge 25, end_without_rinse_back 80 min;
  // the access obstruction and the clotting are the scenario's events.
  const auto& e = d.replay.script.entries;
  REQUIRE(e.size() == 5);
  CHECK(e[0].at == 960);
  CHECK(sim::scenario::entry_name(e[2]) == "fix_line");
  CHECK(e[4].at == 4800);
  const std::string text = sim::debrief::recorded_script_text(d.timeline);
  CHECK(text.find("access_obstruction") == std::string::npos);
}

TEST_CASE("an edited timeline is refused") {
  auto prepared = prepared_scenario("ffp-anaphylactoid");
  std::string text = io::read_file(golden_path("ffp-anaphylactoid-competent"));
  // The antihistamine a minute later than the run gave it.
  const std::string from = "{\"t\":1320,\"kind\":\"action\",\"name\":\"give_drug\"";
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), "{\"t\":1380,\"kind\":\"action\",\"name\":\"give_drug\"");
  const auto t = sim::debrief::parse_timeline(text, "edited.jsonl");
  REQUIRE(t.timeline.has_value());
  const auto check = sim::debrief::replay_timeline(prepared, *t.timeline);
  CHECK_FALSE(check.replay.has_value());
  REQUIRE(check.diagnostics.has_errors());
  CHECK(diag::format(check.diagnostics.items().front()).find("differs from the file") !=
        std::string::npos);
}

TEST_CASE("the start line names the scenario text run and another text is refused") {
  std::string scenario_text;
  auto prepared = prepared_scenario("ffp-anaphylactoid", &scenario_text);
  const std::string text = io::read_file(golden_path("ffp-anaphylactoid-competent"));
  const std::string field = ",\"scenario_sha256\":\"" + io::sha256_hex(scenario_text) + "\"";
  REQUIRE(text.find(field) != std::string::npos);
  const auto t = sim::debrief::parse_timeline(text, "run.jsonl");
  REQUIRE(t.timeline.has_value());
  CHECK(t.timeline->start.scenario_sha256 == io::sha256_hex(scenario_text));
  // The same id and version, edited since the run.
  auto edited = prepared;
  edited.scenario_sha256 = io::sha256_hex(scenario_text + "# edited\n");
  const auto check = sim::debrief::replay_timeline(edited, *t.timeline);
  CHECK_FALSE(check.replay.has_value());
  REQUIRE(check.diagnostics.has_errors());
  CHECK(
      diag::format(check.diagnostics.items().front()).find("the scenario changed since the run") !=
      std::string::npos);
  // A timeline from before the start line carried the hash still replays byte for byte.
  std::string older = text;
  older.erase(older.find(field), field.size());
  const auto o = sim::debrief::parse_timeline(older, "older.jsonl");
  REQUIRE(o.timeline.has_value());
  CHECK(o.timeline->start.scenario_sha256.empty());
  const auto replay = sim::debrief::replay_timeline(prepared, *o.timeline);
  REQUIRE(replay.replay.has_value());
  CHECK(replay.replay->timeline == older);
}

TEST_CASE("a timeline of another scenario version is refused") {
  auto prepared = prepared_scenario("ffp-anaphylactoid");
  std::string text = io::read_file(golden_path("ffp-anaphylactoid-competent"));
  const auto at = text.find("\"version\":\"1\"");
  REQUIRE(at != std::string::npos);
  text.replace(at, 13, "\"version\":\"2\"");
  const auto t = sim::debrief::parse_timeline(text, "v2.jsonl");
  REQUIRE(t.timeline.has_value());
  CHECK_FALSE(sim::debrief::replay_timeline(prepared, *t.timeline).replay.has_value());
}

TEST_CASE("a broken timeline line is reported at its line") {
  const auto t = sim::debrief::parse_timeline(
      "{\"t\":0,\"kind\":\"start\",\"scenario\":\"x\",\"version\":\"1\",\"seed\":1,"
      "\"duration_s\":60}\nnot json\n{\"t\":60,\"kind\":\"end\"}\n",
      "broken.jsonl");
  CHECK_FALSE(t.timeline.has_value());
  REQUIRE(t.diagnostics.has_errors());
  CHECK(t.diagnostics.items().front().where.line == 2);
}

TEST_CASE("a counterfactual keeps the past and changes only what follows") {
  const auto d = debriefed("alf-hvp-citrate", "alf-hvp-citrate-struggling");
  // What if the struggling trainee had turned the warmer on when the cold FFP arrived?
  sim::scenario::ScriptEntry warmer;
  warmer.at = 1200;
  warmer.what = sim::Action{sim::SetBloodWarmer{true}};
  const auto what_if = sim::debrief::counterfactual(d.prepared, d.timeline, 1200, {warmer});
  // Identical before 20 min: the first lines up to the cold FFP event match byte for byte.
  const auto cut = d.golden_text.find("{\"t\":1200,");
  REQUIRE(cut != std::string::npos);
  CHECK(what_if.timeline.substr(0, cut) == d.golden_text.substr(0, cut));
  CHECK(what_if.timeline != d.golden_text);
  // Recorded actions after 20 min are replaced: the late calcium check is gone.
  CHECK(what_if.timeline.find("\"t\":4500,\"kind\":\"action\"") == std::string::npos);
  // The warmer keeps the patient warmer than the recorded run did.
  double recorded_min = 99.0, what_if_min = 99.0;
  for (const auto& s : d.replay.samples) recorded_min = std::min(recorded_min, s.temp);
  for (const auto& s : what_if.samples) what_if_min = std::min(what_if_min, s.temp);
  CHECK(what_if_min > recorded_min);
  // Scored on its own timeline, the warmer is now on time.
  const auto t = sim::debrief::parse_timeline(what_if.timeline, "what-if.jsonl");
  REQUIRE(t.timeline.has_value());
  const auto list = sim::debrief::check_critical_actions(d.prepared.scenario, *t.timeline);
  CHECK(list.back().id == "warm_ffp");
  CHECK(list.back().status == sim::debrief::Status::met);
}

}  // namespace
}  // namespace lb::testing
