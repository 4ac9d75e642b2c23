// The debrief's synchronised charts as inline SVG for the printable page: one small chart per
// series on the same time axis, with the markers (actions, instructor acts, alarms, events)
// as vertical lines across each, labelled in a legend table rather than by colour alone.
#pragma once

#include <string>

#include "sim/debrief/debrief.hpp"

namespace lb::simprint {

/// An <svg> element for `series` (escaped; width in mm for print).
std::string chart_svg(const sim::debrief::ChartSeries& series,
                      const std::vector<sim::debrief::Marker>& markers, long long duration_s);

}  // namespace lb::simprint
