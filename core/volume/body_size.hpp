// Body-size measures: BMI and ideal body weight (Devine, Robinson, Miller).
#pragma once

#include "explain/derivation.hpp"
#include "model/person.hpp"
#include "protocol/protocol.hpp"
#include "units/quantities.hpp"

namespace lb::volume {

/// BMI = W / H². Derivation id "bmi".
explain::Derived<units::BodyMassIndex> body_mass_index(units::Length height, units::Mass weight);

/// IBW = base + slope × (height in inches − 60). Devine 50.0/45.5 + 2.3 kg/in;
/// Robinson 52/49 + 1.9/1.7; Miller 56.2/53.1 + 1.41/1.36 (male/female).
/// Below 60 in the policy extrapolates or floors at the base (a warning either
/// way); an extrapolation reaching 0 kg is reported as not computed (value 0 kg,
/// method "not computed: ...", a warning with the reason), never thrown.
/// Derivation id "ideal_body_weight".
explain::Derived<units::Mass> ideal_body_weight(protocol::IbwMethod method, model::Sex sex,
                                                units::Length height,
                                                protocol::ShortStaturePolicy below_60_inches);

}  // namespace lb::volume
