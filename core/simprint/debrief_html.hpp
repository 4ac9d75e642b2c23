// The debrief of a simulated run as one self-contained printable HTML page (inline CSS and
// SVG charts, no scripts, no external files): the same page, style sheet and escaping as the
// planner's printable plan (print/page.hpp, report::html_escape), in PEARLS order.
#pragma once

#include <string>

#include "sim/debrief/debrief.hpp"

namespace lb::simprint {

std::string render_debrief_html(const sim::debrief::Debrief& d);

}  // namespace lb::simprint
