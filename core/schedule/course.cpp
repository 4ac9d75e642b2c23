#include "schedule/course.hpp"

#include <string>
#include <vector>

#include "text/format.hpp"

namespace lb::course {

std::string pattern_text(const protocol::ScheduleSettings& s) {
  const std::string n = std::to_string(s.sessions) + (s.sessions == 1 ? " session" : " sessions");
  switch (s.pattern) {
    case protocol::SchedulePattern::daily: return n + ", daily";
    case protocol::SchedulePattern::alternate_days: return n + ", on alternate days";
    case protocol::SchedulePattern::daily_then_alternate:
      return n + ", daily for " + std::to_string(s.daily_sessions) + " then on alternate days";
    case protocol::SchedulePattern::custom: {
      std::vector<std::string> days;
      for (int d : s.days) days.push_back(std::to_string(d));
      return n + ", on days " + text::join(days);
    }
  }
  return n;
}

std::string criterion_text(const protocol::StopCriterion& c) {
  if (!c.lab) return c.event;
  return std::string(protocol::to_string(*c.lab)) + " " +
         std::string(protocol::to_string(c.comparison)) + " " + c.target_text;
}

}  // namespace lb::course
