#include <cmath>

#include "sim/model/sub_models.hpp"

namespace lb::sim::kernel {

namespace {
constexpr double kNormalBicarbonate = 24.0;  // mmol/L: the renal correction's target
constexpr double kPk = 6.1;                  // carbonic acid pKa (Henderson–Hasselbalch)
constexpr double kCo2Solubility = 0.0307;    // mmol/L per mmHg
}  // namespace

double pco2_of(double bicarbonate, double ph) {
  return bicarbonate / (kCo2Solubility * std::pow(10.0, ph - kPk));
}

void update_ph(Kernel& k, const Parameters& p) {
  // Compensation is counted from the patient's own blood gas, so the starting pH is the file's
  // pH; a ventilated patient's compensation is 0 (parameters_for), the ventilator holds pCO2.
  k.pco2 = k.pco2_own + p.pco2_compensation.value * (k.bicarbonate - k.bicarbonate_own);
  k.ph = kPk + std::log10(k.bicarbonate / (kCo2Solubility * k.pco2));
}

void step_acid_base(Kernel& k, const Fluxes& f, const Body& body, const Parameters& p,
                    double citrate_metabolised_mmol, double dt_min) {
  const double vb = body.bicarbonate_space;
  // The replacement fluids' own bicarbonate is not modelled (no value for FFP or albumin
  // solution in the sources): the citrate they carry becomes bicarbonate when metabolised.
  const double generated = p.bicarbonate_per_citrate.value * citrate_metabolised_mmol;
  const double removed = f.plasma_removed * k.bicarbonate * dt_min;
  const double renal =
      p.renal_bicarbonate.value * vb * (k.bicarbonate - kNormalBicarbonate) * dt_min;
  k.bicarbonate += (generated - removed - renal) / vb;
  update_ph(k, p);
}

}  // namespace lb::sim::kernel
