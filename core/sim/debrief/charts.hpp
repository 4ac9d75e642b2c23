// The debrief's synchronised charts: the replay's samples every kChartEvery_s of iCa, T/iCa,
// citrate, MAP, heart rate, volume deficit, temperature, pH and potassium, and the markers
// (trainee and instructor actions, alarms, events) drawn across all of them.
#pragma once

#include "sim/debrief/debrief.hpp"

namespace lb::sim::debrief {

std::vector<ChartSeries> chart_series(const std::vector<Sample>& samples);
std::vector<Marker> chart_markers(const Timeline& t);

}  // namespace lb::sim::debrief
