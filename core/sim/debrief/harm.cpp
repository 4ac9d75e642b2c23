#include "sim/debrief/harm.hpp"

#include <algorithm>
#include <limits>

namespace lb::sim::debrief {

Harm harm_exposure(const std::vector<Sample>& samples, Amount bolus_calcium) {
  double ica_low = 0.0, map_low = 0.0, harmed = 0.0, observed = 0.0;
  double max_ratio = 0.0, min_ica = std::numeric_limits<double>::infinity();
  double max_ph = 0.0, min_ph = std::numeric_limits<double>::infinity();
  double min_temp = std::numeric_limits<double>::infinity();
  double calcium = 0.0, citrate = 0.0;
  for (const auto& s : samples) {
    const auto dt = static_cast<double>(s.dt);
    observed += dt;
    const bool low_ica = units::mmol_per_l(s.ica) < kIcaHarmLevel;
    const bool low_map = units::mm_hg(s.map) < kMapHarmLevel;
    if (low_ica) ica_low += dt;
    if (low_map) map_low += dt;
    if (low_ica || low_map) harmed += dt;
    max_ratio = std::max(max_ratio, s.ca_ratio);
    min_ica = std::min(min_ica, s.ica);
    max_ph = std::max(max_ph, s.ph);
    min_ph = std::min(min_ph, s.ph);
    min_temp = std::min(min_temp, s.temp);
    calcium += s.calcium_infused_mmol;
    citrate += s.citrate_in_mmol;
  }
  if (samples.empty()) min_ica = min_ph = min_temp = 0.0;
  Harm h;
  h.ica_low = units::seconds(ica_low);
  h.map_low = units::seconds(map_low);
  h.harmed = units::seconds(harmed);
  h.observed = units::seconds(observed);
  h.max_ca_ratio = units::fraction(max_ratio);
  h.min_ica = units::mmol_per_l(min_ica);
  h.max_ph = units::fraction(max_ph);
  h.min_ph = units::fraction(min_ph);
  h.min_temperature = celsius(min_temp);
  h.calcium_given = mmol(calcium) + bolus_calcium;
  h.citrate_load = mmol(citrate);
  return h;
}

double harm_score(const Harm& h) {
  const double observed = units::in_seconds(h.observed);
  if (!(observed > 0.0)) return 1.0;
  return std::clamp(1.0 - units::in_seconds(h.harmed) / observed, 0.0, 1.0);
}

}  // namespace lb::sim::debrief
