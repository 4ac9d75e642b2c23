// BMI and ideal body weight against clinical.md §1.6, §1.7, §1.8 and §9.1 (V12),
// plus hand-derived cases and the below-60-inch policy edges.
#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>

#include "text/format.hpp"
#include "volume/body_size.hpp"
#include "volume_checks.hpp"

using namespace lb;
using namespace lb::units;
using lb::testing::input;
using lb::testing::warns;
using protocol::IbwMethod;
using protocol::ShortStaturePolicy;

namespace {

double ibw_kg(IbwMethod m, model::Sex s, Length h,
              ShortStaturePolicy p = ShortStaturePolicy::extrapolate) {
  return in_kilograms(volume::ideal_body_weight(m, s, h, p).value);
}

}  // namespace

TEST_SUITE("volume") {
  TEST_CASE("BMI: the §1.8 table column") {
    // clinical.md §1.8: 22.86, 23.44, 24.69, 41.52 (2 decimals, so ± 0.005).
    LB_CHECK_NEAR(in_kg_per_m2(volume::body_mass_index(meters(1.75), kilograms(70)).value), 22.86,
                  0.005);
    LB_CHECK_NEAR(in_kg_per_m2(volume::body_mass_index(meters(1.60), kilograms(60)).value), 23.44,
                  0.005);
    LB_CHECK_NEAR(in_kg_per_m2(volume::body_mass_index(meters(1.80), kilograms(80)).value), 24.69,
                  0.005);
    LB_CHECK_NEAR(in_kg_per_m2(volume::body_mass_index(meters(1.70), kilograms(120)).value), 41.52,
                  0.005);
  }

  TEST_CASE("BMI: hand-derived cases") {
    // 64 kg / (1.60 m)² = 64 / 2.56 = 25.0 exactly.
    LB_CHECK_NEAR(in_kg_per_m2(volume::body_mass_index(meters(1.60), kilograms(64)).value), 25.0,
                  1e-12);
    // 120 kg / (2.00 m)² = 120 / 4 = 30.0 exactly; centimetres give the same.
    LB_CHECK_NEAR(in_kg_per_m2(volume::body_mass_index(centimeters(200), kilograms(120)).value),
                  30.0, 1e-12);
    // 154 lb at 5 ft 9 in: 69.853 225 kg / (1.7526 m)² = 69.853225 / 3.07160676 = 22.741...
    LB_CHECK_NEAR(in_kg_per_m2(volume::body_mass_index(inches(69), pounds(154)).value),
                  69.85322498 / (1.7526 * 1.7526), 1e-9);
  }

  TEST_CASE("BMI derivation explains itself") {
    const auto bmi = volume::body_mass_index(meters(1.75), kilograms(70));
    CHECK(bmi.how.id == "bmi");
    CHECK(bmi.how.label == "Body mass index");
    CHECK(bmi.how.shown.unit == "kg/m²");
    CHECK(bmi.how.shown.decimals == 1);
    CHECK(text::shown(bmi.how.shown) == "22.9 kg/m²");
    CHECK(bmi.how.formula == "BMI = W ÷ H²  (W in kg, H in m)");
    REQUIRE(input(bmi.how, "height") != nullptr);
    CHECK(text::shown(*input(bmi.how, "height")->quantity) == "1.75 m");
    REQUIRE(input(bmi.how, "weight") != nullptr);
    CHECK(text::shown(*input(bmi.how, "weight")->quantity) == "70.0 kg");
    CHECK_FALSE(bmi.how.source.empty());
    CHECK(bmi.how.warnings.empty());
  }

  TEST_CASE("V12: Devine male 175 cm = 70.465 kg - female 160 cm = 52.382 kg") {
    LB_CHECK_NEAR(ibw_kg(IbwMethod::devine, model::Sex::male, centimeters(175)), 70.465, 0.0005);
    LB_CHECK_NEAR(ibw_kg(IbwMethod::devine, model::Sex::female, centimeters(160)), 52.382, 0.0005);
  }

  TEST_CASE("§1.7: Devine male 180 cm = 74.99 kg - male 152.4 cm = 50 kg exactly with no warning") {
    LB_CHECK_NEAR(ibw_kg(IbwMethod::devine, model::Sex::male, centimeters(180)), 74.99, 0.005);
    for (const auto policy : {ShortStaturePolicy::extrapolate, ShortStaturePolicy::floor_at_base}) {
      const auto ibw = volume::ideal_body_weight(IbwMethod::devine, model::Sex::male,
                                                 centimeters(152.4), policy);
      LB_CHECK_NEAR(in_kilograms(ibw.value), 50.0, 1e-9);
      CHECK(ibw.how.warnings.empty());
    }
  }

  TEST_CASE("IBW: hand-derived cases for Devine - Robinson and Miller") {
    // 6 ft = 72 in = 182.88 cm, 12 in over 5 ft:
    //   Devine   50.0 + 2.3  × 12 = 77.6 kg
    //   Robinson 52   + 1.9  × 12 = 74.8 kg
    //   Miller   56.2 + 1.41 × 12 = 73.12 kg
    LB_CHECK_NEAR(ibw_kg(IbwMethod::devine, model::Sex::male, inches(72)), 77.6, 1e-9);
    LB_CHECK_NEAR(ibw_kg(IbwMethod::robinson, model::Sex::male, centimeters(182.88)), 74.8, 1e-9);
    LB_CHECK_NEAR(ibw_kg(IbwMethod::miller, model::Sex::male, feet(6)), 73.12, 1e-9);
    // 5 ft 5 in = 65 in = 165.1 cm, 5 in over 5 ft:
    //   Devine   45.5 + 2.3  × 5 = 57.0 kg
    //   Robinson 49   + 1.7  × 5 = 57.5 kg
    //   Miller   53.1 + 1.36 × 5 = 59.9 kg
    LB_CHECK_NEAR(ibw_kg(IbwMethod::devine, model::Sex::female, centimeters(165.1)), 57.0, 1e-9);
    LB_CHECK_NEAR(ibw_kg(IbwMethod::robinson, model::Sex::female, inches(65)), 57.5, 1e-9);
    LB_CHECK_NEAR(ibw_kg(IbwMethod::miller, model::Sex::female, inches(65)), 59.9, 1e-9);
  }

  TEST_CASE("IBW derivation explains itself") {
    const auto ibw = volume::ideal_body_weight(IbwMethod::devine, model::Sex::male,
                                               centimeters(175), ShortStaturePolicy::extrapolate);
    CHECK(ibw.how.id == "ideal_body_weight");
    CHECK(ibw.how.label == "Ideal body weight");
    CHECK(ibw.how.method == "Devine 1974, male");
    CHECK(ibw.how.formula == "IBW = 50.0 + 2.3 × (H − 60)  (H in inches, IBW in kg)");
    CHECK(text::shown(ibw.how.shown) == "70.5 kg");
    REQUIRE(input(ibw.how, "H (height in inches)") != nullptr);
    CHECK(text::shown(*input(ibw.how, "H (height in inches)")->quantity) == "68.90 in");
    REQUIRE(input(ibw.how, "sex") != nullptr);
    CHECK(input(ibw.how, "sex")->text == "male");
    CHECK(testing::contains(ibw.how.source, "Devine"));
    CHECK(ibw.how.warnings.empty());

    const auto miller = volume::ideal_body_weight(
        IbwMethod::miller, model::Sex::female, centimeters(160), ShortStaturePolicy::extrapolate);
    CHECK(miller.how.method == "Miller 1983, female");
    CHECK(miller.how.formula == "IBW = 53.1 + 1.36 × (H − 60)  (H in inches, IBW in kg)");
    const auto robinson = volume::ideal_body_weight(
        IbwMethod::robinson, model::Sex::male, centimeters(160), ShortStaturePolicy::extrapolate);
    CHECK(robinson.how.formula == "IBW = 52 + 1.9 × (H − 60)  (H in inches, IBW in kg)");
  }

  TEST_CASE("IBW below 60 in: extrapolated or floored per policy - always with a warning") {
    // 58 in = 147.32 cm, 2 in under 5 ft. Devine male: 50.0 − 2 × 2.3 = 45.4 kg.
    const auto extrapolated = volume::ideal_body_weight(
        IbwMethod::devine, model::Sex::male, centimeters(147.32), ShortStaturePolicy::extrapolate);
    LB_CHECK_NEAR(in_kilograms(extrapolated.value), 45.4, 1e-9);
    CHECK(warns(extrapolated.how, "below 60 in"));
    CHECK(warns(extrapolated.how, "extrapolated below its base of 50.0 kg to 45.4 kg"));

    const auto floored = volume::ideal_body_weight(IbwMethod::devine, model::Sex::male, inches(58),
                                                   ShortStaturePolicy::floor_at_base);
    LB_CHECK_NEAR(in_kilograms(floored.value), 50.0, 1e-12);
    CHECK(warns(floored.how, "floored at the base weight of 50.0 kg"));
    CHECK(warns(floored.how, "would give 45.4 kg"));
    CHECK(testing::contains(floored.how.formula, "floored"));

    // Miller female at 58 in: 53.1 − 2 × 1.36 = 50.38 kg extrapolated, 53.1 kg floored.
    LB_CHECK_NEAR(ibw_kg(IbwMethod::miller, model::Sex::female, inches(58)), 50.38, 1e-9);
    LB_CHECK_NEAR(ibw_kg(IbwMethod::miller, model::Sex::female, inches(58),
                         ShortStaturePolicy::floor_at_base),
                  53.1, 1e-12);
  }

  TEST_CASE("IBW: the 60 in edge (just below / at / just above)") {
    for (const auto policy : {ShortStaturePolicy::extrapolate, ShortStaturePolicy::floor_at_base}) {
      const auto below = volume::ideal_body_weight(IbwMethod::robinson, model::Sex::female,
                                                   centimeters(152.39), policy);
      const auto at = volume::ideal_body_weight(IbwMethod::robinson, model::Sex::female,
                                                centimeters(152.4), policy);
      const auto above = volume::ideal_body_weight(IbwMethod::robinson, model::Sex::female,
                                                   centimeters(152.41), policy);
      CHECK(below.how.warnings.size() == 1);
      CHECK(at.how.warnings.empty());
      CHECK(above.how.warnings.empty());
      // One ulp under 60 in (binary noise from a unit conversion) counts as 60 in.
      const auto ulp_under = volume::ideal_body_weight(IbwMethod::robinson, model::Sex::female,
                                                       meters(std::nextafter(1.524, 0.0)), policy);
      CHECK(ulp_under.how.warnings.empty());
      LB_CHECK_NEAR(in_kilograms(at.value), 49.0, 1e-9);
      // 0.01 cm = 0.003937 in above: 49 + 1.7 × 0.003937 = 49.00669 kg.
      LB_CHECK_NEAR(in_kilograms(above.value), 49.0 + 1.7 * 0.01 / 2.54, 1e-9);
    }
  }

  TEST_CASE("IBW: a line extrapolated to no positive weight is reported as not computed") {
    // Devine male at 90 cm = 35.43 in: 50 − 2.3 × 24.57 = −6.5 kg.
    const auto ibw = volume::ideal_body_weight(IbwMethod::devine, model::Sex::male, centimeters(90),
                                               ShortStaturePolicy::extrapolate);
    CHECK(in_kilograms(ibw.value) == 0.0);
    CHECK(ibw.how.method.rfind("not computed", 0) == 0);
    REQUIRE_FALSE(ibw.how.warnings.empty());
    CHECK(testing::contains(ibw.how.warnings.back(), "ideal body weight not computed"));
    CHECK(testing::contains(ibw.how.warnings.back(), "-6.5 kg"));
    // Flooring keeps the base weight.
    LB_CHECK_NEAR(ibw_kg(IbwMethod::devine, model::Sex::male, centimeters(90),
                         ShortStaturePolicy::floor_at_base),
                  50.0, 1e-12);
  }

  TEST_CASE("body size: nonsensical inputs are refused") {
    CHECK_THROWS_AS(volume::body_mass_index(meters(0), kilograms(70)), std::invalid_argument);
    CHECK_THROWS_AS(volume::body_mass_index(meters(1.7), kilograms(-1)), std::invalid_argument);
    CHECK_THROWS_AS(volume::ideal_body_weight(IbwMethod::devine, model::Sex::male, meters(-1.7),
                                              ShortStaturePolicy::extrapolate),
                    std::invalid_argument);
  }

  TEST_CASE("property: IBW rises with height for every method and sex") {
    for (const auto m : {IbwMethod::devine, IbwMethod::robinson, IbwMethod::miller}) {
      for (const auto s : {model::Sex::male, model::Sex::female}) {
        double previous = 0.0;
        for (int cm = 153; cm <= 215; ++cm) {
          const double w = ibw_kg(m, s, centimeters(cm));
          CHECK(w > previous);
          previous = w;
        }
      }
    }
  }
}
