// Plasma volume estimators (LiverBridge clinical reference §2.5, §2.6). Derivation id
// "plasma_volume".
#pragma once

#include "explain/derivation.hpp"
#include "protocol/protocol.hpp"
#include "units/quantities.hpp"

namespace lb::volume {

/// PV = TBV × (1 − Hct). `tbv` is the derivation that produced TBV (its id is
/// referenced from this derivation's inputs). Hct outside [0, 1) throws
/// std::invalid_argument (plausibility ranges are the patient loader's job).
explain::Derived<units::Volume> plasma_volume_from_hematocrit(
    const explain::Derived<units::Volume>& tbv, units::Fraction hematocrit);

/// Kaplan: PV = factor × W × (1 − Hct), factor 0.065 L/kg by default
/// (unverified, flagged in the derivation).
explain::Derived<units::Volume> kaplan_plasma_volume(units::Mass weight, units::Fraction hematocrit,
                                                     units::VolumePerMass factor);

}  // namespace lb::volume
