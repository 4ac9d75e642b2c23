// Course figures computed from measured values only, added as observations before the rules
// are evaluated: sessions recorded, the bilirubin rebound (TBRR) between consecutive
// sessions, and the change of each efficacy item since its first value. Predictions are not
// observations, so none of these is ever computed from a predicted lab.
#pragma once

#include <vector>

#include "bridge/observation.hpp"

namespace lb::bridge {

/// The derived observations at `in.at` (not including `in.observations` themselves).
std::vector<Observation> derived_observations(const BridgeInputs& in);

/// The values a trend compares: not drawn within `equilibration` after a session
/// (immediately-post samples overstate the effect, ASFA 2023).
bool equilibrated(const Observation& o, units::Duration equilibration);

}  // namespace lb::bridge
