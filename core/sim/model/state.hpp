// The state of the virtual patient and the device as typed quantities: what the engine hands
// out (Engine::state()), what observables, traces and the lab queue read. Built from the
// kernel's plain numbers once per call (state.cpp), never inside the step.
#pragma once

#include <optional>

#include "sim/model/kernel.hpp"
#include "sim/model/quantities.hpp"
#include "units/quantities.hpp"

namespace lb::sim {

using DeviceMode = kernel::Mode;

struct DeviceState {
  DeviceMode mode = DeviceMode::idle;
  int session = 0;  ///< 1-based session of the course, 0 before the first
  units::Duration session_elapsed;
  units::Flow inlet_flow, whole_blood_flow, ac_flow, plasma_removal, replacement_flow;
  units::Flow return_flow;
  units::VolumeRatio ac_ratio;  ///< 0 without citrate
  units::Fraction fluid_balance, ffp_share;
  units::Volume processed, removed, replaced_ffp, replaced_albumin, ac_used, in_circuit;
  units::Volume exchange_target;
  units::Pressure access_pressure, return_pressure;
  units::Fraction clot_index;
  units::Fraction access_available;
  bool warmer = false;
};

struct Infusions {
  AmountRate calcium;    ///< continuous infusion
  AmountRate potassium;  ///< KCl
  units::DoseRate norepinephrine;
};

struct Signs {
  bool paraesthesia = false;  ///< felt; reported only when the patient can report
  bool paraesthesia_reported = false;
  bool nausea = false;
  bool tetany = false;
  bool shivering = false;
  bool hypotension = false;
  int urticaria_grade = 0;  ///< allergic reaction grade 0–3
};

struct State {
  units::Duration elapsed;
  DeviceState device;
  // citrate and calcium
  Amount citrate_amount, calcium_amount;
  units::AmountConcentration citrate, ionised_calcium, total_calcium, calcium_citrate;
  units::Fraction calcium_ratio;  ///< total / ionised
  // acid-base and potassium
  units::AmountConcentration bicarbonate, potassium;
  units::Pressure pco2;
  units::Fraction ph;
  // volume and haemodynamics
  units::Volume volume_deficit;
  units::Fraction volume_deficit_share;  ///< of TBV
  units::Pressure mean_arterial_pressure;
  Frequency heart_rate;
  units::Fraction spo2;
  units::Duration qtc;
  // solutes (unset when the protocol does not model them)
  std::optional<units::AmountConcentration> bilirubin, ammonia;
  // blood
  units::Fraction pta;
  units::MassConcentration fibrinogen, haemoglobin;
  units::CellConcentration platelets;
  units::Fraction hematocrit;
  Temperature temperature;
  Infusions infusions;
  Signs signs;
};

/// The typed state of a kernel (tbv in L, for the deficit share).
State to_state(const kernel::Kernel& k, double tbv_l, double red_cell_haemoglobin_g_per_l,
               bool can_report_symptoms);

}  // namespace lb::sim
