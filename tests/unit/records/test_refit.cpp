#include <doctest/doctest.h>

#include <stdexcept>

#include "records/refit.hpp"

using namespace lb;

namespace {
// clinical.md §9.1 V4: PV 3.3766 L for the male 175 cm / 70 kg / Hct 30 % example.
const units::Volume kPv = units::milliliters(3376.6);

records::RefitInput igg(double x_done, double x_plan, double observed) {
  return {"igg", kPv * x_done, kPv, kPv * x_plan, units::fraction(0.45), units::fraction(observed)};
}
}  // namespace

TEST_SUITE("records") {
  TEST_CASE("the prediction matches the two-compartment table of clinical.md") {
    // §2.2: IgG (f 0.45) x = 1.0 -> 0.7155; x = 1.5 -> 0.6504.
    CHECK(units::in_fraction(
              records::refit_intravascular_fraction(igg(1.0, 1.0, 0.7155)).predicted_ratio.value) ==
          doctest::Approx(0.7155).epsilon(1e-4));
    CHECK(units::in_fraction(
              records::refit_intravascular_fraction(igg(1.5, 1.5, 0.6504)).predicted_ratio.value) ==
          doctest::Approx(0.6504).epsilon(1e-4));
  }

  TEST_CASE("an observation as predicted fits the protocol's f and keeps the planned volume") {
    const auto r = records::refit_intravascular_fraction(igg(1.0, 1.0, 0.715546));
    REQUIRE(r.fitted_fraction);
    CHECK(units::in_fraction(r.fitted_fraction->value) == doctest::Approx(0.45).epsilon(1e-4));
    REQUIRE(r.replanned_volume);
    CHECK(units::in_milliliters(r.replanned_volume->value) ==
          doctest::Approx(3376.6).epsilon(1e-3));
  }

  TEST_CASE("a smaller fall than predicted fits a smaller f and a larger volume") {
    // Observed the albumin-like fall (f 0.40, table: 0.7472 at x = 1.0) for a solute
    // planned with f 0.45 at 1.5 PV (target 0.6504): f_fit = 0.2528 / (1 − e^−1) = 0.3999,
    // x' = −ln((0.6504 − 1 + 0.3999) / 0.3999) = 2.0726, V' = 2.0726 × 3376.6 mL = 6998 mL.
    const auto r = records::refit_intravascular_fraction(igg(1.0, 1.5, 0.7472));
    REQUIRE(r.fitted_fraction);
    CHECK(units::in_fraction(r.fitted_fraction->value) == doctest::Approx(0.3999).epsilon(1e-3));
    REQUIRE(r.replanned_volume);
    CHECK(units::in_milliliters(r.replanned_volume->value) == doctest::Approx(6998).epsilon(1e-3));
    CHECK(r.replanned_volume->how.label.find("model estimate") != std::string::npos);
    CHECK(r.replanned_volume->how.warnings.size() == 1);
  }

  TEST_CASE("no fall or an impossible fall or an unreachable target gives a note and no number") {
    const auto rise = records::refit_intravascular_fraction(igg(1.0, 1.0, 1.05));
    CHECK_FALSE(rise.fitted_fraction);
    CHECK(rise.note.find("no fall") != std::string::npos);
    const auto too_much = records::refit_intravascular_fraction(igg(1.0, 1.0, 0.2));
    CHECK_FALSE(too_much.fitted_fraction);
    CHECK(too_much.note.find("above 1") != std::string::npos);
    // f_fit 0.1 cannot reach 0.6504 (needs a fall of 35 % with only 10 % removable).
    const auto unreachable = records::refit_intravascular_fraction(igg(1.0, 1.5, 0.93679));
    REQUIRE(unreachable.fitted_fraction);
    CHECK_FALSE(unreachable.replanned_volume);
    CHECK(unreachable.note.find("cannot be reached") != std::string::npos);
  }

  TEST_CASE("non-positive volumes are refused") {
    auto in = igg(1.0, 1.0, 0.7);
    in.plasma_removed = units::milliliters(0);
    CHECK_THROWS_AS(records::refit_intravascular_fraction(in), std::invalid_argument);
  }
}
