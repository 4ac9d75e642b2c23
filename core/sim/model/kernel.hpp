// The simulator's inner state as plain numbers, for the step kernels (docs/simulation.md
// §Kernel units). Every field is in the unit its name or comment gives: volumes in L, flows
// in L/min, amounts in mmol (solutes: µmol), concentrations in mmol/L (solutes: µmol/L),
// time in s (elapsed) and min (rates), temperature in °C, pressure in mmHg. The typed API is
// State (state.hpp): Engine::state() converts once per call, never inside the step.
//
// The struct is a value type: copying it is the engine's snapshot, so everything that
// decides the future of a run (settings, pending boluses, event effects, ledgers) is here.
#pragma once

#include <array>

namespace lb::sim::kernel {

enum class Mode { idle, running, paused, rinse_back, ended };

/// The number of sim::Fluid values (action.hpp; device.cpp checks they agree).
inline constexpr int kFluidKinds = 4;

/// Inflow and outflow of one conserved quantity since the start; the amount must equal
/// initial + in − out (mass-balance tests, every step).
struct Ledger {
  double initial = 0.0;
  double in = 0.0;
  double out = 0.0;
  [[nodiscard]] double expected() const { return initial + in - out; }
};

/// The flows of one step, from the device sub-model (L/min, mmol/min).
struct Fluxes {
  double whole_blood = 0.0;    ///< drawn from the patient
  double ac_to_patient = 0.0;  ///< AC returned with the blood
  double plasma_removed = 0.0;
  double ffp = 0.0;        ///< replacement given as FFP
  double albumin = 0.0;    ///< replacement given as albumin solution
  double fluid = 0.0;      ///< fluid boluses outside the circuit
  double fluid_ffp = 0.0;  ///< of which FFP (carries citrate and calcium)
  double bleeding = 0.0;
  double citrate_in = 0.0;      ///< mmol/min reaching the patient
  double calcium_in = 0.0;      ///< mmol/min from replacement and infusions
  double potassium_in = 0.0;    ///< mmol/min
  double return_flow = 0.0;     ///< blood returned to the patient
  double circuit_return = 0.0;  ///< circuit blood returned at rinse-back
};

/// Volumes and constants of this patient derived once at construction.
struct Body {
  double weight = 70.0;             ///< kg
  double ecf = 14.0;                ///< L: citrate and ultrafilterable calcium space
  double plasma = 3.0;              ///< L: planner's plasma volume
  double blood = 5.0;               ///< L: planner's TBV
  double bicarbonate_space = 35.0;  ///< L
  double albumin = 40.0;            ///< g/L
  double red_cells = 2.0;           ///< L of red cells at the start
  bool can_report_symptoms = true;  ///< false with hepatic encephalopathy grade ≥ 3
};

struct Kernel {
  // meta
  double elapsed_s = 0.0;
  double session_elapsed_s = 0.0;  ///< running time of the current session
  int session = -1;                ///< index of the current (or last) session, −1 before any
  Mode mode = Mode::idle;
  // device settings (trainee)
  double inlet_set = 0.0;  ///< L/min inlet (centrifugal) or blood (membrane) pump
  double ac_ratio = 0.0;   ///< inlet:AC, 0 without citrate
  double fluid_balance = 1.0;
  double ffp_share = 1.0;
  bool ffp_last = false;          ///< albumin first, FFP once the albumin volume is given
  double albumin_planned = 0.0;   ///< L per session (for the FFP-last switch)
  double access_available = 1.0;  ///< share of the set flow the access delivers
  bool warmer = false;
  // device flows at the setting (recomputed by the separation engine on a change)
  double q_inlet = 0.0, q_whole_blood = 0.0, q_ac = 0.0, q_plasma = 0.0, ac_returned = 0.0;
  // device counters (L)
  double processed = 0.0, removed = 0.0, replaced_ffp = 0.0, replaced_albumin = 0.0;
  double ac_used = 0.0, exchange_target = 0.0;
  double in_circuit = 0.0;  ///< blood volume in the circuit
  double rinse_left_s = 0.0;
  double clot_index = 0.0, clot_per_h = 0.0;
  double access_pressure = 0.0, return_pressure = 0.0;  ///< mmHg
  // citrate and calcium
  double citrate = 0.0;  ///< mmol in the ECF
  double calcium = 0.0;  ///< mmol exchangeable calcium
  double ica = 1.2, citrate_conc = 0.0, ca_citrate = 0.0, total_ca = 2.4;
  // acid-base, potassium
  double bicarbonate = 24.0, pco2 = 40.0, ph = 7.4;
  /// The patient's own pCO2 (mmHg) at bicarbonate_own (mmol/L): the starting blood gas, from
  /// which respiratory compensation (or a ventilator holding the pCO2) is counted.
  double pco2_own = 40.0, bicarbonate_own = 24.0;
  double potassium = 4.0;        ///< mmol/L in the ECF
  double potassium_shown = 4.0;  ///< as measured (transcellular shift with pH)
  // volume and haemodynamics
  double deficit = 0.0;  ///< L intravascular deficit
  double map = 80.0, heart_rate = 85.0, spo2 = 97.0, qtc = 420.0;
  /// Without events or drugs: MAP before norepinephrine, heart rate, SpO2 (a start: override
  /// sets them, so the value holds).
  double map0 = 80.0, heart_rate0 = 85.0, spo2_0 = 97.0;
  // solutes (µmol/L): plasma and extravascular as the kinetics engine holds them
  double bilirubin_p = 0.0, bilirubin_e = 0.0, ammonia_p = 0.0, ammonia_e = 0.0;
  bool has_bilirubin = false, has_ammonia = false;
  // haemostasis and blood
  double pta = 100.0, pta_e = 100.0;  ///< % (plasma, extravascular as the kinetics holds them)
  double fibrinogen = 3.0, fibrinogen_e = 3.0;  ///< g/L
  double platelets = 200.0;                     ///< 10^9/L
  double red_cells = 2.0;                       ///< L in the body
  double hematocrit = 0.4;
  // temperature
  double temperature = 37.0;
  // infusions and pending doses
  double ca_infusion = 0.0;                      ///< mmol/min
  double ca_bolus = 0.0, ca_bolus_left_s = 0.0;  ///< mmol/min while running
  double kcl = 0.0;                              ///< mmol/min
  /// Fluid boluses, one per fluid (index: the Fluid enum value) so a second bolus of another
  /// fluid runs beside the first: L/min while running, and the time left.
  std::array<double, kFluidKinds> fluid_rate{}, fluid_left_s{};
  double norepinephrine = 0.0;  ///< µg/kg/min
  // event effects
  double vasovagal_left_s = 0.0;
  int allergy_grade = 0;
  double bleeding = 0.0;  ///< L/min
  // signs (derived)
  bool paraesthesia = false, nausea = false, tetany = false, shivering = false;
  bool hypotension = false;
  // ledgers
  Ledger citrate_ledger, calcium_ledger, volume_ledger, bilirubin_ledger, ammonia_ledger;
};

}  // namespace lb::sim::kernel
