#include "sim/debrief/alarm_handling.hpp"

#include <algorithm>

#include "sim/debrief/clock.hpp"

namespace lb::sim::debrief {

AlarmHandling alarm_handling(const Timeline& t) {
  AlarmHandling out;
  std::vector<std::size_t> open;  // index of each alarm's open episode
  const auto find_open = [&](const std::string& alarm) -> AlarmEpisode* {
    for (const auto i : open) {
      if (out.episodes[i].alarm == alarm && !out.episodes[i].ended) return &out.episodes[i];
    }
    return nullptr;
  };
  for (const auto& a : t.alarms) {
    AlarmEpisode* e = find_open(a.alarm);
    if (a.from == "inactive" && a.to != "inactive" && e == nullptr) {
      open.push_back(out.episodes.size());
      out.episodes.push_back({a.alarm, a.priority, a.cause, a.t, std::nullopt, std::nullopt, 0});
      e = &out.episodes.back();
    }
    if (e == nullptr) continue;
    if (a.cause == "acknowledged" && !e->acknowledged) e->acknowledged = a.t;
    if (a.cause == "silenced") ++e->silenced;
    if (a.to == "inactive") e->ended = a.t;
  }
  std::vector<SimTime> delays;
  for (const auto& e : out.episodes) {
    ++out.count;
    out.silences += e.silenced;
    if (e.acknowledged) {
      ++out.acknowledged;
      delays.push_back(*e.acknowledged - e.began);
    } else if (e.priority == "high") {
      out.unacknowledged_high.push_back(e.alarm + " at " + clock(e.began));
    }
  }
  if (!delays.empty()) {
    std::sort(delays.begin(), delays.end());
    const std::size_t n = delays.size();
    const double median = n % 2 == 1 ? static_cast<double>(delays[n / 2])
                                     : 0.5 * static_cast<double>(delays[n / 2 - 1] + delays[n / 2]);
    out.median_to_acknowledge = units::seconds(median);
  }
  return out;
}

double alarm_score(const AlarmHandling& a) {
  return a.count > 0 ? static_cast<double>(a.acknowledged) / a.count : 1.0;
}

}  // namespace lb::sim::debrief
