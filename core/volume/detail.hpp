// Internal helpers shared by the volume engine's translation units: input
// validation and the number formatting used in derivation texts and finding
// messages. Not a public API; nothing outside core/volume/ includes this.
#pragma once

#include <cmath>
#include <stdexcept>
#include <string>

#include "text/format.hpp"
#include "units/quantities.hpp"

namespace lb::volume::detail {

/// The fewest decimals in [min_decimals, max_decimals] that print `v` without
/// losing anything (to a relative 1e-9), e.g. 70 -> 0, 67.5 -> 1, 0.065 -> 3.
/// Used for protocol coefficients, which must be shown exactly as configured.
inline int decimals_for(double v, int min_decimals, int max_decimals) {
  for (int d = min_decimals; d < max_decimals; ++d) {
    const double scale = std::pow(10.0, d);
    if (std::fabs(std::round(v * scale) / scale - v) <= 1e-9 * std::fmax(1.0, std::fabs(v))) {
      return d;
    }
  }
  return max_decimals;
}

using text::grouped;

inline std::string ml(units::Volume v, int decimals = 0) {
  return grouped(units::in_milliliters(v), decimals) + " mL";
}
inline std::string kg(units::Mass m, int decimals = 1) {
  return text::fixed(units::in_kilograms(m), decimals) + " kg";
}
inline std::string cm(units::Length h) { return text::fixed(units::in_centimeters(h), 1) + " cm"; }
inline std::string kg_m2(units::BodyMassIndex b) {
  return text::fixed(units::in_kg_per_m2(b), 1) + " kg/m²";
}
/// A protocol coefficient in mL/kg, exactly as configured ("70 mL/kg").
inline std::string ml_per_kg(units::VolumePerMass f) {
  const double v = units::in_ml_per_kg(f);
  return text::fixed(v, decimals_for(v, 0, 3)) + " mL/kg";
}

/// Decimals for a patient weight input (at least 1, more only when entered so).
inline int weight_decimals(units::Mass w) { return decimals_for(units::in_kilograms(w), 1, 3); }
/// Decimals for a height in metres (at least 2: "1.75 m", "1.755 m").
inline int height_m_decimals(units::Length h) { return decimals_for(units::in_meters(h), 2, 4); }

// ---- preconditions: the patient loader range-checks values; these guards
// only keep a nonsensical call from producing a plausible-looking number.
inline void require_positive(double v, const char* what) {
  if (!std::isfinite(v) || v <= 0.0) {
    throw std::invalid_argument(std::string(what) + " must be a positive, finite value");
  }
}
inline void require_height(units::Length h) { require_positive(units::in_meters(h), "height"); }
inline void require_weight(units::Mass w) { require_positive(units::in_kilograms(w), "weight"); }
inline void require_hematocrit(units::Fraction hct) {
  const double v = units::in_fraction(hct);
  if (!std::isfinite(v) || v < 0.0 || v >= 1.0) {
    throw std::invalid_argument("hematocrit must be a fraction in [0, 1)");
  }
}

}  // namespace lb::volume::detail
