// The prediction check: for each session, the measured fall of a solute (pre-session to the
// draw the band describes), the planner's predicted fall, and the published band (mean ± 2 SD).
// Predictions appear here and nowhere else in the view.
#pragma once

#include <vector>

#include "bridge/observation.hpp"
#include "bridge/rule.hpp"
#include "bridge/view.hpp"

namespace lb::bridge {

std::vector<PredictionRow> prediction_rows(const Rule& rule, const BridgeInputs& in);

}  // namespace lb::bridge
