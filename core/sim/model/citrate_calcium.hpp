// Citrate–calcium sub-model (docs/simulation.md §Citrate and calcium). Two amounts: citrate in
// the extracellular fluid and exchangeable calcium (ionised + complexed + protein-bound);
// calcium–citrate binding is in instantaneous equilibrium, so iCa follows from the two.
#pragma once

#include "sim/model/kernel.hpp"
#include "sim/model/parameters.hpp"

namespace lb::sim::kernel {

/// The calcium species at equilibrium (mmol/L).
struct CalciumSpecies {
  double ionised = 0.0;
  double citrate = 0.0;     ///< total citrate concentration in the ECF
  double ca_citrate = 0.0;  ///< calcium–citrate complex
  double total = 0.0;       ///< what the lab reports as total calcium
};

/// α = V_e·(1 + oth) + V_p·b (L): the exchangeable calcium per mmol/L of iCa, the citrate
/// complex apart.
double ionised_capacity(const Body& body, const Parameters& p);

/// Solves A_Ca = V_e·(iCa·(1 + oth) + CaCit) + V_p·b·iCa with CaCit = iCa·C/(K_d + iCa)
/// (free citrate C/(1 + iCa/K_d)) for iCa. Multiplying by (K_d + iCa) gives the quadratic
/// α·x² + (α·K_d + V_e·C − A)·x − A·K_d = 0, α = V_e·(1 + oth) + V_p·b, whose one positive
/// root is taken in the cancellation-free form 2·A·K_d / (B + √(B² + 4·α·A·K_d)) when B > 0.
/// Closed form: exact, deterministic, and faster than the bisection of the design brief.
CalciumSpecies solve_calcium(double calcium_mmol, double citrate_mmol, const Body& body,
                             const Parameters& p);

/// The exchangeable calcium (mmol) at ionised calcium `ica` and citrate `citrate_conc`
/// (mmol/L): the inverse of solve_calcium, for the starting state.
double calcium_amount_at(double ica, double citrate_conc, const Body& body, const Parameters& p);

/// The total citrate (mmol/L in the ECF) at which the lab's total calcium is `total_ca` at
/// ionised calcium `ica` (mmol/L): solve_calcium's total, tCa = iCa·(1 + oth + b) + iCa·C/(K_d
/// + iCa), solved for C. The same species as the step, so the engine started there reports
/// that total. Negative when the total is below what the ionised, complexed and protein-bound
/// calcium alone give (iCa·(1 + oth + b)): no citrate can make it.
double citrate_for_total(double total_ca, double ica, const Body& body, const Parameters& p);

/// The calcium not bound to citrate at ionised calcium `ica` (mmol/L): iCa·(1 + oth + b).
double calcium_without_citrate(double ica, const Body& body, const Parameters& p);

/// One step of dt minutes: citrate in (AC returned, FFP) and endogenous production at the
/// baseline, out by hepatic metabolism (CL·C) and with the removed plasma (Q_rem·C); calcium
/// in (replacement, infusions, bone mobilisation towards the set point) and out with the
/// removed plasma (Q_rem·tCa). Returns the citrate metabolised above the endogenous turnover
/// (mmol; negative while the citrate is below its baseline), which the acid–base sub-model
/// turns into bicarbonate. Updates the ledgers.
double step_citrate_calcium(Kernel& k, const Fluxes& f, const Body& body, const Parameters& p,
                            double dt_min);

/// Sets the species of `k` from its amounts (after a step, at construction and restore).
void update_calcium_species(Kernel& k, const Body& body, const Parameters& p);

}  // namespace lb::sim::kernel
