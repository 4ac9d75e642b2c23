// Total blood volume estimators (LiverBridge clinical reference §2). Each returns a derivation
// with id "total_blood_volume", the formula, inputs, source and applicability
// warnings.
#pragma once

#include <optional>

#include "explain/derivation.hpp"
#include "model/person.hpp"
#include "protocol/protocol.hpp"
#include "units/quantities.hpp"

namespace lb::volume {

/// Nadler 1962: male 0.3669 H³ + 0.03219 W + 0.6041; female 0.3561 H³ +
/// 0.03308 W + 0.1833 (H in m, W in kg, TBV in L). Warns below `min_weight`
/// (not applicable) and when BMI ≥ 30 (suggests Lemmens).
explain::Derived<units::Volume> nadler_blood_volume(model::Sex sex, units::Length height,
                                                    units::Mass weight, units::Mass min_weight);

/// TBV = weight × mL/kg. Warns when BMI ≥ 30 (weight-based rules overestimate
/// blood volume in obesity). `bmi` may be omitted when unknown.
explain::Derived<units::Volume> weight_based_blood_volume(units::Mass weight,
                                                          units::VolumePerMass per_kg,
                                                          std::optional<units::BodyMassIndex> bmi);

/// Lemmens–Bernstein–Brodsky 2006: TBV = W × ref / sqrt(BMI / ref_BMI)
/// (ref 70 mL/kg at BMI 22).
explain::Derived<units::Volume> lemmens_blood_volume(units::Length height, units::Mass weight,
                                                     units::VolumePerMass reference,
                                                     units::BodyMassIndex reference_bmi);

/// Gilcher's rule of five: TBV = W × mL/kg for sex and build (table values are
/// (unverified) and flagged as such in the derivation).
explain::Derived<units::Volume> gilcher_blood_volume(model::Sex sex, model::Build build,
                                                     units::Mass weight,
                                                     const protocol::GilcherTable& table);

/// Chooses and runs the method the protocol asks for: Nadler falls back to
/// weight-based below the Nadler minimum weight (with a warning); obese_switch_bmi
/// switches any method to Lemmens at BMI ≥ the switch (checked first; noted in
/// the method). Gilcher without a build is an error the caller must prevent
/// (throws std::invalid_argument).
///
/// All estimators throw std::invalid_argument for a non-positive or non-finite
/// height, weight or coefficient.
explain::Derived<units::Volume> blood_volume(const protocol::BloodVolumeSettings& settings,
                                             model::Sex sex, units::Length height,
                                             units::Mass weight, std::optional<model::Build> build);

}  // namespace lb::volume
