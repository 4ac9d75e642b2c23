// The training-simulation window driven headless (ui/sim/). A recorded run (the bundled
// competent script of alf-hvp-citrate) is replayed through the window's own route (each
// entry taken at its time, as a trainee's click would) and must give the golden timeline of
// the command line byte for byte; then every panel is drawn from that run and used: the
// monitor, the patient, the alarms (acknowledge), the device, the labs (order, pending,
// results, trend), the action bar (a typed bolus taken, an impossible one refused with the
// reader's words), the time controls (speeds, pause, the ×60 limit, skip to the next result,
// the slow-down on a high-priority alarm), the instructor console (inject, suppress,
// parameter, freeze, flag, end) and rewind-and-retry, which branches and keeps the old attempt.
#include <doctest/doctest.h>

#include <string>

#include "headless.hpp"
#include "io/atomic_write.hpp"
#include "sim/scenario/script_loader.hpp"
#include "sim/sim_panels.hpp"
#include "sim/sim_state.hpp"

namespace {

using lb::gui::test::example_options;
using lb::gui::test::Headless;
namespace simui = lb::simui;

const std::string kSource = LB_SOURCE_DIR;
const std::string kScenario = kSource + "/scenarios/alf-hvp-citrate.yaml";
const std::string kScript = kSource + "/scenarios/scripts/alf-hvp-citrate-competent.yaml";
const std::string kGolden =
    kSource + "/scenarios/golden/alf-hvp-citrate-competent.seed-20261204.jsonl";

lb::sim::scenario::Script competent() {
  auto load = lb::sim::scenario::load_script_file(kScript);
  REQUIRE(load.script.has_value());
  return *load.script;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// The first time a high-priority alarm sounds in this run from now on, found on a copy of
/// the runner (a copy is a snapshot: the run itself does not move).
lb::sim::scenario::SimTime first_high_alarm(const simui::SimState& s) {
  lb::sim::run::Runner probe = *simui::runner(s);
  while (!probe.finished() && probe.sounding() != lb::sim::alarms::Priority::high) probe.advance();
  REQUIRE_FALSE(probe.finished());
  return probe.now();
}

struct SimHeadless : Headless {
  SimHeadless() : Headless(example_options("hvp-alf-larsen-2016")) {
    REQUIRE(simui::start_scenario_file(state.sim, kScenario));
    frames(2);
  }
  const std::string& timeline() { return simui::runner(state.sim)->timeline(); }
};

}  // namespace

TEST_SUITE("gui") {
  TEST_CASE("a recorded run replayed through the window gives the command line's golden timeline") {
    SimHeadless h;
    simui::replay(h.state.sim, competent(), 1'000'000);
    REQUIRE(simui::runner(h.state.sim)->finished());
    CHECK(h.timeline() == lb::io::read_file(kGolden));
  }

  TEST_CASE("the bedside draws every panel of a recorded run with the training label") {
    SimHeadless h;
    simui::replay(h.state.sim, competent(), 50 * 60);  // up to the bolus at 45 min
    h.state.sim.screen = simui::Screen::bedside;
    h.frames(2);
    for (const char* name :
         {"sim.label", "sim.monitor.hr", "sim.monitor.map", "sim.monitor.spo2", "sim.monitor.temp",
          "sim.monitor.ecg", "sim.monitor.qtc", "sim.patient.says", "sim.patient.shows",
          "sim.device.mode", "sim.device.table", "sim.alarms.end", "sim.lab.order.ica",
          "sim.lab.results", "sim.lab.trend.ica", "sim.action.take", "sim.time.clock"}) {
      CHECK_MESSAGE(h.drawn(name), name);
    }
    // Two iCa results were reported: the trend is drawn from both, and the instructor's
    // truth is not on the bedside.
    CHECK_FALSE(h.drawn("sim.truth"));
    // The ventilated patient of this scenario says nothing, and the window says why.
    CHECK_FALSE(simui::runner(h.state.sim)->engine().body().can_report_symptoms);
  }

  TEST_CASE("an alarm is acknowledged from the alarm panel and the timeline says so") {
    SimHeadless h;
    simui::run_until(h.state.sim, first_high_alarm(h.state.sim));
    REQUIRE(simui::runner(h.state.sim)->alarm_board().state("map_low") ==
            lb::sim::alarms::State::active);
    h.frames(2);
    REQUIRE(h.drawn("sim.alarm.map_low.ack"));
    h.click("sim.alarm.map_low.ack");
    CHECK(simui::runner(h.state.sim)->alarm_board().state("map_low") ==
          lb::sim::alarms::State::acknowledged);
    CHECK(contains(h.timeline(),
                   "\"name\":\"acknowledge\",\"by\":\"trainee\",\"alarm\":\"map_low\""));
  }

  TEST_CASE("a lab ordered from the lab panel is pending then reported and skip jumps to it") {
    SimHeadless h;
    h.click("sim.lab.order.ica");
    auto* r = simui::runner(h.state.sim);
    REQUIRE(r->lab_queue().pending().size() == 1);
    CHECK(r->reported().empty());
    h.click("sim.time.skip");
    REQUIRE(r->reported().size() == 1);
    CHECK(r->reported().front().due == 180);  // the scenario's ica turnaround, 3 min
    CHECK(r->now() == 181);                   // the step after the result
    CHECK(contains(h.timeline(), "\"kind\":\"lab_result\",\"panel\":\"ica\""));
  }

  TEST_CASE("the action bar takes a typed calcium bolus and refuses an impossible one") {
    SimHeadless h;
    h.choose("sim.action.combo", "sim.action.pick.ca_bolus");
    h.type_into("sim.action.field.volume", "10");
    h.click("sim.action.take");
    CHECK(h.state.sim.action_problem.empty());
    CHECK(contains(h.timeline(), "\"name\":\"ca_bolus\",\"by\":\"trainee\""));
    CHECK(contains(h.timeline(), "\"volume_mL\":10.0"));
    h.type_into("sim.action.field.volume", "-5");
    h.click("sim.action.take");
    CHECK(contains(h.state.sim.action_problem, "volume"));
    CHECK(h.drawn("sim.action.problem"));
  }

  TEST_CASE("the time controls run at the speed chosen and x60 waits for the end of the session") {
    SimHeadless h;
    h.click("sim.time.speed.10");
    CHECK(h.state.sim.speed == 10.0);
    h.click("sim.time.run");
    REQUIRE_FALSE(h.state.sim.paused);
    const auto t0 = simui::runner(h.state.sim)->now();
    h.frames(60);  // one wall second at 1/60 s a frame
    const auto t1 = simui::runner(h.state.sim)->now();
    CHECK(t1 - t0 >= 9);
    CHECK(t1 - t0 <= 11);
    // A session is connected: x60 is refused.
    CHECK_FALSE(simui::speed_allowed(h.state.sim, 60.0));
    h.click("sim.time.speed.60");
    CHECK(h.state.sim.speed == 10.0);
    h.click("sim.time.run");
    CHECK(h.state.sim.paused);
  }

  TEST_CASE("a high-priority alarm slows the run to x1") {
    SimHeadless h;
    const auto alarm_at = first_high_alarm(h.state.sim);
    REQUIRE(alarm_at > 30);
    simui::run_until(h.state.sim, alarm_at - 30);
    simui::set_speed(h.state.sim, 10.0);
    simui::set_paused(h.state.sim, false);
    for (int i = 0; i < 600 && h.state.sim.speed > 1.0; ++i) h.frame();  // 30 s at ×10
    CHECK(h.state.sim.speed == 1.0);
    CHECK(h.state.sim.slowed_for_alarm);
    CHECK(simui::runner(h.state.sim)->sounding() == lb::sim::alarms::Priority::high);
  }

  TEST_CASE("every instructor act is logged as the instructor's") {
    SimHeadless h;
    h.state.sim.screen = simui::Screen::instructor;
    h.frames(2);
    CHECK(h.drawn("sim.truth"));
    h.click("sim.event.cold_ffp_batch.inject");
    CHECK(
        contains(h.timeline(),
                 "\"kind\":\"instructor\",\"act\":\"inject_event\",\"event\":\"cold_ffp_batch\""));
    CHECK(contains(h.timeline(), "\"event\":\"cold_ffp_batch\",\"type\":\"injected\""));
    {  // without the suppression the conditional event fires by 900 s
      lb::sim::run::Runner probe = *simui::runner(h.state.sim);
      while (probe.now() < 900) probe.advance();
      REQUIRE(
          contains(probe.timeline(), "\"event\":\"citrate_toxicity\",\"type\":\"conditional\""));
    }
    h.click("sim.event.citrate_toxicity.suppress");
    CHECK(contains(h.timeline(), "\"act\":\"suppress_event\",\"event\":\"citrate_toxicity\""));
    h.click("sim.instructor.alarm.inlet_pressure_low.inject");
    CHECK(contains(h.timeline(), "\"name\":\"inject_alarm\",\"by\":\"instructor\""));
    h.click("sim.instructor.freeze");
    CHECK(h.state.sim.frozen);
    const auto t = simui::runner(h.state.sim)->now();
    simui::set_paused(h.state.sim, false);
    h.frames(30);
    CHECK(simui::runner(h.state.sim)->now() == t);  // frozen: time stands still
    h.click("sim.instructor.freeze");
    CHECK_FALSE(h.state.sim.frozen);
    h.type_into("sim.instructor.flag.note", "watch the ratio");
    h.click("sim.instructor.flag");
    CHECK(contains(h.timeline(), "\"act\":\"flag\",\"note\":\"watch the ratio\""));
    // The suppressed conditional never fires, though its condition holds.
    simui::run_until(h.state.sim, 900);
    CHECK_FALSE(contains(h.timeline(), "\"event\":\"citrate_toxicity\",\"type\":\"conditional\""));
    h.click("sim.instructor.end");
    CHECK(simui::runner(h.state.sim)->finished());
    CHECK(contains(h.timeline(), "\"act\":\"end_scenario\""));
  }

  TEST_CASE("an instructor parameter override changes the physiology from then on") {
    SimHeadless h;
    auto& r = *simui::runner(h.state.sim);
    simui::run_until(h.state.sim, 600);
    const auto& p = r.engine().parameters();
    const double before = p.citrate_clearance.value;
    REQUIRE(r.set_parameter("citrate_clearance", 0.71));
    CHECK(r.engine().parameters().citrate_clearance.value == 0.71);
    CHECK(before != 0.71);
    CHECK(contains(r.timeline(), "\"act\":\"set_parameter\",\"parameter\":\"citrate_clearance\""));
    CHECK_FALSE(r.set_parameter("no_such_parameter", 1.0));
  }

  TEST_CASE("rewind and retry branches the attempt and keeps the old one") {
    SimHeadless h;
    simui::run_until(h.state.sim, 16 * 60);
    const auto& first = h.state.sim.branches.front();
    REQUIRE(first.snapshots.size() == 4);  // 0, 5, 10 and 15 min
    CHECK(first.snapshots[1].t == 300);
    const std::string old_timeline = first.runner.timeline();
    h.state.sim.screen = simui::Screen::instructor;
    h.frames(2);
    h.click("sim.snapshot.1");
    REQUIRE(h.state.sim.branches.size() == 2);
    CHECK(h.state.sim.current == 1);
    CHECK(simui::runner(h.state.sim)->now() == 300);
    CHECK(h.state.sim.branches[0].runner.now() == 16 * 60);  // the old attempt is kept
    CHECK(h.state.sim.branches[0].runner.timeline() == old_timeline);
    CHECK(contains(h.timeline(), "\"act\":\"rewind\",\"from_attempt\":\"1\",\"attempt\":\"2\""));
    CHECK(h.drawn("sim.attempt.1"));
    CHECK(h.drawn("sim.attempt.2"));
  }

  TEST_CASE("the library lists the bundled scenarios and starts one") {
    Headless h(example_options("hvp-alf-larsen-2016"));
    h.click("menu.training");
    h.frames(2);
    h.click("menu.training.library");
    REQUIRE(h.state.sim.active);
    CHECK(h.state.sim.library.size() >= 5);
    h.frames(2);
    h.click("sim.library.alf-hvp-citrate");
    h.click("sim.library.start");
    REQUIRE(simui::runner(h.state.sim) != nullptr);
    CHECK(h.state.sim.screen == simui::Screen::bedside);
    CHECK(h.state.sim.source == "scenario alf-hvp-citrate");
    h.click("sim.back");
    CHECK_FALSE(h.state.sim.active);
  }

  TEST_CASE("train on this plan runs the planner's patient and protocol") {
    Headless h(example_options("hvp-alf-larsen-2016"));
    lb::simui::train_on_plan(h.state);
    REQUIRE(simui::runner(h.state.sim) != nullptr);
    CHECK(h.state.sim.problems.empty());
    const auto& r = *simui::runner(h.state.sim);
    CHECK(r.scenario().id == "plan-session");
    // The run lasts the planned session and the hour after it.
    CHECK(r.scenario().duration_s >=
          3600 + static_cast<long long>(lb::units::in_seconds(r.session().duration)));
    h.frames(2);
    CHECK(h.drawn("sim.monitor.hr"));
  }

  TEST_CASE("the debrief screen asks for the self-rating first then shows the debrief of the run") {
    SimHeadless h;
    simui::flag_moment(h.state.sim, "first ratio");  // a flag changes nothing in the run
    simui::replay(h.state.sim, competent(), 1'000'000);
    REQUIRE(simui::runner(h.state.sim)->finished());
    h.state.sim.screen = simui::Screen::debrief;
    h.frames(2);
    CHECK_FALSE(h.state.sim.debrief.has_value());  // no score before the rating
    h.click("sim.debrief.rating.4");
    REQUIRE(h.state.sim.debrief.has_value());
    CHECK(h.drawn("sim.debrief.body"));
    CHECK(h.state.sim.debrief->stage.seed == 20261204);
    CHECK(h.state.sim.debrief->reactions.self_rating == 4);
    CHECK(h.state.sim.debrief->stage.scenario == "alf-hvp-citrate");
  }

  TEST_CASE("a run with the instructor's acts gets a debrief that lists them and the flag") {
    SimHeadless h;
    h.state.sim.screen = simui::Screen::instructor;
    h.frames(2);
    h.click("sim.event.cold_ffp_batch.inject");
    h.type_into("sim.instructor.flag.note", "watch the ratio");
    h.click("sim.instructor.flag");
    simui::run_until(h.state.sim, 600);
    h.click("sim.event.citrate_toxicity.suppress");
    // A value with more decimals than the timeline keeps: the console sets what it logs.
    h.type_into("sim.instructor.parameter.value", "0.123456");
    h.click("sim.instructor.parameter.set");
    CHECK(contains(h.timeline(), "\"act\":\"set_parameter\""));
    CHECK(contains(h.timeline(), "\"value\":\"0.1235\""));
    simui::run_until(h.state.sim, 1800);
    h.click("sim.instructor.end");
    REQUIRE(simui::runner(h.state.sim)->finished());
    h.state.sim.screen = simui::Screen::debrief;
    h.frames(2);
    h.click("sim.debrief.rating.3");
    INFO(h.state.sim.debrief_problem);
    REQUIRE(h.state.sim.debrief.has_value());
    const auto& acts = h.state.sim.debrief->analysis.instructor_acts;
    const auto listed = [&](const std::string& action) {
      for (const auto& a : acts) {
        if (a.action.rfind(action, 0) == 0) return true;
      }
      return false;
    };
    CHECK(listed("inject_event"));
    CHECK(listed("flag: watch the ratio"));
    CHECK(listed("suppress_event"));
    CHECK(listed("set_parameter"));
    CHECK(listed("end_scenario"));
    h.frames(2);
    CHECK(h.state.sim.debrief_view.flagged_rows == 1);
  }

  TEST_CASE("a run the debrief cannot replay gets no debrief and the screen says why") {
    SimHeadless h;
    simui::run_until(h.state.sim, 1'000'000);
    // The scenario as loaded now is not the one the run was made from.
    h.state.sim.prepared->scenario.version = "2-edited";
    simui::current_branch(h.state.sim)->self_rating = 3;
    h.state.sim.screen = simui::Screen::debrief;
    h.frames(2);
    CHECK_FALSE(h.state.sim.debrief.has_value());
    CHECK(contains(h.state.sim.debrief_problem, "was recorded with scenario"));
    CHECK(h.drawn("sim.debrief.problem"));
  }
}
