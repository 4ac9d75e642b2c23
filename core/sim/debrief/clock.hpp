// Simulated times as the debrief writes them: "h:mm:ss" from the start of the run, the way a
// trainer reads a timeline ("0:07:22 citrate toxicity began").
#pragma once

#include <string>

#include "sim/scenario/scenario.hpp"

namespace lb::sim::debrief {

std::string clock(scenario::SimTime t);
/// A duration in words: "45 s", "12 min 30 s", "2 h 5 min".
std::string span(scenario::SimTime seconds);

}  // namespace lb::sim::debrief
