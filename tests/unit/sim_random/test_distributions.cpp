// The simulator's own distributions: moments over many draws of a fixed seed (deterministic,
// so these checks cannot flake), argument guards, and the Box-Muller pairing.
#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>

#include "sim/random/distributions.hpp"

using namespace lb::sim::random;

namespace {
constexpr int kDraws = 200000;
}

TEST_SUITE("sim_random") {
  TEST_CASE("uniform01 lies in 0 to 1 with mean 1/2 and variance 1/12") {
    Stream s(1);
    double sum = 0, sum2 = 0, lo = 1, hi = 0;
    for (int i = 0; i < kDraws; ++i) {
      const double u = s.uniform01();
      sum += u;
      sum2 += u * u;
      lo = std::min(lo, u);
      hi = std::max(hi, u);
    }
    CHECK(lo >= 0.0);
    CHECK(hi < 1.0);
    const double mean = sum / kDraws;
    CHECK(mean == doctest::Approx(0.5).epsilon(0.005));
    CHECK(sum2 / kDraws - mean * mean == doctest::Approx(1.0 / 12.0).epsilon(0.01));
  }

  TEST_CASE("uniform lo to hi scales onto its interval") {
    Stream s(2);
    for (int i = 0; i < 1000; ++i) {
      const double x = s.uniform(5.0, 7.0);
      CHECK(x >= 5.0);
      CHECK(x < 7.0);
    }
  }

  TEST_CASE("exponential has mean and standard deviation 1/rate") {
    Stream s(3);
    const double rate = 0.25;
    double sum = 0, sum2 = 0;
    for (int i = 0; i < kDraws; ++i) {
      const double x = s.exponential(rate);
      CHECK(x >= 0.0);
      sum += x;
      sum2 += x * x;
    }
    const double mean = sum / kDraws;
    CHECK(mean == doctest::Approx(4.0).epsilon(0.01));
    CHECK(std::sqrt(sum2 / kDraws - mean * mean) == doctest::Approx(4.0).epsilon(0.02));
    CHECK_THROWS_AS(s.exponential(0.0), std::invalid_argument);
    CHECK_THROWS_AS(s.exponential(-1.0), std::invalid_argument);
  }

  TEST_CASE("normal has the asked mean and sd and about 68 percent within one sd") {
    Stream s(4);
    double sum = 0, sum2 = 0;
    int within = 0;
    for (int i = 0; i < kDraws; ++i) {
      const double x = s.normal(10.0, 2.0);
      sum += x;
      sum2 += x * x;
      if (std::abs(x - 10.0) < 2.0) ++within;
    }
    const double mean = sum / kDraws;
    CHECK(mean == doctest::Approx(10.0).epsilon(0.002));
    CHECK(std::sqrt(sum2 / kDraws - mean * mean) == doctest::Approx(2.0).epsilon(0.01));
    CHECK(static_cast<double>(within) / kDraws == doctest::Approx(0.6827).epsilon(0.01));
  }

  TEST_CASE("Box-Muller uses both values of a pair: two normals consume two uniforms") {
    Stream a(5), b(5);
    (void)a.normal(0, 1);
    (void)a.normal(0, 1);
    (void)b.uniform01();
    (void)b.uniform01();
    CHECK(a.next_u64() == b.next_u64());
  }

  TEST_CASE("Bernoulli frequency matches p and p 0 and 1 are certain") {
    Stream s(6);
    int hits = 0;
    for (int i = 0; i < kDraws; ++i) hits += s.bernoulli(0.013) ? 1 : 0;
    CHECK(static_cast<double>(hits) / kDraws == doctest::Approx(0.013).epsilon(0.05));
    for (int i = 0; i < 1000; ++i) {
      CHECK_FALSE(s.bernoulli(0.0));
      CHECK(s.bernoulli(1.0));
    }
  }

  TEST_CASE("Poisson mean and variance equal the mean for small and split large means") {
    for (const double m : {0.7, 4.0, 75.0}) {
      Stream s(7);
      double sum = 0, sum2 = 0;
      const int n = 50000;
      for (int i = 0; i < n; ++i) {
        const auto k = static_cast<double>(s.poisson(m));
        sum += k;
        sum2 += k * k;
      }
      const double mean = sum / n;
      CAPTURE(m);
      CHECK(mean == doctest::Approx(m).epsilon(0.02));
      CHECK(sum2 / n - mean * mean == doctest::Approx(m).epsilon(0.05));
    }
    Stream s(8);
    CHECK(s.poisson(0.0) == 0);
    CHECK_THROWS_AS(s.poisson(-1.0), std::invalid_argument);
  }

  TEST_CASE("a stream replays exactly from its seed and name") {
    Stream a(99, "urticaria"), b(99, "urticaria"), c(99, "trali");
    bool all_same = true, any_differs = false;
    for (int i = 0; i < 100; ++i) {
      const double x = a.exponential(1.0);
      all_same = all_same && x == b.exponential(1.0);
      any_differs = any_differs || x != c.exponential(1.0);
    }
    CHECK(all_same);
    CHECK(any_differs);
  }
}
