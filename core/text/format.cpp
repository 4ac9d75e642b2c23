#include "text/format.hpp"

#include <cmath>
#include <cstdio>

namespace lb::text {

std::string fixed(double value, int decimals) {
  if (!std::isfinite(value)) return "n/a";
  const double scale = std::pow(10.0, decimals);
  double scaled = value * scale;
  scaled += (scaled >= 0 ? 1.0 : -1.0) * std::fabs(scaled) * 1e-12;
  double rounded = std::round(scaled) / scale;
  if (rounded == 0.0) rounded = 0.0;  // no "-0"
  char buf[64];
  const int n = std::snprintf(buf, sizeof buf, "%.*f", decimals, rounded);
  if (n < 0) return "n/a";
  return std::string(buf, static_cast<std::size_t>(n));
}

std::string shown(const explain::Shown& s) {
  std::string out = fixed(s.value, s.decimals);
  if (!s.unit.empty()) out += (s.unit == "%" ? "" : " ") + s.unit;
  return out;
}

}  // namespace lb::text
