// The device and infusion sub-model (docs/simulation.md §Device): pumps at the current
// setting (flows from the planner's separation engine, scaled by what the access delivers),
// the replacement split between FFP and albumin solution, counters, the end of the run and
// rinse-back, calcium, potassium and fluid infusions. Produces the fluxes of one step.
#pragma once

#include "sim/model/kernel.hpp"
#include "sim/model/parameters.hpp"

namespace lb::sim::kernel {

/// Per-session constants of the device (from SessionSetup and Parameters).
struct DeviceConstants {
  double ac_citrate = 0.0;   ///< mmol/L
  double ffp_citrate = 0.0;  ///< mmol/L
  double ffp_calcium = 0.0;  ///< mmol/L
  double ecv = 0.0;          ///< L
  bool centrifugal = true;
};

/// One step of dt seconds. Moves the run to rinse-back when the exchange is done and to
/// `ended` when the circuit's blood is back.
Fluxes step_device(Kernel& k, const DeviceConstants& c, const Parameters& p, double dt_s);

/// mmol of calcium per mL of the product (Parameters).
double calcium_per_ml(int product, const Parameters& p);

}  // namespace lb::sim::kernel
