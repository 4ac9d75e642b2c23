// Prothrombin activity and fibrinogen in the simulator, through the planner's kinetics engine
// (kinetics/compartment.hpp) with the protocol's kinetics for them (kinetics::nominal_params:
// model, return half-time towards the patient's own level, the trend for the diagnosis) and
// the replacement composition the planner reads. So the planner's predicted post-session value
// and the simulator's are one model (tests/unit/sim_model/test_factors.cpp). Where the protocol
// lacks a value the simulator still needs, a simulator parameter stands in and the basis says
// so: the composition of a fluid the plan does not use (the trainee may switch to it), FFP's
// fibrinogen when the protocol gives none, the return half-time when the protocol has no
// kinetics for the quantity.
#pragma once

#include <string>

#include "kinetics/compartment.hpp"
#include "patient/patient.hpp"
#include "protocol/protocol.hpp"
#include "sim/model/kernel.hpp"
#include "sim/model/parameters.hpp"
#include "sim/model/session_setup.hpp"

namespace lb::sim {

/// One clotting quantity: the kinetics parameters (replacement set per step from the fluids
/// running) and what FFP and the albumin solution carry of it.
template <class Q>
struct FactorModel {
  kinetics::Params<Q> params;
  Q ffp{};      ///< C_r of FFP
  Q albumin{};  ///< C_r of the albumin solution
  Q baseline{};
  std::string basis;  ///< where the parameters come from
};

struct FactorModels {
  FactorModel<units::Fraction> pta;  ///< prothrombin activity (a fraction of normal)
  FactorModel<units::MassConcentration> fibrinogen;
};

/// The factor models for `patient` under `protocol` (the patient's labs are the baselines,
/// the parameters' baselines when the file has none).
FactorModels factor_models(const protocol::Protocol& protocol, const patient::Patient& patient,
                           const SessionSetup& first_session, const Parameters& p);

/// The same from the simulator's parameters alone (no protocol kinetics): an engine built
/// without a protocol (unit tests of other sub-models).
FactorModels factor_models(const patient::Patient& patient, const Parameters& p);

namespace kernel {

/// One step of dt seconds: exchange (and FFP given outside the circuit) mixes the plasma
/// towards the fluids' C_r weighted by their flows; production and return towards the
/// patient's own level as the kinetics engine solves them.
void step_factors(Kernel& k, const FactorModels& m, const Fluxes& f, double plasma_l, double dt_s);

}  // namespace kernel

}  // namespace lb::sim
