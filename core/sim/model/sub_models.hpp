// The sub-models after citrate–calcium, each one step of dt minutes on the kernel state, in
// the fixed order Engine::step calls them (docs/simulation.md §Order of a step). Each lives in
// its own file: acid_base.cpp, potassium.cpp, volume.cpp, haemostasis.cpp, thermal.cpp,
// signs.cpp. Solutes go through the planner's kinetics engine (solutes.hpp).
#pragma once

#include "sim/model/kernel.hpp"
#include "sim/model/parameters.hpp"

namespace lb::sim::kernel {

/// Bicarbonate: + 3 mmol per mmol citrate metabolised, − removed with the plasma, renal
/// correction towards 24 mmol/L; pCO2 by respiratory compensation, pH by Henderson–Hasselbalch.
void step_acid_base(Kernel& k, const Fluxes& f, const Body& body, const Parameters& p,
                    double citrate_metabolised_mmol, double dt_min);
/// pCO2 and pH from the bicarbonate (also at construction): pCO2 = pCO2_own + c·(HCO3 −
/// HCO3_own), c the respiratory compensation (0 on a ventilator), pH by Henderson–Hasselbalch.
void update_ph(Kernel& k, const Parameters& p);
/// The pCO2 (mmHg) of a blood gas with `bicarbonate` (mmol/L) at `ph` (Henderson–Hasselbalch).
double pco2_of(double bicarbonate, double ph);

/// ECF potassium with intracellular buffering β_K; the measured value shifts with pH.
void step_potassium(Kernel& k, const Fluxes& f, const Body& body, const Parameters& p,
                    double dt_min);
/// The measured potassium from the ECF value and pH.
double measured_potassium(double ecf_potassium, double ph, const Parameters& p);

/// Intravascular deficit from the device flows, fluids and bleeding (with its ledger).
void step_volume(Kernel& k, const Fluxes& f, double dt_min);
/// MAP, heart rate and SpO2 towards their targets (volume, calcium, events, drugs), lagged.
void step_haemodynamics(Kernel& k, const Body& body, const Parameters& p, double dt_s);

struct DeviceConstants;
/// Platelets lost with the plasma removed, haematocrit from the red cells (prothrombin
/// activity and fibrinogen: step_factors, factors.hpp).
void step_blood(Kernel& k, const Fluxes& f, const Body& body, const Parameters& p,
                const DeviceConstants& c, double dt_min);

/// Core temperature: metabolic heat, cooled returned blood and fluids, losses to the room.
void step_thermal(Kernel& k, const Fluxes& f, const Body& body, const Parameters& p, double dt_min);

/// Signs and symptoms from the state (thresholds from Parameters); QTc.
void update_signs(Kernel& k, const Parameters& p);

}  // namespace lb::sim::kernel
