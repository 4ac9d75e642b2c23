// The citrate reaching the patient, as one model for the planner (citrate.cpp: the session's
// averages) and the simulator (sim/model: the device's flows at the current setting), so the
// same plan gives the same citrate infusion rate in both (LiverBridge clinical reference §5.3):
//   Q_AC = Q_wb / (ratio − 1)
//   CIR  = (Q_AC × c_AC × f_returned + Q_FFP × c_FFP) / weight
// FFP citrate has one source, the protocol's anticoagulation.citrate.ffp_citrate. Without it
// FFP citrate is not counted, and both the planner and the simulator say so with the same
// warning (ffp_citrate_not_counted).
#pragma once

#include <optional>
#include <string>

#include "units/quantities.hpp"

namespace lb::session {

/// AC pump flow: inlet:AC ratio R is R − 1 parts blood to 1 part AC (Terumo BCT Spectra Optia
/// Operator's Manual P/N 777379-124), so Q_AC = Q_wb / (R − 1). Needs R > 1.
units::Flow ac_flow(units::Flow whole_blood, units::VolumeRatio ratio);

/// What carries citrate to the patient, at one moment or averaged over a run.
struct CitrateFlows {
  units::Flow ac = units::ml_per_min(0);                    ///< AC pump
  units::Fraction ac_returned = units::fraction(0);         ///< share of the AC returned
  units::MassConcentration ac_citrate = units::g_per_l(0);  ///< as citric acid
  units::Flow ffp = units::ml_per_min(0);                   ///< FFP given
  /// As citric acid, from the protocol; unset: FFP citrate is not counted.
  std::optional<units::MassConcentration> ffp_citrate;
  units::Mass weight = units::kilograms(70);
};

/// CIR = (Q_AC × c_AC × f_returned + Q_FFP × c_FFP) / weight (c_FFP counted when given).
units::DoseRate citrate_infusion_rate(const CitrateFlows& f);

/// A citrate content given as citric acid (g/L) in mmol/L of citrate (c / 192.12 g/mol).
units::AmountConcentration citrate_amount(units::MassConcentration as_citric_acid);

/// The warning for FFP given under a protocol without `ffp_citrate`.
std::string ffp_citrate_not_counted(units::Volume ffp);

/// 10 % calcium gluconate holds 100 mg of the salt per mL (10 g per 100 mL: United States
/// Pharmacopeia, Calcium Gluconate Injection (USP–NF); LiverBridge clinical reference §5.4).
inline constexpr double kCalciumGluconate10MlPerGram = 10.0;
inline constexpr const char* kCalciumGluconate10Source =
    "United States Pharmacopeia, Calcium Gluconate Injection (USP–NF): 10 % = 100 mg per mL; "
    "LiverBridge clinical reference §5.4";

/// Volume of 10 % calcium gluconate holding `salt` grams of calcium gluconate.
units::Volume calcium_gluconate_10_volume(units::Mass salt);

}  // namespace lb::session
