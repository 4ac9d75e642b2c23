// The debrief as JSON (schema "liverbridge.sim-debrief/1", documented field by field in
// docs/simulation-debrief.md): keys in a fixed order, times as whole simulated seconds from
// the start of the run, numbers rounded to fixed decimals, so the same run gives the same
// bytes.
#pragma once

#include <string>

#include "sim/debrief/debrief.hpp"

namespace lb::sim::debrief {

/// Pretty-printed (two spaces), ending with a newline.
std::string debrief_json(const Debrief& d);

}  // namespace lb::sim::debrief
