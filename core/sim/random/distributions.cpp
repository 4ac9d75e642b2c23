#include "sim/random/distributions.hpp"

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace lb::sim::random {

double Stream::uniform01() { return static_cast<double>(gen_.next() >> 11) * 0x1.0p-53; }

double Stream::uniform(double lo, double hi) { return lo + (hi - lo) * uniform01(); }

double Stream::exponential(double rate) {
  if (!(rate > 0.0) || !std::isfinite(rate)) {
    throw std::invalid_argument("exponential: the rate must be finite and above 0");
  }
  return -std::log1p(-uniform01()) / rate;
}

double Stream::normal(double mean, double sd) {
  if (spare_normal_) {
    const double z = *spare_normal_;
    spare_normal_.reset();
    return mean + sd * z;
  }
  // u1 in (0, 1] keeps the logarithm finite.
  const double u1 = 1.0 - uniform01();
  const double u2 = uniform01();
  const double r = std::sqrt(-2.0 * std::log(u1));
  const double angle = 2.0 * std::numbers::pi * u2;
  spare_normal_ = r * std::sin(angle);
  return mean + sd * r * std::cos(angle);
}

bool Stream::bernoulli(double p) { return uniform01() < p; }

std::uint64_t Stream::poisson(double mean) {
  if (!(mean >= 0.0) || !std::isfinite(mean)) {
    throw std::invalid_argument("poisson: the mean must be finite and at least 0");
  }
  constexpr double kPart = 30.0;  // e^-30 is far above the smallest double: no underflow
  std::uint64_t total = 0;
  double left = mean;
  while (left > 0.0) {
    const double part = left < kPart ? left : kPart;
    left -= part;
    const double limit = std::exp(-part);
    double product = uniform01();
    while (product >= limit) {
      ++total;
      product *= uniform01();
    }
  }
  return total;
}

}  // namespace lb::sim::random
