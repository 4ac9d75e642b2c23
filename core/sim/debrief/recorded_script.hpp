// The action script a timeline records: every action and alarm act taken by the trainee or
// by the instructor directly (not those an event applied: the replay's events apply them
// again), rebuilt as a liverbridge.sim-actions/1 script so the run can be replayed.
#pragma once

#include "sim/debrief/timeline.hpp"

namespace lb::sim::debrief {

/// The script's YAML text: one flow mapping per recorded action, each argument written back
/// with the unit its timeline key names (`rate_mL_h: 20.0` becomes `rate: 20.0 mL/h`).
std::string recorded_script_text(const Timeline& timeline);

/// The recorded script, read by the script loader (its diagnostics name the timeline file).
scenario::ScriptLoad recorded_script(const Timeline& timeline);

}  // namespace lb::sim::debrief
