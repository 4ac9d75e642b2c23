// Placing the protocol's sessions in time (LiverBridge clinical reference §8): on the
// pattern's days at the clock time of the first session, never closer to the
// previous session than the minimum gap (a session that would be is moved
// later and says so), with the efficacy labs due `labs_after` after each
// session and the re-assessment points. Times are offsets from the course
// start (`--start`); the calendar dates are added by the caller when known.
#pragma once

#include <string>
#include <vector>

#include "protocol/course_settings.hpp"
#include "units/quantities.hpp"

namespace lb::schedule {

struct TimedSession {
  int number = 1;         ///< 1-based
  int day = 1;            ///< course day (1 = day of the first session)
  int pattern_day = 1;    ///< the day the pattern asked for
  units::Duration start;  ///< from the course start
  units::Duration end;
  units::Duration labs_due;  ///< efficacy labs, from the course start
  bool reassess = false;     ///< re-assess the course after these labs
  std::string moved;         ///< why the session was moved later, or ""
};

struct TimedCourse {
  std::vector<TimedSession> sessions;
  /// Problems the timing caused (e.g. the last session beyond course_days_max).
  std::vector<std::string> warnings;
};

TimedCourse place_sessions(const protocol::ScheduleSettings& s, units::Duration session_duration);

}  // namespace lb::schedule
