// The deviations over the whole run (sim/debrief/deviation_detectors.hpp): FFP before the
// albumin when the plan orders FFP last, FFP with the warmer off, labs overdue and an exchange
// ended below the plan's target. Each is tested on small hand-made runs (exact times and
// volumes), on real replays (the replay fills the device's state the detectors read) and on
// the bundled golden runs (competent runs free of them, struggling runs not).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "debrief_support.hpp"
#include "sim/debrief/deviation_detectors.hpp"

namespace lb::testing {
namespace {

namespace db = sim::debrief;
using sim::DeviceMode;

/// `n` one-second steps from `from`, each a copy of `like` at its own time.
std::vector<db::Sample> steps(db::SimTime from, db::SimTime n, db::Sample like) {
  std::vector<db::Sample> out;
  for (db::SimTime i = 0; i < n; ++i) {
    like.t = from + i;
    like.dt = 1;
    out.push_back(like);
  }
  return out;
}

void append(std::vector<db::Sample>& a, const std::vector<db::Sample>& b) {
  a.insert(a.end(), b.begin(), b.end());
}

sim::scenario::ScriptEntry entry(db::SimTime at, sim::Action a,
                                 sim::scenario::Actor by = sim::scenario::Actor::trainee) {
  sim::scenario::ScriptEntry e;
  e.at = at;
  e.what = std::move(a);
  e.actor = by;
  return e;
}

std::vector<db::Deviation> with_code(const std::vector<db::Deviation>& all, const char* code) {
  std::vector<db::Deviation> out;
  std::copy_if(all.begin(), all.end(), std::back_inserter(out),
               [&](const db::Deviation& d) { return d.code == std::string(code); });
  return out;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

db::Sample running() {
  db::Sample s;
  s.mode = DeviceMode::running;
  return s;
}

// ---- FFP last -------------------------------------------------------------------------------

sim::SessionSetup ffp_last_session() {
  sim::SessionSetup s;
  s.ffp_last = true;
  s.ffp_share = units::fraction(0.4);
  s.albumin_volume = units::milliliters(2000);
  s.exchange = units::milliliters(3000);
  return s;
}

TEST_CASE("FFP started before the planned albumin volume is a deviation when FFP goes last") {
  db::Replay r;
  auto before = running();
  before.ffp_last = true;
  before.albumin_replaced_ml = 1200.0;
  r.samples = steps(0, 600, before);
  auto after = running();
  after.albumin_replaced_ml = 2100.0;
  after.ffp_last = true;
  append(r.samples, steps(600, 600, after));
  r.script.entries.push_back(entry(300, sim::SetReplacementMix{units::percent(50)}));
  r.script.entries.push_back(
      entry(310, sim::SetReplacementMix{units::percent(50)}, sim::scenario::Actor::instructor));
  r.script.entries.push_back(entry(320, sim::SetReplacementMix{units::percent(0)}));
  r.script.entries.push_back(entry(900, sim::SetReplacementMix{units::percent(50)}));
  const auto list = db::ffp_before_albumin(ffp_last_session(), r);
  REQUIRE(list.size() == 1);
  CHECK(list[0].t == 300);
  CHECK(list[0].code == std::string(db::kFfpBeforeAlbumin));
  CHECK(list[0].action == "set_replacement_mix");
  CHECK(has(list[0].message, "1200 mL of the planned 2000 mL"));
  CHECK(has(list[0].message, "50 %"));
  // Without the protocol's sequence the same act is no deviation.
  auto no_order = ffp_last_session();
  no_order.ffp_last = false;
  CHECK(db::ffp_before_albumin(no_order, r).empty());
}

TEST_CASE("changing the share of FFP already running does not start FFP") {
  db::Replay r;
  auto s = running();
  s.ffp_last = false;
  s.ffp_share = 0.3;
  s.albumin_replaced_ml = 500.0;
  r.samples = steps(0, 600, s);
  r.script.entries.push_back(entry(100, sim::SetReplacementMix{units::percent(60)}));
  CHECK(db::ffp_before_albumin(ffp_last_session(), r).empty());
  // With the share at 0 (albumin only) FFP starts again: a deviation.
  for (auto& x : r.samples) x.ffp_share = 0.0;
  CHECK(db::ffp_before_albumin(ffp_last_session(), r).size() == 1);
}

TEST_CASE("a replay of an FFP-last plan finds FFP started early and not once the albumin is in") {
  auto prepared = prepared_scenario("aclf-albumin-vasovagal");
  REQUIRE(prepared.session.ffp_last);
  REQUIRE(units::above(prepared.session.albumin_volume, units::milliliters(0)));
  prepared.scenario.duration_s = 15 * 60;
  sim::scenario::Script script;
  script.entries.push_back(entry(10 * 60, sim::SetReplacementMix{units::percent(50)}));
  const auto early = db::replay_run(prepared, 20261204, script);
  const auto list = db::ffp_before_albumin(prepared.session, early);
  REQUIRE(list.size() == 1);
  CHECK(list[0].t == 600);
  // The replay counted the albumin given before the act (the scenario's albumin-only event).
  const auto* at = db::sample_at(early.samples, 600);
  REQUIRE(at != nullptr);
  CHECK(at->albumin_replaced_ml > 0.0);
  CHECK(at->albumin_replaced_ml < units::in_milliliters(prepared.session.albumin_volume));
  // The same act by the instructor is not the trainee's.
  script.entries.front().actor = sim::scenario::Actor::instructor;
  CHECK(
      db::ffp_before_albumin(prepared.session, db::replay_run(prepared, 20261204, script)).empty());
}

// ---- FFP with the warmer off ----------------------------------------------------------------

TEST_CASE("each stretch of FFP with the warmer off is one deviation when the scenario expects") {
  sim::scenario::Scenario scenario;
  scenario.expectations.warmer_with_ffp = true;
  auto cold = running();
  cold.ffp_ml = 0.5;
  auto warm = cold;
  warm.warmer = true;
  auto samples = steps(0, 120, cold);      // 2 min, 60 mL
  append(samples, steps(120, 600, warm));  // warmed
  append(samples, steps(720, 30, cold));   // 30 s, 15 mL
  auto no_ffp = running();
  append(samples, steps(750, 100, no_ffp));  // warmer off, no FFP: nothing to warm
  const auto list = db::ffp_warmer_off(scenario, samples);
  REQUIRE(list.size() == 2);
  CHECK(list[0].t == 0);
  CHECK(list[0].code == std::string(db::kFfpWarmerOff));
  CHECK(has(list[0].message, "2 min"));
  CHECK(has(list[0].message, "60 mL"));
  CHECK(list[1].t == 720);
  CHECK(has(list[1].message, "30 s"));
  CHECK(has(list[1].message, "15 mL"));
  // A scenario that does not set the expectation is not checked.
  scenario.expectations.warmer_with_ffp = false;
  CHECK(db::ffp_warmer_off(scenario, samples).empty());
}

TEST_CASE("the replay records the warmer and the FFP replacement of each step") {
  auto prepared = prepared_scenario("alf-hvp-citrate");
  REQUIRE(prepared.scenario.expectations.warmer_with_ffp);
  prepared.scenario.duration_s = 20 * 60;
  sim::scenario::Script script;
  script.entries.push_back(entry(5 * 60, sim::SetBloodWarmer{true}));
  auto list = db::ffp_warmer_off(prepared.scenario, db::replay_run(prepared, 1, script).samples);
  REQUIRE(list.size() == 1);
  CHECK(list[0].t == 0);
  CHECK(has(list[0].message, "5 min ("));
  script.entries.front().at = 0;
  CHECK(db::ffp_warmer_off(prepared.scenario, db::replay_run(prepared, 1, script).samples).empty());
}

// ---- labs overdue ---------------------------------------------------------------------------

db::ActionLine order(db::SimTime t, const std::string& lab,
                     sim::scenario::Actor by = sim::scenario::Actor::trainee) {
  db::ActionLine a;
  a.t = t;
  a.name = "order_lab";
  a.lab = lab;
  a.by = by;
  return a;
}

TEST_CASE("each gap longer than the scenario's expected_every is a lab overdue") {
  sim::scenario::Scenario scenario;
  sim::scenario::LabPanel ica;
  ica.panel = "ica";
  ica.expected_every_s = 1800;
  sim::scenario::LabPanel k;
  k.panel = "k";  // no expectation: never checked
  scenario.labs = {ica, k};
  db::Timeline t;
  t.end = 7200;
  t.actions = {order(1700, "ica"), order(3500, "ica", sim::scenario::Actor::instructor),
               order(4000, "ica"), order(4100, "blood_gas")};
  // The session runs from 0 to 5500 s, then the device has ended.
  auto samples = steps(0, 5500, running());
  db::Sample ended;
  ended.mode = DeviceMode::ended;
  append(samples, steps(5500, 1700, ended));
  const auto list = db::labs_overdue(scenario, t, samples);
  // 0→1700 is within 30 min; 1700→4000 (the instructor's order does not count) is not;
  // 4000→5500 (the session's end) is within.
  REQUIRE(list.size() == 1);
  CHECK(list[0].t == 1700 + 1800);
  CHECK(list[0].code == std::string(db::kLabOverdue));
  CHECK(has(list[0].message, "ica not ordered for 38 min 20 s"));
  CHECK(has(list[0].message, "every 30 min"));
  // Without orders, the whole session is one gap, overdue from 30 min.
  t.actions.clear();
  const auto none = db::labs_overdue(scenario, t, samples);
  REQUIRE(none.size() == 1);
  CHECK(none[0].t == 1800);
  CHECK(has(none[0].message, "the session's end"));
  // Exactly the expected interval is on time.
  t.actions = {order(1800, "ica"), order(3600, "ica"), order(5400, "ica")};
  CHECK(db::labs_overdue(scenario, t, samples).empty());
  // A session that begins during the first step (the device idle at its start, as at the
  // start of a run) counts from that step's start.
  samples.front().mode = DeviceMode::idle;
  CHECK(db::labs_overdue(scenario, t, samples).empty());
  t.actions = {order(1801, "ica"), order(3600, "ica"), order(5400, "ica")};
  const auto late = db::labs_overdue(scenario, t, samples);
  REQUIRE(late.size() == 1);
  CHECK(late[0].t == 1800);
}

// ---- exchange below target ------------------------------------------------------------------

TEST_CASE("a session the trainee ends below the plan's exchange is a deviation naming both") {
  db::Replay r;
  auto s = running();
  s.removed_ml = 1850.0;
  r.samples = steps(0, 100, s);
  db::Sample rinsing;
  rinsing.mode = DeviceMode::rinse_back;
  rinsing.removed_ml = 1850.0;
  append(r.samples, steps(100, 100, rinsing));
  r.script.entries.push_back(entry(50, sim::RinseBack{}));
  r.script.entries.push_back(entry(150, sim::EndWithoutRinseBack{}));  // already ending
  const auto list = db::exchange_below_target(ffp_last_session(), r);
  REQUIRE(list.size() == 1);
  CHECK(list[0].t == 50);
  CHECK(list[0].action == "rinse_back");
  CHECK(list[0].code == std::string(db::kExchangeBelowTarget));
  CHECK(has(list[0].message, "1850 mL"));
  CHECK(has(list[0].message, "3000 mL"));
  // The target reached, or the instructor's act: none.
  for (auto& x : r.samples) x.removed_ml = 3000.0;
  CHECK(db::exchange_below_target(ffp_last_session(), r).empty());
  for (auto& x : r.samples) x.removed_ml = 1850.0;
  r.script.entries.front().actor = sim::scenario::Actor::instructor;
  CHECK(db::exchange_below_target(ffp_last_session(), r).empty());
}

// ---- the golden runs ------------------------------------------------------------------------

TEST_CASE("the competent FFP-citrate run shows none of the run's deviations") {
  const auto d = debriefed("alf-hvp-citrate", "alf-hvp-citrate-competent");
  const auto& all = d.debrief.analysis.deviations;
  CHECK(with_code(all, db::kFfpWarmerOff).empty());
  CHECK(with_code(all, db::kLabOverdue).empty());
  CHECK(with_code(all, db::kExchangeBelowTarget).empty());
  CHECK(with_code(all, db::kFfpBeforeAlbumin).empty());
}

TEST_CASE("the struggling FFP-citrate run left FFP cold and the ionised calcium overdue") {
  const auto d = debriefed("alf-hvp-citrate", "alf-hvp-citrate-struggling");
  const auto& all = d.debrief.analysis.deviations;
  const auto cold = with_code(all, db::kFfpWarmerOff);
  REQUIRE(cold.size() == 1);  // the warmer was never turned on
  CHECK(cold[0].t == 0);
  const auto labs = with_code(all, db::kLabOverdue);
  // First iCa at 75 min, the next at 130 min: overdue from 30, 105 and 160 min.
  REQUIRE(labs.size() == 3);
  CHECK(labs[0].t == 30 * 60);
  CHECK(labs[1].t == 105 * 60);
  CHECK(labs[2].t == 160 * 60);
  CHECK(std::is_sorted(all.begin(), all.end(),
                       [](const db::Deviation& a, const db::Deviation& b) { return a.t < b.t; }));
}

TEST_CASE("ending a membrane exchange early is below the plan's target") {
  const auto struggling =
      debriefed("membrane-access-clotting", "membrane-access-clotting-struggling");
  const auto ended = with_code(struggling.debrief.analysis.deviations, db::kExchangeBelowTarget);
  REQUIRE(ended.size() == 1);
  CHECK(ended[0].t == 80 * 60);
  CHECK(ended[0].action == "end_without_rinse_back");
}

}  // namespace
}  // namespace lb::testing
