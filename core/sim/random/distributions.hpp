// The simulator's own distributions over one xoshiro256** stream. std::*_distribution is not
// used: its algorithms are implementation-specified and differ between libstdc++ and libc++
// (WG21 P2059R0), which would break byte-for-byte replay across machines. Methods:
//  * uniform [0, 1): the top 53 bits of one draw times 2^-53 (every double is a multiple of
//    2^-53, Vigna's recommended conversion);
//  * exponential: inverse CDF, -ln(1 - u) / rate (1 - u is in (0, 1], so the log is finite);
//  * normal: Box-Muller (Box GEP, Muller ME, Ann Math Stat 1958;29:610), both values of a
//    pair used in order, the second kept for the next call;
//  * Bernoulli: u < p;
//  * Poisson: Knuth's product of uniforms (TAOCP vol. 2, 3.4.1) for a mean up to 30; larger
//    means are split into parts of at most 30 and the counts summed, which is exact because a
//    sum of independent Poisson variables is Poisson with the summed mean.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "sim/random/generator.hpp"

namespace lb::sim::random {

class Stream {
 public:
  explicit Stream(std::uint64_t seed) : gen_(Xoshiro256::from_seed(seed)) {}
  /// The stream named `name` of a run (generator.hpp stream_seed).
  Stream(std::uint64_t run_seed, std::string_view name) : Stream(stream_seed(run_seed, name)) {}

  std::uint64_t next_u64() { return gen_.next(); }
  /// Uniform on [0, 1).
  double uniform01();
  /// Uniform on [lo, hi).
  double uniform(double lo, double hi);
  /// Exponential with `rate` > 0 (mean 1/rate), in the reciprocal unit of the rate.
  double exponential(double rate);
  double normal(double mean, double sd);
  bool bernoulli(double p);
  std::uint64_t poisson(double mean);

 private:
  Xoshiro256 gen_;
  std::optional<double> spare_normal_;
};

}  // namespace lb::sim::random
