#include "sim/random/generator.hpp"

namespace lb::sim::random {

namespace {
constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
}  // namespace

std::uint64_t splitmix64_next(std::uint64_t& state) {
  state += 0x9e3779b97f4a7c15ULL;
  std::uint64_t z = state;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::uint64_t fnv1a64(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

Xoshiro256 Xoshiro256::from_seed(std::uint64_t seed) {
  std::uint64_t sm = seed;
  std::array<std::uint64_t, 4> s{};
  for (auto& word : s) word = splitmix64_next(sm);
  // SplitMix64 is a bijection of its counter, so four successive outputs are never all zero.
  return Xoshiro256(s);
}

std::uint64_t Xoshiro256::next() {
  const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

std::uint64_t stream_seed(std::uint64_t run_seed, std::string_view name) {
  std::uint64_t state = run_seed ^ fnv1a64(name);
  return splitmix64_next(state);
}

}  // namespace lb::sim::random
