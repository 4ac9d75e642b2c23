// The debrief as plain text for a terminal or a file, in PEARLS order: set the stage,
// reactions, description (the narrative, hidden moments marked), analysis, summary.
#pragma once

#include <string>

#include "sim/debrief/debrief.hpp"

namespace lb::sim::debrief {

std::string debrief_text(const Debrief& d);

}  // namespace lb::sim::debrief
