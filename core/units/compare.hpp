// Threshold comparisons that are robust to binary rounding. Clinical
// thresholds are decimal (INR 1.5, bilirubin 15 mg/dL); a value converted
// from another unit system can miss them by 1 ulp. Values within a relative
// 1e-9 of the threshold are treated as equal to it, far below any clinical
// measurement precision.
#pragma once

#include <cmath>

namespace lb::units {

inline constexpr double kRelativeTolerance = 1e-9;

// Every comparison is false when either operand is not finite: an infinite
// platelet count must neither meet "platelets <= 20" nor "platelets >= 20"
// (inf is "nearly equal" to everything under a relative tolerance), and a
// NaN decides nothing. The loaders refuse such values; this keeps a value
// that slips through from deciding a rule.
template <class Q>
bool both_finite(Q a, Q b) {
  return std::isfinite(a.value()) && std::isfinite(b.value());
}
template <class Q>
bool nearly_equal(Q a, Q b) {
  if (!both_finite(a, b)) return false;
  const double x = a.value();
  const double y = b.value();
  return std::fabs(x - y) <= kRelativeTolerance * std::fmax(std::fabs(x), std::fabs(y));
}
template <class Q>
bool at_least(Q a, Q threshold) {  // a >= threshold
  return both_finite(a, threshold) && (a.value() > threshold.value() || nearly_equal(a, threshold));
}
template <class Q>
bool at_most(Q a, Q threshold) {  // a <= threshold
  return both_finite(a, threshold) && (a.value() < threshold.value() || nearly_equal(a, threshold));
}
template <class Q>
bool above(Q a, Q threshold) {  // a > threshold
  return both_finite(a, threshold) && !at_most(a, threshold);
}
template <class Q>
bool below(Q a, Q threshold) {  // a < threshold
  return both_finite(a, threshold) && !at_least(a, threshold);
}

}  // namespace lb::units
