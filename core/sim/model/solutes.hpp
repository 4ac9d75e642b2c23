// Bilirubin and ammonia in the simulator, through the planner's own kinetics engine
// (kinetics/compartment.hpp): every step advances the plasma and extravascular values with
// kinetics::after_session (plasma being exchanged) or kinetics::after_interval (no exchange),
// with the protocol's kinetics parameters for this patient. So the planner's predicted
// post-session value and the simulator's trace are one model (tests/unit/sim_model).
//
// The ledger counts the amount in the body, PV·(Cp + (1 − f)/f·Ce) µmol: in by production and
// replacement, out with the removed plasma (Simpson's rule over the step, from the half-step
// value) and by the patient's own return towards the baseline.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kinetics/compartment.hpp"
#include "patient/patient.hpp"
#include "protocol/protocol.hpp"
#include "sim/model/factors.hpp"
#include "sim/model/kernel.hpp"
#include "sim/model/session_setup.hpp"

namespace lb::sim {

struct SoluteModel {
  protocol::Solute solute = protocol::Solute::bilirubin;
  /// The kinetics parameters in µmol/L (Q = AmountConcentration); `replacement` and `stages`
  /// are set per step from the fluids running.
  kinetics::Params<units::AmountConcentration> params;
  units::AmountConcentration ffp_concentration{};      ///< C_r of FFP
  units::AmountConcentration albumin_concentration{};  ///< C_r of the albumin solution
  units::AmountConcentration baseline{};
  std::string basis;  ///< where the parameters come from (protocol kinetics, source)
};

struct SoluteModels {
  std::vector<SoluteModel> models;
  /// Prothrombin activity and fibrinogen under the protocol's kinetics (unset: an engine
  /// built without a protocol uses factor_models(patient, parameters)).
  std::optional<FactorModels> factors;
  std::vector<std::string> problems;  ///< why a solute is not simulated
};

/// Bilirubin and ammonia as the protocol's kinetics section models them for `patient` (the
/// patient's lab is the baseline). A solute without a protocol model or a baseline lab is
/// not simulated, with the reason in `problems`.
SoluteModels solute_models(const protocol::Protocol& protocol, const patient::Patient& patient,
                           const SessionSetup& first_session, const Parameters& parameters);

namespace kernel {

/// One solute's kernel values (µmol/L) and ledger.
struct SoluteSlot {
  double* plasma;
  double* extravascular;
  Ledger* ledger;
};

/// The amount in the body (µmol) of a solute at (cp, ce).
double solute_amount(const SoluteModel& m, double plasma_l, double cp, double ce);

/// One step of dt seconds with the device's fluxes.
void step_solute(SoluteSlot slot, const SoluteModel& m, const Fluxes& f, double plasma_l,
                 double dt_s);

}  // namespace kernel

}  // namespace lb::sim
