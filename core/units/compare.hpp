// Threshold comparisons that are robust to binary rounding. Clinical
// thresholds are decimal (INR 1.5, bilirubin 15 mg/dL); a value converted
// from another unit system can miss them by 1 ulp. Values within a relative
// 1e-9 of the threshold are treated as equal to it, far below any clinical
// measurement precision.
#pragma once

#include <cmath>

namespace lb::units {

inline constexpr double kRelativeTolerance = 1e-9;

template <class Q>
bool nearly_equal(Q a, Q b) {
  const double x = a.value();
  const double y = b.value();
  return std::fabs(x - y) <= kRelativeTolerance * std::fmax(std::fabs(x), std::fabs(y));
}
template <class Q>
bool at_least(Q a, Q threshold) {  // a >= threshold
  return a.value() > threshold.value() || nearly_equal(a, threshold);
}
template <class Q>
bool at_most(Q a, Q threshold) {  // a <= threshold
  return a.value() < threshold.value() || nearly_equal(a, threshold);
}
template <class Q>
bool above(Q a, Q threshold) {  // a > threshold
  return !at_most(a, threshold);
}
template <class Q>
bool below(Q a, Q threshold) {  // a < threshold
  return !at_least(a, threshold);
}

}  // namespace lb::units
