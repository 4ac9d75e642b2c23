// Alarm handling in a run, from the timeline's alarm transitions and the trainee's alarm acts:
// how many alarms sounded, how long each took to be acknowledged, which high-priority alarms
// were never acknowledged, how often the tone was silenced instead.
//
// An alarm episode begins when an alarm goes from inactive to sounding (its condition, or an
// instructor's injection) and ends when it returns to inactive. It is handled when the
// trainee acknowledged it during the episode; silencing only pauses the tone and is counted
// separately.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/debrief/timeline.hpp"
#include "units/quantities.hpp"

namespace lb::sim::debrief {

struct AlarmEpisode {
  std::string alarm, priority, cause;  ///< cause: condition or injected
  SimTime began = 0;
  std::optional<SimTime> ended;         ///< none: still on at the end of the run
  std::optional<SimTime> acknowledged;  ///< by the trainee
  int silenced = 0;
};

struct AlarmHandling {
  std::vector<AlarmEpisode> episodes;
  int count = 0;  ///< episodes
  int acknowledged = 0;
  int silences = 0;
  std::optional<units::Duration> median_to_acknowledge;  ///< none: nothing acknowledged
  std::vector<std::string> unacknowledged_high;          ///< "map_low at 11:49"
};

AlarmHandling alarm_handling(const Timeline& t);

/// The composite score's alarm share: acknowledged ÷ episodes (1 when none sounded).
double alarm_score(const AlarmHandling& a);

}  // namespace lb::sim::debrief
