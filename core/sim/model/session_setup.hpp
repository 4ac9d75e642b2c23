// A simulated session starts from a real plan: the planner's own figures for one session of
// the course (flows from the separation engine, replacement volumes from the replacement
// orders, the anticoagulant and its citrate content from the citrate engine, the calcium
// order from the protocol), so the simulator runs what the planner prescribed. Device flows
// after a trainee changes the inlet flow or the inlet:AC ratio are recomputed by the same
// separation engine (device_flows), never by a second formula.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/finding.hpp"
#include "plan/plan.hpp"
#include "plan/plan_sources.hpp"
#include "protocol/protocol.hpp"
#include "sim/model/action.hpp"
#include "units/quantities.hpp"

namespace lb::sim {

using Device = protocol::SeparationTechnique;

/// The flows of the device at one setting, from session::separation_run.
struct DeviceFlows {
  units::Flow inlet;            ///< inlet pump (centrifugal: blood + AC) or blood pump (membrane)
  bool inlet_capped = false;    ///< the AC infusion-rate limit lowered the inlet
  units::Flow whole_blood;      ///< blood drawn from the patient
  units::Flow ac;               ///< AC pump (0 without citrate)
  units::Flow plasma_removal;   ///< plasma to waste
  units::Fraction ac_returned;  ///< share of the AC (and its citrate) returned to the patient
};

struct SessionSetup {
  int number = 1;            ///< 1-based session of the course
  units::Duration start;     ///< from the course start (0 without a course)
  units::Duration duration;  ///< planned run time
  Device device = Device::centrifugal;
  units::Volume exchange;      ///< plasma to remove this session
  units::Fraction hematocrit;  ///< the patient's, as the planner used it
  units::Volume total_blood_volume;
  units::Volume plasma_volume;
  DeviceFlows flows;  ///< at the planned setting
  // replacement
  units::Fraction fluid_balance = units::percent(100);
  units::Fraction ffp_share = units::fraction(1.0);  ///< of the replacement volume
  bool ffp_last = false;                             ///< albumin solution first, FFP last
  units::Volume ffp_volume;                          ///< per session, as ordered
  units::Volume albumin_volume;
  units::MassConcentration albumin_concentration = units::g_per_l(50);
  /// What the fluids carry (protocol replacement.composition; unset: not given).
  protocol::FluidComposition ffp_composition, albumin_composition;
  // anticoagulation
  protocol::Anticoagulant anticoagulant = protocol::Anticoagulant::citrate;
  std::optional<units::VolumeRatio> ac_ratio;  ///< inlet:AC (citrate only)
  units::AmountConcentration ac_citrate = units::mmol_per_l(0);
  /// Citrate in FFP. With citrate anticoagulation: the protocol's ffp_citrate, or 0 when the
  /// protocol gives none (not counted, as the planner does not count it; `findings` holds the
  /// planner's warning). Unset (heparin, none): the protocol has no place for it and
  /// Parameters::ffp_citrate applies (the planner computes no citrate rate then).
  std::optional<units::AmountConcentration> ffp_citrate;
  bool ffp_citrate_from_protocol = false;
  std::optional<protocol::HeparinSettings> heparin;
  /// The protocol's calcium infusion during the run (calcium gluconate per hour).
  std::optional<SetCalciumInfusion> calcium;
  /// The planner's citrate infusion-rate limit for this patient (liver-failure limit when it
  /// applies); unset without citrate.
  std::optional<units::DoseRate> citrate_rate_limit;
  units::Mass weight;
  units::Volume extracorporeal_volume;  ///< protocol value, or unset → Parameters default
  bool extracorporeal_from_protocol = false;
  /// The inputs of separation_run, kept to recompute the flows at a new setting.
  protocol::SeparationSettings separation;
  explain::Derived<units::Volume> exchange_figure;
  explain::Derived<units::Volume> tbv_figure;
  /// Warnings about the setup the planner gives too (FFP citrate not counted).
  std::vector<diag::Finding> findings;
  /// Where each value came from ("inlet flow 50 mL/min: separation engine (Tormey 2010)").
  std::vector<std::string> provenance;
};

/// Either a setup or why the plan cannot be simulated (no separation section, a refused plan).
struct SetupResult {
  std::optional<SessionSetup> setup;
  std::string problem;
};

/// Session `number` (1-based) of `plan`, made with `protocol`.
SetupResult session_setup(const plan::Plan& plan, const protocol::Protocol& protocol, int number);

/// The device flows at inlet (or blood) flow `inlet` and inlet:AC `ratio`, by the planner's
/// separation engine. Throws std::invalid_argument for a non-positive flow.
DeviceFlows device_flows(const SessionSetup& s, units::Flow inlet,
                         std::optional<units::VolumeRatio> ratio);

/// A plan and the protocol it was made with, from the texts a user gives.
struct SimulationSources {
  std::optional<plan::Plan> plan;
  std::optional<protocol::Protocol> protocol;
  std::vector<std::string> problems;  ///< why there is no plan (refusal, diagnostics)
};
SimulationSources simulation_from_sources(const plan::PlanSources& sources);

}  // namespace lb::sim
