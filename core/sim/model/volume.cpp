#include <algorithm>
#include <array>

#include "sim/model/sub_models.hpp"

namespace lb::sim::kernel {

namespace {

struct Point {
  double x;
  double y;
};

/// Piecewise-linear through `pts` (x ascending), flat outside.
template <std::size_t N>
double piecewise(const std::array<Point, N>& pts, double x) {
  if (x <= pts.front().x) return pts.front().y;
  for (std::size_t i = 1; i < N; ++i) {
    if (x <= pts[i].x) {
      const double w = (x - pts[i - 1].x) / (pts[i].x - pts[i - 1].x);
      return pts[i - 1].y + w * (pts[i].y - pts[i - 1].y);
    }
  }
  return pts.back().y;
}

// MAP factor by the share of blood volume lost (ATLS classes of haemorrhage, European trauma
// guideline tables: ≤ 15 % pressure normal, 15–30 % normal systolic, 30–40 % falls, > 40 %).
constexpr std::array<Point, 5> kMapByLoss{
    {{0.0, 1.0}, {0.15, 0.97}, {0.30, 0.90}, {0.40, 0.70}, {0.50, 0.45}}};
// Heart-rate target by loss (same classes: < 100, 100–120, 120–140, > 140 /min).
constexpr std::array<Point, 4> kHeartRateByLoss{
    {{0.15, 100.0}, {0.30, 120.0}, {0.40, 140.0}, {0.50, 160.0}}};

constexpr double kBaselineSpo2 = 97.0;  // % on the ward's oxygen

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
  // Hypotension below iCa 0.9 mmol/L (Monchi 2017).
  map_target *= 1.0 - p.calcium_pressure_slope.value * std::max(0.0, 0.9 - k.ica);
  double hr_target = k.heart_rate0;
  if (loss > 0.0) {  // towards 100 /min at 15 % lost, then the ATLS classes
    const double by_loss = loss < 0.15 ? k.heart_rate0 + (100.0 - k.heart_rate0) * loss / 0.15
                                       : piecewise(kHeartRateByLoss, loss);
    hr_target = std::max(k.heart_rate0, by_loss);
  }
  if (k.vasovagal_left_s > 0.0) {  // vasovagal: HR × 0.5, MAP × 0.6
    hr_target *= 0.5;
    map_target *= 0.6;
  }
  map_target *= 1.0 - 0.2 * k.allergy_grade;  // anaphylactoid reaction, per grade
  map_target *= 1.0 + p.norepinephrine_effect.value * k.norepinephrine;
  const double w = std::min(1.0, dt_s / p.haemodynamic_lag.value);
  k.map += (map_target - k.map) * w;
  k.heart_rate += (hr_target - k.heart_rate) * w;
  k.spo2 = kBaselineSpo2 - 3.0 * k.allergy_grade;  // bronchospasm: −3 % per grade
}

}  // namespace lb::sim::kernel
