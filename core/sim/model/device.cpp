#include "sim/model/device.hpp"

#include <algorithm>

#include "sim/model/action.hpp"
#include "sim/model/constants.hpp"

namespace lb::sim::kernel {

static_assert(static_cast<int>(Fluid::ffp) + 1 == kFluidKinds,
              "one running bolus per fluid: kFluidKinds counts the Fluid values");

double calcium_per_ml(int product, const Parameters& p) {
  return static_cast<CalciumProduct>(product) == CalciumProduct::chloride_10
             ? p.chloride_calcium.value
             : p.gluconate_calcium.value;
}

namespace {

/// A countdown of a running dose: the rate while time is left, then 0.
double running(double& left_s, double rate, double dt_s) {
  if (left_s <= 0.0) return 0.0;
  const double share = std::min(1.0, left_s / dt_s);  // the last step runs part of dt
  left_s = std::max(0.0, left_s - dt_s);
  return rate * share;
}

void pumps(Kernel& k, const DeviceConstants& c, Fluxes& f, double dt_min) {
  const double s = k.access_available;
  f.whole_blood = k.q_whole_blood * s;
  const double ac = k.q_ac * s;
  f.ac_to_patient = ac * k.ac_returned;
  f.plasma_removed = k.q_plasma * s;
  const double replacement = f.plasma_removed * k.fluid_balance;
  if (k.ffp_last) {
    // Albumin solution until its planned volume is in, then FFP.
    const double albumin_left = std::max(0.0, k.albumin_planned - k.replaced_albumin);
    f.albumin = std::min(replacement, albumin_left / dt_min);
    f.ffp = replacement - f.albumin;
  } else {
    f.ffp = replacement * k.ffp_share;
    f.albumin = replacement - f.ffp;
  }
  f.return_flow = f.whole_blood - f.plasma_removed + f.ffp + f.albumin + f.ac_to_patient;
  k.processed += f.whole_blood * dt_min;
  k.removed += f.plasma_removed * dt_min;
  k.replaced_ffp += f.ffp * dt_min;
  k.replaced_albumin += f.albumin * dt_min;
  k.ac_used += ac * dt_min;
  k.clot_index = std::min(1.0, k.clot_index + k.clot_per_h * dt_min / 60.0);
  f.citrate_in = f.ac_to_patient * c.ac_citrate + f.ffp * c.ffp_citrate;
  f.calcium_in = f.ffp * c.ffp_calcium;
}

}  // namespace

Fluxes step_device(Kernel& k, const DeviceConstants& c, const Parameters& p, double dt_s) {
  const double dt_min = dt_s / 60.0;
  Fluxes f;
  if (k.mode == Mode::running) {
    pumps(k, c, f, dt_min);
    k.session_elapsed_s += dt_s;
    if (k.clot_index >= 1.0) k.mode = Mode::paused;  // a clotted set stops the pumps
    if (k.removed >= k.exchange_target) {
      // The exchange is done: the device returns the circuit's blood at the inlet flow.
      k.mode = Mode::rinse_back;
      k.rinse_left_s = k.q_inlet > 0.0 ? k.in_circuit / k.q_inlet * 60.0 : 0.0;
    }
  } else if (k.mode == Mode::rinse_back) {
    const double rate = k.rinse_left_s > 0.0 ? k.in_circuit / (k.rinse_left_s / 60.0) : 0.0;
    const double moved = std::min(k.in_circuit, rate * dt_min);
    f.circuit_return = moved / dt_min;
    f.return_flow = f.circuit_return;
    k.in_circuit -= moved;
    k.rinse_left_s = std::max(0.0, k.rinse_left_s - dt_s);
    if (k.in_circuit <= 0.0 || k.rinse_left_s <= 0.0) {
      k.in_circuit = 0.0;
      k.mode = Mode::ended;
    }
  }
  // Pressures shown by the device (display model, Parameters).
  // The pump pulls its set flow against an access that delivers only part of it: the access
  // pressure grows more negative as the share falls.
  const double inlet_ml = k.mode == Mode::running ? k.q_whole_blood * 1000.0 : 0.0;
  k.access_pressure = k.access_available > 0.0
                          ? -p.access_resistance.value * inlet_ml / k.access_available
                          : -p.access_resistance.value * kOccludedAccessFlow;
  k.return_pressure =
      p.return_resistance.value * f.return_flow * 1000.0 + p.clot_pressure.value * k.clot_index;

  // Infusions and boluses into the patient (run whatever the device does).
  f.calcium_in += k.ca_infusion + running(k.ca_bolus_left_s, k.ca_bolus, dt_s);
  f.potassium_in = k.kcl;
  for (std::size_t i = 0; i < k.fluid_rate.size(); ++i) {
    const double q = running(k.fluid_left_s[i], k.fluid_rate[i], dt_s);
    f.fluid += q;
    if (static_cast<Fluid>(i) == Fluid::ffp) f.fluid_ffp = q;
  }
  f.citrate_in += f.fluid_ffp * c.ffp_citrate;
  f.calcium_in += f.fluid_ffp * c.ffp_calcium;
  f.bleeding = k.bleeding;
  return f;
}

}  // namespace lb::sim::kernel
