// Number formatting for clinicians: fixed decimals, no exponent, no "-0".
#pragma once

#include <string>

#include "explain/derivation.hpp"

namespace lb::text {

/// Fixed-point with `decimals` digits, rounding half away from zero after a
/// 1e-9 relative nudge so that 16.65 stored as 16.6499999... prints 16.7 at 1 dp.
std::string fixed(double value, int decimals);
/// "4823.8 mL"
std::string shown(const explain::Shown& s);

}  // namespace lb::text
