#include "sim/model/constants.hpp"
#include "sim/model/sub_models.hpp"

namespace lb::sim::kernel {

double measured_potassium(double ecf_potassium, double ph, const Parameters& p) {
  // Alkalosis moves potassium into cells: the measured value falls by the shift per 0.1 pH.
  return ecf_potassium - p.potassium_ph_shift.value * (ph - kNormalPh) / 0.1;
}

void step_potassium(Kernel& k, const Fluxes& f, const Body& body, const Parameters& p,
                    double dt_min) {
  // Albumin solution carries no potassium; FFP and KCl do.
  const double in = (f.ffp + f.fluid_ffp) * p.ffp_potassium.value + f.potassium_in;
  const double out = f.plasma_removed * k.potassium;
  k.potassium += (in - out) * dt_min / (p.potassium_buffering.value * body.ecf);
  k.potassium_shown = measured_potassium(k.potassium, k.ph, p);
}

}  // namespace lb::sim::kernel
