#include <algorithm>

#include "sim/model/device.hpp"
#include "sim/model/sub_models.hpp"

namespace lb::sim::kernel {

// Prothrombin activity and fibrinogen are the planner's kinetics model (factors.cpp).
void step_blood(Kernel& k, const Fluxes& f, const Body& body, const Parameters& p,
                const DeviceConstants& c, double dt_min) {
  const double removed_pv = f.plasma_removed * dt_min / body.plasma;
  const bool centrifugal = c.centrifugal;
  // Platelets: a fixed share lost per plasma volume processed through a centrifuge; a
  // membrane set passes them back (no loss modelled).
  if (centrifugal) {
    k.platelets -= p.platelet_loss_per_volume.value * removed_pv * k.platelets;
  }
  // Red cells: blood lost by bleeding leaves with the body's haematocrit; the circuit's share
  // leaves at connection (engine) and comes back at rinse-back, so the haematocrit follows the
  // volume.
  k.red_cells -= f.bleeding * dt_min * k.hematocrit;
  k.red_cells += f.circuit_return * dt_min * k.hematocrit;
  const double blood = std::max(0.1 * body.blood, body.blood - k.deficit);
  k.hematocrit = std::clamp(k.red_cells / blood, 0.0, 0.9);
}

}  // namespace lb::sim::kernel
