#include <algorithm>
#include <cmath>
#include <numbers>

#include "sim/model/device.hpp"
#include "sim/model/sub_models.hpp"

namespace lb::sim::kernel {

namespace {

/// dX/dt = k_f·(X_own − X) − (Q_rem/PV)·X + Σ (Q_i/PV)·a_i: removed with the plasma, supplied
/// by the fluids, recovering towards the patient's own level with the half-time given.
double factor_step(double x, double own, double half_time_h, double removed_pv, double supplied,
                   double dt_min) {
  const double kf = std::numbers::ln2 / (half_time_h * 60.0);
  return x + kf * (own - x) * dt_min - removed_pv * x + supplied;
}

}  // namespace

void step_blood(Kernel& k, const Fluxes& f, const Body& body, const Parameters& p,
                const DeviceConstants& c, double dt_min) {
  const double removed_pv = f.plasma_removed * dt_min / body.plasma;
  const double ffp_pv = (f.ffp + f.fluid_ffp) * dt_min / body.plasma;
  const double albumin_pv = f.albumin * dt_min / body.plasma;
  k.pta = factor_step(k.pta, c.pta0, p.factor_recovery_half_time.value, removed_pv,
                      ffp_pv * c.ffp_activity + albumin_pv * c.albumin_activity, dt_min);
  k.fibrinogen =
      factor_step(k.fibrinogen, c.fibrinogen0, p.fibrinogen_recovery_half_time.value, removed_pv,
                  ffp_pv * c.ffp_fibrinogen + albumin_pv * c.albumin_fibrinogen, dt_min);
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
