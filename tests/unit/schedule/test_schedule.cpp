// Session placement: patterns, the minimum gap as a property over many
// settings, re-assessment points, course_days_max; the local calendar.
#include <doctest/doctest.h>

#include <random>

#include "schedule/calendar.hpp"
#include "schedule/sessions.hpp"
#include "units/compare.hpp"

using namespace lb;
using protocol::SchedulePattern;
using protocol::ScheduleSettings;

namespace {

std::vector<int> days_of(const schedule::TimedCourse& c) {
  std::vector<int> d;
  for (const auto& s : c.sessions) d.push_back(s.day);
  return d;
}

ScheduleSettings settings(int sessions, SchedulePattern p) {
  ScheduleSettings s;
  s.sessions = sessions;
  s.pattern = p;
  return s;
}

}  // namespace

TEST_SUITE("schedule") {
  TEST_CASE("patterns: Larsen daily x3 and PLEXAR alternate days x5") {
    const auto larsen =
        schedule::place_sessions(settings(3, SchedulePattern::daily), units::hours(6));
    CHECK(days_of(larsen) == std::vector<int>{1, 2, 3});
    CHECK(units::in_hours(larsen.sessions[1].start) == doctest::Approx(24.0));
    CHECK(units::in_hours(larsen.sessions[0].end) == doctest::Approx(6.0));
    CHECK(units::in_hours(larsen.sessions[0].labs_due) == doctest::Approx(18.0));
    const auto plexar =
        schedule::place_sessions(settings(5, SchedulePattern::alternate_days), units::hours(2));
    CHECK(days_of(plexar) == std::vector<int>{1, 3, 5, 7, 9});
  }

  TEST_CASE("patterns: daily x3 then alternate days and a custom day list") {
    auto s = settings(6, SchedulePattern::daily_then_alternate);
    s.daily_sessions = 3;
    CHECK(protocol::session_days(s) == std::vector<int>{1, 2, 3, 5, 7, 9});
    auto c = settings(4, SchedulePattern::custom);
    c.days = {1, 2, 4, 8};
    CHECK(days_of(schedule::place_sessions(c, units::hours(2))) == std::vector<int>{1, 2, 4, 8});
  }

  TEST_CASE("earliest start shifts every session and the minimum gap moves a session later") {
    auto s = settings(2, SchedulePattern::daily);
    s.earliest_start = units::hours(6);
    s.min_gap = units::hours(20);
    const auto c = schedule::place_sessions(s, units::hours(8));
    CHECK(units::in_hours(c.sessions[0].start) == doctest::Approx(6.0));
    // Nominal start of session 2: 6 + 24 = 30 h; end of 1 + gap = 14 + 20 = 34 h.
    CHECK(units::in_hours(c.sessions[1].start) == doctest::Approx(34.0));
    CHECK(c.sessions[1].moved == "moved 4.0 h later to keep the minimum gap of 20.0 h");
    CHECK(c.sessions[0].moved.empty());
  }

  TEST_CASE("re-assessment defaults to the last session and follows reassess_after") {
    auto s = settings(3, SchedulePattern::daily);
    auto c = schedule::place_sessions(s, units::hours(2));
    CHECK_FALSE(c.sessions[0].reassess);
    CHECK(c.sessions[2].reassess);
    s.reassess_after = {1};
    c = schedule::place_sessions(s, units::hours(2));
    CHECK(c.sessions[0].reassess);
    CHECK_FALSE(c.sessions[2].reassess);
  }

  TEST_CASE("a session pushed past course_days_max is a warning") {
    auto s = settings(3, SchedulePattern::daily);
    s.course_days_max = 3;
    // Session 2 at 4 + 48 = 52 h (day 3), session 3 at 56 + 48 = 104 h (day 5).
    s.min_gap = units::hours(48);
    const auto c = schedule::place_sessions(s, units::hours(4));
    REQUIRE(c.warnings.size() == 1);
    CHECK(c.warnings[0] == "session 3 falls on course day 5, after the protocol's last day 3");
  }

  TEST_CASE("property: no two sessions closer than the minimum gap and never overlapping") {
    std::mt19937 rng(20261125);
    std::uniform_int_distribution<int> n(1, 12), pattern(0, 3), minutes(10, 60 * 30);
    std::uniform_int_distribution<int> gap_minutes(0, 60 * 60);
    for (int trial = 0; trial < 2000; ++trial) {
      ScheduleSettings s;
      s.sessions = n(rng);
      s.pattern = static_cast<SchedulePattern>(pattern(rng));
      s.daily_sessions = std::min(s.sessions, 3);
      if (s.pattern == SchedulePattern::custom) {
        int day = 0;
        for (int i = 0; i < s.sessions; ++i) s.days.push_back(day += 1 + (i % 3));
      }
      const auto gap = units::minutes(gap_minutes(rng));
      if (trial % 5 != 0) s.min_gap = gap;
      const auto duration = units::minutes(minutes(rng));
      const auto c = schedule::place_sessions(s, duration);
      REQUIRE(static_cast<int>(c.sessions.size()) == s.sessions);
      for (std::size_t i = 1; i < c.sessions.size(); ++i) {
        const auto between = c.sessions[i].start - c.sessions[i - 1].end;
        CAPTURE(trial);
        CHECK(units::at_least(between, s.min_gap.value_or(units::hours(0))));
        CHECK(c.sessions[i].day >= c.sessions[i].pattern_day);
      }
    }
  }

  TEST_CASE("calendar: ISO local times parse and print and bad ones say why") {
    const auto t = schedule::parse_local_time("2026-11-25T08:00");
    REQUIRE(t.value.has_value());
    CHECK(schedule::iso(*t.value) == "2026-11-25T08:00");
    CHECK(schedule::ics_date_time(*t.value) == "20261125T080000");
    CHECK(schedule::readable(*t.value) == "Wed 25 Nov 2026 08:00");
    // Across a month and a year end, in whole minutes.
    CHECK(schedule::iso(schedule::plus(*t.value, units::days(37) + units::minutes(123.4))) ==
          "2027-01-01T10:03");
    CHECK(schedule::parse_local_time("2028-02-29T23:59").value.has_value());
    CHECK(schedule::parse_local_time("2026-11-25T08:00:00").value.has_value());
    const auto feb30 = schedule::parse_local_time("2026-02-30T08:00");
    CHECK_FALSE(feb30.value.has_value());
    CHECK(feb30.error ==
          "'2026-02-30T08:00' is not a calendar date; expected a local date and time as "
          "YYYY-MM-DDTHH:MM, e.g. 2026-11-25T08:00");
    CHECK_FALSE(schedule::parse_local_time("2026-11-25 08:00").value.has_value());
    CHECK_FALSE(schedule::parse_local_time("2026-11-25T24:00").value.has_value());
    CHECK_FALSE(schedule::parse_local_time("2026-11-25T08:00Z").value.has_value());
  }
}
