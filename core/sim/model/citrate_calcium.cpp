#include "sim/model/citrate_calcium.hpp"

#include <algorithm>
#include <cmath>

namespace lb::sim::kernel {

double ionised_capacity(const Body& body, const Parameters& p) {
  return body.ecf * (1.0 + p.other_complexes.value) +
         body.plasma * p.protein_binding.value * body.albumin;
}

CalciumSpecies solve_calcium(double calcium_mmol, double citrate_mmol, const Body& body,
                             const Parameters& p) {
  const double kd = p.kd_calcium_citrate.value;
  const double bound = p.protein_binding.value * body.albumin;  // b
  const double alpha = ionised_capacity(body, p);
  const double a = calcium_mmol;
  const double c = citrate_mmol / body.ecf;
  const double b = alpha * kd + body.ecf * c - a;
  const double disc = std::sqrt(b * b + 4.0 * alpha * a * kd);
  const double x = b > 0.0 ? 2.0 * a * kd / (b + disc) : (disc - b) / (2.0 * alpha);
  CalciumSpecies s;
  s.ionised = x;
  s.citrate = c;
  s.ca_citrate = x * c / (kd + x);
  s.total = x * (1.0 + p.other_complexes.value) + s.ca_citrate + bound * x;
  return s;
}

double calcium_amount_at(double ica, double citrate_conc, const Body& body, const Parameters& p) {
  const double kd = p.kd_calcium_citrate.value;
  return body.ecf * (ica * (1.0 + p.other_complexes.value) + ica * citrate_conc / (kd + ica)) +
         body.plasma * p.protein_binding.value * body.albumin * ica;
}

double calcium_without_citrate(double ica, const Body& body, const Parameters& p) {
  return ica * (1.0 + p.other_complexes.value + p.protein_binding.value * body.albumin);
}

double citrate_for_total(double total_ca, double ica, const Body& body, const Parameters& p) {
  const double ca_citrate = total_ca - calcium_without_citrate(ica, body, p);
  return ca_citrate * (p.kd_calcium_citrate.value + ica) / ica;
}

void update_calcium_species(Kernel& k, const Body& body, const Parameters& p) {
  const CalciumSpecies s = solve_calcium(k.calcium, k.citrate, body, p);
  k.ica = s.ionised;
  k.citrate_conc = s.citrate;
  k.ca_citrate = s.ca_citrate;
  k.total_ca = s.total;
}

double step_citrate_calcium(Kernel& k, const Fluxes& f, const Body& body, const Parameters& p,
                            double dt_min) {
  const double cl = p.citrate_clearance.value;
  // Endogenous citrate production holds the baseline in steady state: G = CL·C_baseline.
  const double produced = cl * p.baseline_citrate.value;
  const double metabolised = cl * k.citrate_conc * dt_min;
  const double cit_removed = f.plasma_removed * k.citrate_conc * dt_min;
  const double cit_in = (f.citrate_in + produced) * dt_min;
  k.citrate += cit_in - metabolised - cit_removed;
  k.citrate_ledger.in += cit_in;
  k.citrate_ledger.out += metabolised + cit_removed;

  // Bone and PTH buffering pulls iCa back towards the set point (negative above it).
  const double mobilised =
      p.calcium_mobilisation.value * (p.ionised_calcium_set.value - k.ica) * dt_min;
  // Above the set point a calcium load leaves the exchangeable pool (renal excretion and uptake
  // into bone, with PTH suppressed) with half-time t½: J = ln 2/t½ · α · (iCa − iCa_set), α the
  // pool's calcium per mmol/L of iCa at fixed citrate, so the ionised excess halves in t½.
  const double excess = std::max(0.0, k.ica - p.ionised_calcium_set.value);
  const double eliminated = std::log(2.0) / p.calcium_elimination_half_time.value *
                            ionised_capacity(body, p) * excess * dt_min;
  const double ca_in = f.calcium_in * dt_min + mobilised;
  const double ca_removed = f.plasma_removed * k.total_ca * dt_min + eliminated;
  k.calcium += ca_in - ca_removed;
  k.calcium_ledger.in += ca_in;
  k.calcium_ledger.out += ca_removed;
  update_calcium_species(k, body, p);
  // The endogenous citrate is a metabolic intermediate, not sodium citrate: its turnover is
  // acid–base neutral. Only citrate metabolised above it yields bicarbonate (without this the
  // baseline turnover alone would raise the bicarbonate by 2 mmol/L a day in ALF).
  return metabolised - produced * dt_min;
}

}  // namespace lb::sim::kernel
