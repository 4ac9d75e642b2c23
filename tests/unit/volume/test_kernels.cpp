// The numeric kernels shared by the volume engine and the cohort fast path:
// evaluable at compile time (constexpr, checked by static_assert) and equal to
// the published lines at points worked by hand.
#include <doctest/doctest.h>

#include <cmath>

#include "volume/kernels.hpp"

using namespace lb;
namespace kernel = lb::volume::kernel;

namespace {

constexpr bool near(double a, double b) { return (a > b ? a - b : b - a) < 1e-9; }

// Devine 1974, male, 70 in: 50 + 2.3 × 10 = 73 kg.
static_assert(near(units::in_kilograms(kernel::ibw_on_line(
                       kernel::ibw_line(protocol::IbwMethod::devine, model::Sex::male),
                       units::inches(70))),
                   73.0));
// Nadler 1962, female: the intercept is 0.1833 (0.6041 is the male one).
static_assert(kernel::nadler_coefficients(model::Sex::female).c == 0.1833);
// Nadler, male, 1.80 m, 80 kg: 0.3669 × 5.832 + 0.03219 × 80 + 0.6041 = 5.3219... L.
static_assert(near(units::in_liters(kernel::nadler(model::Sex::male, units::meters(1.8),
                                                   units::kilograms(80))),
                   0.3669 * 5.832 + 0.03219 * 80 + 0.6041));

}  // namespace

TEST_SUITE("volume") {
  TEST_CASE("kernels: IBW lines at 66 in for each method and sex") {
    const auto at = [](protocol::IbwMethod m, model::Sex s) {
      return units::in_kilograms(kernel::ibw_on_line(kernel::ibw_line(m, s), units::inches(66)));
    };
    CHECK(at(protocol::IbwMethod::devine, model::Sex::female) == doctest::Approx(45.5 + 13.8));
    CHECK(at(protocol::IbwMethod::robinson, model::Sex::male) == doctest::Approx(52 + 11.4));
    CHECK(at(protocol::IbwMethod::robinson, model::Sex::female) == doctest::Approx(49 + 10.2));
    CHECK(at(protocol::IbwMethod::miller, model::Sex::male) == doctest::Approx(56.2 + 8.46));
    CHECK(at(protocol::IbwMethod::miller, model::Sex::female) == doctest::Approx(53.1 + 8.16));
  }

  TEST_CASE("kernels: below 60 in the protocol chooses the line or its base") {
    const auto line = kernel::ibw_line(protocol::IbwMethod::devine, model::Sex::female);
    const auto h = units::inches(58);
    CHECK(units::in_kilograms(kernel::ideal_body_weight(
              line, h, protocol::ShortStaturePolicy::floor_at_base)) == doctest::Approx(45.5));
    CHECK(units::in_kilograms(kernel::ideal_body_weight(
              line, h, protocol::ShortStaturePolicy::extrapolate)) == doctest::Approx(40.9));
  }

  TEST_CASE("kernels: Lemmens indexes the reference rate to BMI") {
    // BMI 88 = 4 × 22: the 70 mL/kg reference is halved.
    const auto rate = kernel::lemmens_indexed_rate(units::kg_per_m2(88), units::ml_per_kg(70),
                                                   units::kg_per_m2(22));
    CHECK(units::in_ml_per_kg(rate) == doctest::Approx(35.0));
  }

  TEST_CASE("kernels: a cap keeps the protocol's rounding and never ends above itself") {
    protocol::ExchangeSettings s;
    s.round_to = units::milliliters(100);
    CHECK(units::in_milliliters(kernel::capped_at(units::milliliters(5050), s)) ==
          doctest::Approx(5000));
    CHECK(units::in_milliliters(kernel::capped_at(units::milliliters(5000), s)) ==
          doctest::Approx(5000));
    CHECK(units::in_milliliters(kernel::round_to_nearest(
              units::milliliters(5065), units::milliliters(10))) == doctest::Approx(5070));
    s.round_to.reset();
    CHECK(units::in_milliliters(kernel::capped_at(units::milliliters(5050), s)) ==
          doctest::Approx(5050));
  }
}
