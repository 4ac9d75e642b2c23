// Scoring of the bundled scenarios' competent and struggling runs. Every expected time below
// was read from the action scripts (scenarios/scripts/) and the scenario files by hand: a
// script's `at` in seconds, a scheduled event's `at`, the window's `within`; the onset of a
// conditional event (physiology) is read from the golden timeline's event line.
#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "debrief_support.hpp"

namespace lb::testing {
namespace {

using sim::debrief::Status;

void expect(const Debriefed& d, const std::string& id, Status status,
            std::optional<long long> taken) {
  const auto& c = checked(d, id);
  INFO(id);
  CHECK(sim::debrief::kStatusNames.name(c.status) == sim::debrief::kStatusNames.name(status));
  CHECK(c.taken == taken);
}

void all_met(const Debriefed& d) {
  for (const auto& o : d.debrief.analysis.objectives) {
    INFO(d.debrief.stage.scenario << " " << o.id);
    CHECK(sim::debrief::kStatusNames.name(o.status) == "met");
  }
}

TEST_CASE("aclf-albumin-vasovagal: the competent script meets both objectives at once") {
  const auto d = debriefed("aclf-albumin-vasovagal", "aclf-albumin-vasovagal-competent");
  // vasovagal_episode is scheduled at 12 min (720 s); pause at 13 min, order_lab k at 5 min.
  expect(d, "treat_hypotension", Status::met, 780);
  expect(d, "check_potassium", Status::met, 300);
  const auto& lo1 = objective(d, "lo1");
  CHECK(lo1.onset == 720);
  CHECK(lo1.recognised == 780);  // acknowledge map_low at 13 min
  CHECK(lo1.recognised_by == "acknowledge");
  CHECK(lo1.treated == 780);
  CHECK(objective(d, "lo2").recognised == 300);
  all_met(d);
}

TEST_CASE("aclf-albumin-vasovagal: the struggling script treats late and never checks potassium") {
  const auto d = debriefed("aclf-albumin-vasovagal", "aclf-albumin-vasovagal-struggling");
  // Silence at 14 min is not recognition; set_inlet_flow at 22 min is (1320 s).
  expect(d, "treat_hypotension", Status::late, 1320);
  expect(d, "check_potassium", Status::missed, std::nullopt);
  const auto& lo1 = objective(d, "lo1");
  CHECK(lo1.recognised == 1320);
  CHECK(*lo1.recognised - *lo1.onset == 600);
  CHECK(objective(d, "lo2").status == Status::missed);
  // From the start of the run only the check itself recognises: call_for_help does not.
  CHECK_FALSE(objective(d, "lo2").recognised.has_value());
  // 600 s after the window opened, 300 s window: credit 1 − 300/300 = 0; nothing else counts.
  CHECK(d.debrief.analysis.scores.critical_actions == doctest::Approx(0.0));
}

TEST_CASE("ffp-anaphylactoid: the competent script meets every objective") {
  const auto d = debriefed("ffp-anaphylactoid", "ffp-anaphylactoid-competent");
  // reaction scheduled at 20 min; pause 21, give_drug 22, call_for_help 23 min.
  expect(d, "stop_plasma", Status::met, 1260);
  expect(d, "treat_reaction", Status::met, 1320);
  expect(d, "escalate", Status::met, 1380);
  CHECK(objective(d, "lo1").recognised == 1260);
  CHECK(objective(d, "lo2").recognised == 1260);  // declare at 21 min
  CHECK(objective(d, "lo2").treated == 1380);
  all_met(d);
}

TEST_CASE("ffp-anaphylactoid: the struggling script stops the plasma late and never escalates") {
  const auto d = debriefed("ffp-anaphylactoid", "ffp-anaphylactoid-struggling");
  expect(d, "stop_plasma", Status::late, 2400);
  expect(d, "treat_reaction", Status::late, 1740);
  expect(d, "escalate", Status::missed, std::nullopt);
  const auto& lo1 = objective(d, "lo1");
  CHECK(lo1.recognised == 1440);  // acknowledge map_low at 24 min
  CHECK(lo1.treated == 1740);     // give_drug at 29 min
  CHECK(objective(d, "lo2").status == Status::missed);
  // Credits: stop_plasma 1200 s late of 180 → 0; treat_reaction 540 s of 300 → 1 − 240/300.
  CHECK(d.debrief.analysis.scores.critical_actions == doctest::Approx(2.0 * 0.2 / 6.0));
}

TEST_CASE("membrane-access-clotting: the competent script fixes the access and rinses back") {
  const auto d = debriefed("membrane-access-clotting", "membrane-access-clotting-competent");
  expect(d, "fix_access", Status::met, 960);
  // Rinse-back at 56 min, before the filter is half clotted: the clotting event never comes.
  expect(d, "act_on_clotting", Status::not_due, std::nullopt);
  CHECK(objective(d, "lo1").recognised == 960);
  for (const auto& o : d.debrief.analysis.objectives) CHECK(o.status != Status::missed);
  CHECK(objective(d, "lo1").status == Status::met);
}

TEST_CASE("membrane-access-clotting: the struggling script silences and then loses the set") {
  const auto d = debriefed("membrane-access-clotting", "membrane-access-clotting-struggling");
  expect(d, "fix_access", Status::late, 1440);  // check_line at 24 min, window to 20 min
  expect(d, "act_on_clotting", Status::missed, std::nullopt);
  const auto& lo1 = objective(d, "lo1");
  CHECK(lo1.onset == 900);
  CHECK(lo1.recognised == 1440);  // the silences at 16 and 18 min do not count
  CHECK(objective(d, "lo2").onset == event_time(d.golden_text, "return_pressure_rising"));
  CHECK(objective(d, "lo2").status == Status::missed);
}

TEST_CASE("alf-hvp-citrate: the struggling script checks calcium late and forgets the warmer") {
  const auto d = debriefed("alf-hvp-citrate", "alf-hvp-citrate-struggling");
  expect(d, "check_ica_early", Status::late, 4500);
  expect(d, "respond_to_citrate", Status::late, 5700);
  expect(d, "warm_ffp", Status::missed, std::nullopt);
  const auto onset = event_time(d.golden_text, "citrate_toxicity");
  REQUIRE(onset.has_value());
  const auto& lo2 = objective(d, "lo2");
  CHECK(lo2.onset == onset);
  CHECK(lo2.recognised == 4500);  // the first ionised calcium, at 75 min
  CHECK(lo2.treated == 5700);     // the calcium bolus, at 95 min
  CHECK_FALSE(objective(d, "lo3").recognised.has_value());
}

TEST_CASE("alf-hvp-citrate: the competent script checks early and warms the FFP") {
  const auto d = debriefed("alf-hvp-citrate", "alf-hvp-citrate-competent");
  expect(d, "check_ica_early", Status::met, 120);
  expect(d, "warm_ffp", Status::met, 1320);
  // The first relevant act at or after the onset: the script's ionised and total calcium
  // orders (2, 15, 30, 30, 45, 60, 90, 120, 150 min), calcium boluses (5, 35 min) and
  // infusion changes (5, 20, 95, 155 min), set_inlet_flow and declare (62 min), call_for_help
  // (63 min). The blood gas, potassium, coagulation and blood count show neither iCa nor T/iCa.
  const std::vector<long long> recognising{120,  300,  900,  1200, 1800, 2100, 2700, 3600,
                                           3720, 3780, 5400, 5700, 7200, 9000, 9300};
  const auto onset = event_time(d.golden_text, "citrate_toxicity");
  REQUIRE(onset.has_value());
  const auto first = std::find_if(recognising.begin(), recognising.end(),
                                  [&](long long t) { return t >= *onset; });
  REQUIRE(first != recognising.end());
  CHECK(objective(d, "lo2").recognised == *first);
}

TEST_CASE("alf-hvp-citrate: the competent script meets every objective") {
  const auto d = debriefed("alf-hvp-citrate", "alf-hvp-citrate-competent");
  all_met(d);
}

TEST_CASE("post-session-alkalosis: the handover blood gas on time and late") {
  const auto competent = debriefed("post-session-alkalosis", "post-session-alkalosis-competent");
  // The gas at 510 min and the handover event at 510 min fall on the same 60 s step.
  const auto& gas = checked(competent, "gas_at_handover");
  CHECK(gas.status == Status::met);
  CHECK(gas.taken == gas.opens);
  const auto struggling = debriefed("post-session-alkalosis", "post-session-alkalosis-struggling");
  const auto& late = checked(struggling, "gas_at_handover");
  CHECK(late.status == Status::late);
  REQUIRE(late.taken.has_value());
  REQUIRE(late.opens.has_value());
  // 560 min against 510 min, each on the first 60 s step at or after it.
  CHECK(*late.taken - *late.opens == doctest::Approx(3000).epsilon(0.02));
  // The struggling trainee never declares the alkalosis; the competent one does (455 min),
  // within the hour after its onset.
  CHECK(checked(struggling, "declare_alkalosis").status == Status::missed);
  const auto onset = event_time(competent.golden_text, "alkalosis");
  REQUIRE(onset.has_value());
  const auto& declared = checked(competent, "declare_alkalosis");
  CHECK(declared.opens == onset);
  REQUIRE(declared.taken.has_value());
  CHECK(*declared.taken == doctest::Approx(27300).epsilon(0.003));  // on a 60 s step after it
}

TEST_CASE("post-session-alkalosis: the competent script meets every objective") {
  const auto d = debriefed("post-session-alkalosis", "post-session-alkalosis-competent");
  all_met(d);
}

TEST_CASE("instructor acts are listed and never scored") {
  const auto d = debriefed("membrane-access-clotting", "membrane-access-clotting-competent");
  const auto& acts = d.debrief.analysis.instructor_acts;
  REQUIRE(acts.size() == 2);  // access_obstruction at 15 min, circuit_clotting at 40 min
  CHECK(acts[0].action == "access_obstruction");
  CHECK(acts[0].t == 900);
  CHECK(acts[1].event == "filter_clotting");
  // An instructor's fix of the line (on a hand-written timeline) never meets fix_access.
  const std::string text =
      "{\"t\":0,\"kind\":\"start\",\"scenario\":\"membrane-access-clotting\",\"version\":"
      "\"1\",\"seed\":1,\"duration_s\":5400}\n"
      "{\"t\":900,\"kind\":\"event\",\"event\":\"access_failure\",\"type\":\"scheduled\"}\n"
      "{\"t\":910,\"kind\":\"action\",\"name\":\"fix_line\",\"by\":\"instructor\","
      "\"fix\":\"flush_line\"}\n"
      "{\"t\":1500,\"kind\":\"action\",\"name\":\"fix_line\",\"by\":\"trainee\","
      "\"fix\":\"check_line\"}\n"
      "{\"t\":5400,\"kind\":\"end\"}\n";
  const auto t = sim::debrief::parse_timeline(text, "hand.jsonl");
  REQUIRE(t.timeline.has_value());
  const auto list = sim::debrief::check_critical_actions(d.prepared.scenario, *t.timeline);
  REQUIRE_FALSE(list.empty());
  CHECK(list[0].id == "fix_access");
  CHECK(list[0].taken == 1500);
  CHECK(list[0].status == Status::late);
}

}  // namespace
}  // namespace lb::testing
