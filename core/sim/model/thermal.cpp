#include <algorithm>

#include "sim/model/constants.hpp"
#include "sim/model/sub_models.hpp"

namespace lb::sim::kernel {

void step_thermal(Kernel& k, const Fluxes& f, const Body& body, const Parameters& p,
                  double dt_min) {
  const double t = k.temperature;
  const double room = p.room_temperature.value;
  const double heat_capacity = p.body_heat_capacity.value * 1000.0 * body.weight;  // J/°C
  const double cb = p.blood_heat_capacity.value * 1000.0;                          // J/(L·°C)
  // Losses to the room balance the metabolic heat at 37 °C (the patient is in steady state
  // before the session): G_env = P_met / (37 − T_room).
  const double p_met = p.metabolic_heat.value * body.weight *
                       (t < p.shivering_threshold.value ? p.shivering_heat_factor.value : 1.0);
  // Guard: a room at or above 37 °C has no such balance (and would divide by zero). Its range
  // refuses it (parameter_ranges.cpp); a room that got here anyway exchanges no heat.
  const double gap = kBodyTemperature - room;
  const double g_env = gap > 0.0 ? p.metabolic_heat.value * body.weight / gap : 0.0;
  // Returned blood cools in the circuit, less at higher flows, never below the room.
  double power = p_met - g_env * (t - room);                    // W
  const double own_return = f.return_flow - f.ffp - f.albumin;  // L/min of the patient's blood
  if (k.warmer) {
    power -= cb * f.return_flow / 60.0 * (t - p.warmer_temperature.value);
  } else if (f.return_flow > 0.0) {
    const double inlet_ml = std::max(kCoolingFlowFloor, f.whole_blood * 1000.0);
    const double cooling = std::min(p.circuit_cooling.value * 60.0 / inlet_ml, t - room);
    power -= cb * std::max(0.0, own_return) / 60.0 * cooling;
    power -= cb * f.ffp / 60.0 * (t - p.ffp_temperature.value);
    power -= cb * f.albumin / 60.0 * (t - room);
  }
  power -= cb * f.fluid / 60.0 * (t - room);  // boluses run in at room temperature
  k.temperature += power * dt_min * 60.0 / heat_capacity;
}

}  // namespace lb::sim::kernel
