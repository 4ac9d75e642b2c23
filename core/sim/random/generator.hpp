// The simulator's own pseudo-random generators. A training run must replay byte for byte from
// its seed on every machine and standard library, so nothing here comes from <random>:
//  * SplitMix64 (Steele GL, Lea D, Flood CH, "Fast splittable pseudorandom number generators",
//    OOPSLA 2014; the constants of Vigna's public-domain splitmix64.c) turns one 64-bit seed
//    into well-mixed words: it seeds the main generator and derives one stream per event;
//  * xoshiro256** (Blackman D, Vigna S, "Scrambled linear pseudorandom number generators",
//    ACM Trans Math Softw 2021;47(4):36) draws the numbers of a stream.
// Both are checked against the published reference outputs (tests/unit/sim_random).
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace lb::sim::random {

/// One SplitMix64 step: advances `state` by the golden-ratio increment and returns the
/// mixed value. From state 0 the outputs are 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, ...
std::uint64_t splitmix64_next(std::uint64_t& state);

/// FNV-1a, 64 bit (Fowler, Noll, Vo; offset basis 0xcbf29ce484222325, prime 0x100000001b3):
/// the stable hash of an event id that separates the streams of one seed.
std::uint64_t fnv1a64(std::string_view text);

/// xoshiro256**: 256 bits of state, period 2^256 - 1.
class Xoshiro256 {
 public:
  /// The state directly (for the reference vectors); must not be all zero.
  explicit Xoshiro256(const std::array<std::uint64_t, 4>& state) : s_(state) {}
  /// Seeded as the authors advise: four successive SplitMix64 outputs of `seed`.
  static Xoshiro256 from_seed(std::uint64_t seed);

  std::uint64_t next();
  [[nodiscard]] const std::array<std::uint64_t, 4>& state() const { return s_; }

 private:
  std::array<std::uint64_t, 4> s_;
};

/// The seed of the stream named `name` in a run seeded with `run_seed`: one SplitMix64 step
/// of run_seed XOR fnv1a64(name). Streams depend only on (seed, name), never on the order in
/// which they are created or on what other streams exist.
std::uint64_t stream_seed(std::uint64_t run_seed, std::string_view name);

}  // namespace lb::sim::random
