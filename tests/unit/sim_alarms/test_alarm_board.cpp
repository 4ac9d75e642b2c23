// The alarm state machine: onset, clearing, latching, acknowledge, silence and re-alarm,
// instructor injection and suppression, and the transition log the timeline is built from.
#include <doctest/doctest.h>

#include <stdexcept>

#include "sim/alarms/alarm_board.hpp"

using namespace lb::sim::alarms;

namespace {
AlarmBoard board() {
  return AlarmBoard({
      AlarmSpec{"map_low", Source::monitor, Priority::high, false, 120},
      AlarmSpec{"inlet_pressure_low", Source::device, Priority::medium, true, 60},
      AlarmSpec{"ac_ratio", Source::device, Priority::low, false, 60},
  });
}
}  // namespace

TEST_SUITE("sim_alarms") {
  TEST_CASE("a non-latching alarm sounds while its condition holds and stops when it clears") {
    auto b = board();
    b.set_condition(10, "map_low", true);
    CHECK(b.state("map_low") == State::active);
    b.set_condition(11, "map_low", true);  // no new transition while it persists
    b.set_condition(40, "map_low", false);
    CHECK(b.state("map_low") == State::inactive);
    REQUIRE(b.transitions().size() == 2);
    CHECK(b.transitions()[0].t_s == 10);
    CHECK(b.transitions()[0].cause == Cause::condition);
    CHECK(b.transitions()[1].t_s == 40);
    CHECK(b.transitions()[1].cause == Cause::cleared);
  }

  TEST_CASE("a latching alarm keeps sounding after its condition clears until acknowledged") {
    auto b = board();
    b.set_condition(5, "inlet_pressure_low", true);
    b.set_condition(20, "inlet_pressure_low", false);
    CHECK(b.state("inlet_pressure_low") == State::active);
    CHECK(b.acknowledge(30, "inlet_pressure_low"));
    CHECK(b.state("inlet_pressure_low") == State::inactive);
    CHECK(b.transitions().back().cause == Cause::acknowledged);
  }

  TEST_CASE("acknowledging a persisting alarm keeps it visible until the condition clears") {
    auto b = board();
    b.set_condition(0, "map_low", true);
    CHECK(b.acknowledge(15, "map_low"));
    CHECK(b.state("map_low") == State::acknowledged);
    CHECK_FALSE(b.acknowledge(16, "map_low"));  // already acknowledged: nothing to do
    b.set_condition(50, "map_low", false);
    CHECK(b.state("map_low") == State::inactive);
    b.set_condition(70, "map_low", true);  // a new episode sounds again
    CHECK(b.state("map_low") == State::active);
  }

  TEST_CASE("silence pauses the tone for the alarm's silence time then re-alarms") {
    auto b = board();
    b.set_condition(0, "map_low", true);
    CHECK(b.silence(10, "map_low"));
    CHECK(b.state("map_low") == State::silenced);
    b.tick(129);
    CHECK(b.state("map_low") == State::silenced);
    b.tick(130);
    CHECK(b.state("map_low") == State::active);
    CHECK(b.transitions().back().cause == Cause::silence_ended);
  }

  TEST_CASE("a silenced non-latching alarm whose condition clears ends") {
    auto b = board();
    b.set_condition(0, "ac_ratio", true);
    CHECK(b.silence(1, "ac_ratio"));
    b.set_condition(20, "ac_ratio", false);
    CHECK(b.state("ac_ratio") == State::inactive);
    b.tick(200);
    CHECK(b.state("ac_ratio") == State::inactive);
  }

  TEST_CASE("a silenced latching alarm sounds again after the silence even when cleared") {
    auto b = board();
    b.set_condition(0, "inlet_pressure_low", true);
    CHECK(b.silence(1, "inlet_pressure_low"));
    b.set_condition(5, "inlet_pressure_low", false);
    CHECK(b.state("inlet_pressure_low") == State::silenced);
    b.tick(61);
    CHECK(b.state("inlet_pressure_low") == State::active);
  }

  TEST_CASE("silence and acknowledge are refused on an inactive alarm and log nothing") {
    auto b = board();
    CHECK_FALSE(b.silence(0, "map_low"));
    CHECK_FALSE(b.acknowledge(0, "map_low"));
    CHECK(b.transitions().empty());
  }

  TEST_CASE("instructor injection raises an alarm without its condition until released") {
    auto b = board();
    b.inject(100, "map_low");
    CHECK(b.state("map_low") == State::active);
    CHECK(b.transitions().back().cause == Cause::injected);
    b.set_condition(101, "map_low", false);  // the true state does not clear an injection
    CHECK(b.state("map_low") == State::active);
    b.release(160, "map_low");
    CHECK(b.state("map_low") == State::inactive);
    CHECK(b.transitions().back().cause == Cause::released);
  }

  TEST_CASE("instructor suppression holds an alarm inactive whatever its condition") {
    auto b = board();
    b.set_condition(0, "map_low", true);
    b.suppress(10, "map_low");
    CHECK(b.state("map_low") == State::inactive);
    CHECK(b.transitions().back().cause == Cause::suppressed);
    b.set_condition(11, "map_low", true);
    CHECK(b.state("map_low") == State::inactive);
    b.release(30, "map_low");  // the condition still holds: it sounds again
    CHECK(b.state("map_low") == State::active);
  }

  TEST_CASE("the highest sounding priority counts active and silenced alarms only") {
    auto b = board();
    CHECK_FALSE(b.highest_sounding().has_value());
    b.set_condition(0, "ac_ratio", true);
    CHECK(b.highest_sounding() == Priority::low);
    b.set_condition(0, "map_low", true);
    CHECK(b.highest_sounding() == Priority::high);
    CHECK(b.acknowledge(1, "map_low"));
    CHECK(b.highest_sounding() == Priority::low);
  }

  TEST_CASE("an alarm id the scenario did not define is refused") {
    auto b = board();
    CHECK_THROWS_AS(b.set_condition(0, "spo2_low", true), std::out_of_range);
  }
}
