// The arguments of a simulator action as timeline fields, in the units scripts write them
// ("rate_mL_h": 10), so the debrief and a reader of the timeline see what was done.
#pragma once

#include "sim/model/action.hpp"
#include "sim/run/json_line.hpp"

namespace lb::sim::run {

/// Adds the action's arguments to `line` (nothing for actions without arguments).
void describe_action(const Action& action, JsonLine& line);

}  // namespace lb::sim::run
