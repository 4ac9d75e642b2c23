// Small builders for the session engine's derivations: a figure's head
// (id, label, shown value) and inputs that point at the figure they came from.
// Internal to core/session/.
#pragma once

#include <cmath>
#include <string>

#include "explain/derivation.hpp"
#include "text/format.hpp"

namespace lb::session::detail {

inline explain::Derivation figure(std::string id, std::string label, double value, std::string unit,
                                  int decimals) {
  explain::Derivation d;
  d.id = std::move(id);
  d.label = std::move(label);
  d.shown = {value, std::move(unit), decimals};
  return d;
}

/// An input taken from another figure (keeps its shown value and unit).
inline explain::Input from(std::string name, const explain::Derivation& d) {
  return explain::quantity_input(std::move(name), d.shown.value, d.shown.unit, d.shown.decimals,
                                 d.id);
}

/// A protocol or patient value shown with the fewest decimals in [lo, hi] that lose nothing.
inline explain::Input given(std::string name, double value, std::string unit, int lo = 0,
                            int hi = 4) {
  int decimals = hi;
  for (int d = lo; d < hi; ++d) {
    const double scale = std::pow(10.0, d);
    if (std::fabs(std::round(value * scale) / scale - value) <=
        1e-9 * std::fmax(1.0, std::fabs(value))) {
      decimals = d;
      break;
    }
  }
  return explain::quantity_input(std::move(name), value, std::move(unit), decimals);
}

/// "4824 mL"-style text of a figure, for messages.
inline std::string shown(const explain::Derivation& d) { return text::shown(d.shown); }

/// ceil() after rounding to 9 significant digits, so that 7500 mL / 250 mL is
/// 30 and not 31 when the quotient is 30.000000000000004 (LiverBridge clinical reference, general
/// advice).
inline int whole_ceiling(double quotient) {
  if (!(quotient > 0.0)) return 0;
  const double magnitude = std::floor(std::log10(quotient)) + 1.0;
  const double scale = std::pow(10.0, 9.0 - magnitude);
  return static_cast<int>(std::ceil(std::round(quotient * scale) / scale));
}

}  // namespace lb::session::detail
