#include <algorithm>
#include <array>

#include "sim/model/constants.hpp"
#include "sim/model/sub_models.hpp"

namespace lb::sim::kernel {

namespace {

/// Piecewise-linear through `pts` (x ascending), flat outside.
template <std::size_t N>
double piecewise(const std::array<CurvePoint, N>& pts, double x) {
  if (x <= pts.front().x) return pts.front().y;
  for (std::size_t i = 1; i < N; ++i) {
    if (x <= pts[i].x) {
      const double w = (x - pts[i - 1].x) / (pts[i].x - pts[i - 1].x);
      return pts[i - 1].y + w * (pts[i].y - pts[i - 1].y);
    }
  }
  return pts.back().y;
}

}  // namespace

void step_volume(Kernel& k, const Fluxes& f, double dt_min) {
  const double in = (f.plasma_removed + f.bleeding) * dt_min;
  const double out = (f.ffp + f.albumin + f.ac_to_patient + f.fluid + f.circuit_return) * dt_min;
  k.deficit += in - out;
  k.volume_ledger.in += in;
  k.volume_ledger.out += out;
}

void step_haemodynamics(Kernel& k, const Body& body, const Parameters& p, double dt_s) {
  const double loss = std::max(0.0, k.deficit / body.blood) / p.haemodynamic_reserve.value;
  double map_target = k.map0 * piecewise(kMapByLoss, loss);
  // Hypotension below the calcium threshold (Monchi 2017).
  map_target *= 1.0 - p.calcium_pressure_slope.value *
                          std::max(0.0, p.calcium_pressure_threshold.value - k.ica);
  double hr_target = k.heart_rate0;
  if (loss > 0.0) {  // towards the first ATLS point (100 /min at 15 % lost), then the classes
    const CurvePoint first = kHeartRateByLoss.front();
    const double by_loss = loss < first.x
                               ? k.heart_rate0 + (first.y - k.heart_rate0) * loss / first.x
                               : piecewise(kHeartRateByLoss, loss);
    hr_target = std::max(k.heart_rate0, by_loss);
  }
  if (k.vasovagal_left_s > 0.0) {
    hr_target *= p.vasovagal_heart_rate_factor.value;
    map_target *= p.vasovagal_map_factor.value;
  }
  map_target *= 1.0 - p.allergy_map_fall.value * k.allergy_grade;  // anaphylactoid, per grade
  map_target *= 1.0 + p.norepinephrine_effect.value * k.norepinephrine;
  const double w = std::min(1.0, dt_s / p.haemodynamic_lag.value);
  k.map += (map_target - k.map) * w;
  k.heart_rate += (hr_target - k.heart_rate) * w;
  k.spo2 = k.spo2_0 - p.allergy_spo2_fall.value * k.allergy_grade;  // bronchospasm, per grade
}

}  // namespace lb::sim::kernel
