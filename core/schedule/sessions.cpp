#include "schedule/sessions.hpp"

#include <algorithm>
#include <cmath>

#include "text/format.hpp"
#include "units/compare.hpp"

namespace lb::schedule {

TimedCourse place_sessions(const protocol::ScheduleSettings& s, units::Duration session_duration) {
  TimedCourse out;
  const auto days = protocol::session_days(s);
  const units::Duration first = s.earliest_start;
  const units::Duration gap = s.min_gap.value_or(units::hours(0));
  for (std::size_t i = 0; i < days.size(); ++i) {
    TimedSession t;
    t.number = static_cast<int>(i) + 1;
    t.pattern_day = days[i];
    t.start = first + units::days(days[i] - 1);
    if (i > 0) {
      // Never closer than the minimum gap (nor overlapping the previous session).
      const units::Duration earliest = out.sessions.back().end + gap;
      if (t.start < earliest) {
        t.moved = "moved " + text::fixed(units::in_hours(earliest - t.start), 1) +
                  " h later to keep " +
                  (s.min_gap ? "the minimum gap of " + text::fixed(units::in_hours(gap), 1) + " h"
                             : std::string("clear of the previous session"));
        t.start = earliest;
      }
    }
    t.day = 1 + static_cast<int>(std::floor(units::in_days(t.start - first) + 1e-9));
    t.end = t.start + session_duration;
    t.labs_due = t.end + s.labs_after;
    out.sessions.push_back(t);
  }
  for (int n : s.reassess_after) {
    if (n >= 1 && n <= static_cast<int>(out.sessions.size())) out.sessions[n - 1].reassess = true;
  }
  if (s.reassess_after.empty() && !out.sessions.empty()) out.sessions.back().reassess = true;
  if (s.course_days_max && !out.sessions.empty() && out.sessions.back().day > *s.course_days_max) {
    out.warnings.push_back("session " + std::to_string(out.sessions.back().number) +
                           " falls on course day " + std::to_string(out.sessions.back().day) +
                           ", after the protocol's last day " + std::to_string(*s.course_days_max));
  }
  return out;
}

}  // namespace lb::schedule
