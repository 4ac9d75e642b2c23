// Threshold comparisons (core/units/compare.hpp) with operands that are not
// finite: none of them holds, so an infinite or NaN value never meets a rule.
#include <doctest/doctest.h>

#include <limits>

#include "units/compare.hpp"
#include "units/quantities.hpp"

using namespace lb::units;

TEST_SUITE("units") {
  TEST_CASE("no comparison holds for an infinite or NaN operand") {
    const double inf = std::numeric_limits<double>::infinity();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const auto twenty = fraction(20.0);
    for (const double bad : {inf, -inf, nan}) {
      CAPTURE(bad);
      CHECK_FALSE(nearly_equal(fraction(bad), twenty));
      CHECK_FALSE(nearly_equal(twenty, fraction(bad)));
      CHECK_FALSE(at_least(fraction(bad), twenty));
      CHECK_FALSE(at_most(fraction(bad), twenty));
      CHECK_FALSE(above(fraction(bad), twenty));
      CHECK_FALSE(below(fraction(bad), twenty));
      CHECK_FALSE(at_most(twenty, fraction(bad)));
      CHECK_FALSE(above(twenty, fraction(bad)));
    }
    CHECK_FALSE(nearly_equal(fraction(inf), fraction(inf)));
  }

  TEST_CASE("finite comparisons keep their tolerance") {
    CHECK(at_least(fraction(20.0), fraction(20.0)));
    CHECK(at_most(fraction(20.0 * (1 + 1e-12)), fraction(20.0)));
    CHECK(above(fraction(21.0), fraction(20.0)));
    CHECK(below(fraction(19.0), fraction(20.0)));
    CHECK_FALSE(above(fraction(20.0), fraction(20.0)));
  }
}
