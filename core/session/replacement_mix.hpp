// How a protocol's replacement mix splits the replacement volume between FFP
// and albumin solution. The orders (session/replacement.cpp), the cohort hot
// path and the kinetics engine (kinetics/replacement_supply.cpp, which reads
// each fluid's composition in the order the fluids are given) all use it.
#pragma once

#include "protocol/session_settings.hpp"
#include "units/quantities.hpp"

namespace lb::session {

/// The share of the replacement volume given as FFP for an exchange of
/// `exchange` (for mix ffp_units the share depends on the volume; capped at 1).
units::Fraction ffp_share(const protocol::ReplacementSettings& r, units::Volume exchange);

}  // namespace lb::session
