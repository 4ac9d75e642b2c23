// Total blood volume against clinical.md §1.1, §1.3–§1.5, §1.8 and §9.1 (V1),
// hand-derived cases, the female-intercept negative test, applicability
// warnings and the dispatcher's fallbacks.
#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>

#include "text/format.hpp"
#include "volume/blood_volume.hpp"
#include "volume_checks.hpp"

using namespace lb;
using namespace lb::units;
using lb::testing::contains;
using lb::testing::input;
using lb::testing::warns;
using model::Sex;

namespace {

const Mass kNadlerMin = kilograms(25);

double nadler_l(Sex s, double h_m, double w_kg) {
  return in_liters(volume::nadler_blood_volume(s, meters(h_m), kilograms(w_kg), kNadlerMin).value);
}
double lemmens_l(double h_m, double w_kg) {
  return in_liters(
      volume::lemmens_blood_volume(meters(h_m), kilograms(w_kg), ml_per_kg(70), kg_per_m2(22))
          .value);
}

}  // namespace

TEST_SUITE("volume") {
  TEST_CASE("V1: Nadler male 1.75 m 70 kg = 4.8238 L") {
    // 0.3669 × 5.359375 + 0.03219 × 70 + 0.6041 = 1.9663 + 2.2533 + 0.6041 = 4.8238 L.
    const auto tbv =
        volume::nadler_blood_volume(Sex::male, meters(1.75), kilograms(70), kNadlerMin);
    LB_CHECK_NEAR(in_liters(tbv.value), 4.8238, 0.00005);
    CHECK(tbv.how.id == "total_blood_volume");
    CHECK(tbv.how.label == "Total blood volume");
    CHECK(tbv.how.method == "Nadler 1962, male");
    CHECK(tbv.how.formula ==
          "TBV = 0.3669 × H³ + 0.03219 × W + 0.6041  (H in m, W in kg, TBV in L)");
    CHECK(tbv.how.shown.unit == "mL");
    CHECK(tbv.how.shown.decimals == 0);
    CHECK(text::shown(tbv.how.shown) == "4824 mL");  // V5: TBV 4824 mL
    CHECK(contains(tbv.how.source, "Nadler SB, Hidalgo JH, Bloch T"));
    CHECK(contains(tbv.how.source, "Surgery 1962;51(2):224-32"));
    REQUIRE(input(tbv.how, "H") != nullptr);
    CHECK(text::shown(*input(tbv.how, "H")->quantity) == "1.75 m");
    REQUIRE(input(tbv.how, "W") != nullptr);
    CHECK(text::shown(*input(tbv.how, "W")->quantity) == "70.0 kg");
    CHECK(tbv.how.warnings.empty());
  }

  TEST_CASE("§1.8 table: Nadler and Lemmens TBV for all four patients") {
    // ± 0.00005 L: the table gives four decimals.
    LB_CHECK_NEAR(nadler_l(Sex::male, 1.75, 70), 4.8238, 0.00005);
    LB_CHECK_NEAR(nadler_l(Sex::female, 1.60, 60), 3.6267, 0.00005);
    LB_CHECK_NEAR(nadler_l(Sex::male, 1.80, 80), 5.3191, 0.00005);
    LB_CHECK_NEAR(nadler_l(Sex::male, 1.70, 120), 6.2695, 0.00005);
    LB_CHECK_NEAR(lemmens_l(1.75, 70), 4.8072, 0.00005);
    LB_CHECK_NEAR(lemmens_l(1.60, 60), 4.0692, 0.00005);
    LB_CHECK_NEAR(lemmens_l(1.80, 80), 5.2860, 0.00005);
    LB_CHECK_NEAR(lemmens_l(1.70, 120), 6.1143, 0.00005);
  }

  TEST_CASE("negative test: female Nadler uses intercept 0.1833 - not the male 0.6041") {
    // With the buggy male intercept: 0.3561 × 4.096 + 0.03308 × 60 + 0.6041 = 4.0475 L.
    const auto tbv =
        volume::nadler_blood_volume(Sex::female, meters(1.60), kilograms(60), kNadlerMin);
    LB_CHECK_NEAR(in_liters(tbv.value), 3.6267, 0.00005);
    CHECK(std::fabs(in_liters(tbv.value) - 4.0475) > 0.4);
    CHECK(tbv.how.method == "Nadler 1962, female");
    CHECK(contains(tbv.how.formula, "0.1833"));
    CHECK_FALSE(contains(tbv.how.formula, "0.6041"));
    CHECK(tbv.how.formula ==
          "TBV = 0.3561 × H³ + 0.03308 × W + 0.1833  (H in m, W in kg, TBV in L)");
  }

  TEST_CASE("Nadler: hand-derived cases") {
    // Female 1.70 m 65 kg: 0.3561 × 4.913 + 0.03308 × 65 + 0.1833
    //                    = 1.7495193 + 2.1502 + 0.1833 = 4.0830193 L.
    LB_CHECK_NEAR(nadler_l(Sex::female, 1.70, 65), 4.0830193, 1e-9);
    // Male 1.60 m 55 kg: 0.3669 × 4.096 + 0.03219 × 55 + 0.6041
    //                  = 1.5028224 + 1.77045 + 0.6041 = 3.8773724 L.
    LB_CHECK_NEAR(nadler_l(Sex::male, 1.60, 55), 3.8773724, 1e-9);
    // Male 2.00 m 120 kg: 0.3669 × 8 + 0.03219 × 120 + 0.6041 = 2.9352 + 3.8628 + 0.6041 = 7.4021
    // L.
    LB_CHECK_NEAR(nadler_l(Sex::male, 2.00, 120), 7.4021, 1e-9);
    // Units at the boundary: 175 cm and 154.32 lb (= 70 kg) are the V1 patient:
    // 0.3669 × 5.359375 + 2.2533 + 0.6041 = 1.9663546875 + 2.8574 = 4.8237546875 L.
    LB_CHECK_NEAR(in_liters(volume::nadler_blood_volume(Sex::male, centimeters(175),
                                                        pounds(70 / 0.45359237), kNadlerMin)
                                .value),
                  4.8237546875, 1e-9);
  }

  TEST_CASE("Nadler warnings: below the minimum weight - and BMI ≥ 30") {
    const auto light =
        volume::nadler_blood_volume(Sex::male, meters(1.20), kilograms(20), kNadlerMin);
    CHECK(warns(light.how, "Weight 20.0 kg is below 25.0 kg"));
    CHECK(warns(light.how, "not applicable"));
    const auto at_min =
        volume::nadler_blood_volume(Sex::male, meters(1.20), kilograms(25), kNadlerMin);
    CHECK(at_min.how.warnings.empty());

    const auto obese =
        volume::nadler_blood_volume(Sex::male, meters(1.70), kilograms(120), kNadlerMin);
    REQUIRE(obese.how.warnings.size() == 1);
    CHECK(contains(obese.how.warnings[0], "BMI 41.5 kg/m²"));
    CHECK(contains(obese.how.warnings[0], "Lemmens"));
    // BMI exactly 30 (2.00 m, 120 kg) warns; 29.99 does not.
    CHECK(volume::nadler_blood_volume(Sex::male, meters(2.0), kilograms(120), kNadlerMin)
              .how.warnings.size() == 1);
    CHECK(volume::nadler_blood_volume(Sex::male, meters(2.0), kilograms(119.96), kNadlerMin)
              .how.warnings.empty());
  }

  TEST_CASE("Lemmens: hand-derived cases and explanation") {
    // At BMI 22 the indexed volume is the reference: 1.80 m, 22 × 3.24 = 71.28 kg
    // → 71.28 × 70 = 4989.6 mL.
    LB_CHECK_NEAR(lemmens_l(1.80, 71.28) * 1000, 4989.6, 1e-6);
    // At BMI 88 = 4 × 22 the indexed volume halves: 1.50 m, 88 × 2.25 = 198 kg
    // → 198 × 70 / √4 = 198 × 35 = 6930 mL.
    LB_CHECK_NEAR(lemmens_l(1.50, 198) * 1000, 6930.0, 1e-6);
    // Closed form 70 × √22 × H × √W mL (clinical.md §1.5), 1.70 m 120 kg = 6114.33 mL.
    LB_CHECK_NEAR(lemmens_l(1.70, 120) * 1000, 70 * std::sqrt(22.0) * 1.70 * std::sqrt(120.0),
                  1e-6);
    // A different reference (65 mL/kg at BMI 25) scales as the formula says:
    // 100 kg, 2.0 m → BMI 25 → 65 mL/kg → 6500 mL.
    LB_CHECK_NEAR(in_milliliters(volume::lemmens_blood_volume(meters(2.0), kilograms(100),
                                                              ml_per_kg(65), kg_per_m2(25))
                                     .value),
                  6500.0, 1e-6);

    const auto tbv =
        volume::lemmens_blood_volume(meters(1.70), kilograms(120), ml_per_kg(70), kg_per_m2(22));
    CHECK(tbv.how.id == "total_blood_volume");
    CHECK(tbv.how.method == "Lemmens–Bernstein–Brodsky 2006");
    CHECK(tbv.how.formula == "TBV = W × 70 mL/kg ÷ √(BMI ÷ 22)  (W in kg, BMI in kg/m²)");
    CHECK(contains(tbv.how.source, "Obes Surg 2006;16(6):773-6"));
    REQUIRE(input(tbv.how, "BMI") != nullptr);
    CHECK(input(tbv.how, "BMI")->ref == "bmi");
    CHECK(text::shown(*input(tbv.how, "BMI")->quantity) == "41.5 kg/m²");
    REQUIRE(input(tbv.how, "indexed blood volume") != nullptr);
    // 70 / √(41.5225 / 22) = 50.953 mL/kg.
    LB_CHECK_NEAR(input(tbv.how, "indexed blood volume")->quantity->value,
                  70 / std::sqrt(120 / (1.7 * 1.7) / 22), 1e-9);
  }

  TEST_CASE("weight-based: W × mL/kg - warning at BMI ≥ 30 with a ref to the BMI") {
    // 70 kg × 70 mL/kg = 4900 mL; 60 kg × 65 mL/kg = 3900 mL; 82.5 kg × 67.5 = 5568.75 mL.
    LB_CHECK_NEAR(
        in_milliliters(
            volume::weight_based_blood_volume(kilograms(70), ml_per_kg(70), std::nullopt).value),
        4900, 1e-9);
    LB_CHECK_NEAR(
        in_milliliters(
            volume::weight_based_blood_volume(kilograms(60), ml_per_kg(65), kg_per_m2(23.4)).value),
        3900, 1e-9);
    const auto odd =
        volume::weight_based_blood_volume(kilograms(82.5), ml_per_kg(67.5), std::nullopt);
    LB_CHECK_NEAR(in_milliliters(odd.value), 5568.75, 1e-9);
    CHECK(odd.how.method == "Weight-based, 67.5 mL/kg");
    CHECK(odd.how.formula == "TBV = W × 67.5 mL/kg");
    CHECK(odd.how.warnings.empty());

    const auto obese =
        volume::weight_based_blood_volume(kilograms(120), ml_per_kg(70), kg_per_m2(41.52));
    REQUIRE(obese.how.warnings.size() == 1);
    CHECK(contains(obese.how.warnings[0], "BMI 41.5 kg/m²"));
    CHECK(contains(obese.how.warnings[0], "overestimate"));
    CHECK(contains(obese.how.warnings[0], "Lemmens"));
    REQUIRE(input(obese.how, "BMI") != nullptr);
    CHECK(input(obese.how, "BMI")->ref == "bmi");
    // The edge: 30.0 warns, 29.99 does not.
    CHECK(volume::weight_based_blood_volume(kilograms(90), ml_per_kg(70), kg_per_m2(30))
              .how.warnings.size() == 1);
    CHECK(volume::weight_based_blood_volume(kilograms(90), ml_per_kg(70), kg_per_m2(29.99))
              .how.warnings.empty());
  }

  TEST_CASE("Gilcher: table value × weight - flagged (from memory - unverified)") {
    const protocol::GilcherTable table;
    // Male, normal build: 70 kg × 70 mL/kg = 4900 mL. Female, obese: 100 kg × 55 = 5500 mL.
    const auto male =
        volume::gilcher_blood_volume(Sex::male, model::Build::normal, kilograms(70), table);
    LB_CHECK_NEAR(in_milliliters(male.value), 4900, 1e-9);
    CHECK(male.how.method == "Gilcher rule of five, male, normal build");
    CHECK(warns(male.how, "unverified default"));
    CHECK(contains(male.how.source, "unverified default"));
    LB_CHECK_NEAR(in_milliliters(volume::gilcher_blood_volume(Sex::female, model::Build::obese,
                                                              kilograms(100), table)
                                     .value),
                  5500, 1e-9);
    // Every cell of the table is used: male 60/65/70/75, female 55/60/65/70 mL/kg at 10 kg.
    const model::Build builds[] = {model::Build::obese, model::Build::thin, model::Build::normal,
                                   model::Build::muscular};
    const double male_ml[] = {600, 650, 700, 750};
    const double female_ml[] = {550, 600, 650, 700};
    for (int i = 0; i < 4; ++i) {
      LB_CHECK_NEAR(
          in_milliliters(
              volume::gilcher_blood_volume(Sex::male, builds[i], kilograms(10), table).value),
          male_ml[i], 1e-9);
      LB_CHECK_NEAR(
          in_milliliters(
              volume::gilcher_blood_volume(Sex::female, builds[i], kilograms(10), table).value),
          female_ml[i], 1e-9);
    }
  }

  TEST_CASE("dispatcher: default protocol runs Nadler") {
    const protocol::BloodVolumeSettings settings;
    const auto tbv = volume::blood_volume(settings, Sex::male, meters(1.75), kilograms(70), {});
    LB_CHECK_NEAR(in_liters(tbv.value), 4.8238, 0.00005);
    CHECK(tbv.how.method == "Nadler 1962, male");
    CHECK(tbv.how.warnings.empty());
  }

  TEST_CASE("dispatcher: below the Nadler minimum weight falls back to weight-based and says so") {
    protocol::BloodVolumeSettings settings;  // minimum 25 kg, 70 mL/kg
    // 24.9 kg × 70 mL/kg = 1743 mL.
    const auto child = volume::blood_volume(settings, Sex::male, meters(1.20), kilograms(24.9), {});
    LB_CHECK_NEAR(in_milliliters(child.value), 1743.0, 1e-9);
    CHECK(contains(child.how.method, "Weight-based, 70 mL/kg"));
    CHECK(contains(child.how.method, "Nadler 1962 not applicable below 25.0 kg"));
    REQUIRE_FALSE(child.how.warnings.empty());
    CHECK(contains(child.how.warnings[0], "Weight 24.9 kg is below 25.0 kg"));
    CHECK(contains(child.how.warnings[0], "weight-based rule (70 mL/kg) was used instead"));

    // At the minimum Nadler applies: 0.3669 × 1.728 + 0.03219 × 25 + 0.6041 = 2.0428532 L.
    const auto at_min = volume::blood_volume(settings, Sex::male, meters(1.20), kilograms(25), {});
    LB_CHECK_NEAR(in_liters(at_min.value), 2.0428532, 1e-9);
    CHECK(at_min.how.method == "Nadler 1962, male");
    // 25 kg entered in pounds lands on the threshold, not 1 ulp under it.
    const auto lb25 =
        volume::blood_volume(settings, Sex::male, meters(1.20), pounds(25 / 0.45359237), {});
    CHECK(lb25.how.method == "Nadler 1962, male");
    // One ulp under 25 kg (binary noise from any conversion) is still 25 kg.
    const auto ulp_under = volume::blood_volume(settings, Sex::male, meters(1.20),
                                                kilograms(std::nextafter(25.0, 0.0)), {});
    CHECK(ulp_under.how.method == "Nadler 1962, male");
    CHECK(ulp_under.how.warnings.empty());

    // The female rate and a different threshold come from the protocol:
    // 30 kg < 35 kg → 30 × 65 mL/kg = 1950 mL.
    settings.nadler_min_weight = kilograms(35);
    settings.weight_based_female = ml_per_kg(65);
    const auto girl = volume::blood_volume(settings, Sex::female, meters(1.30), kilograms(30), {});
    LB_CHECK_NEAR(in_milliliters(girl.value), 1950.0, 1e-9);
    CHECK(warns(girl.how, "below 35.0 kg"));
    CHECK(warns(girl.how, "(65 mL/kg)"));
  }

  TEST_CASE("dispatcher: obese_switch_bmi switches to Lemmens at and above the BMI") {
    protocol::BloodVolumeSettings settings;
    settings.obese_switch_bmi = kg_per_m2(30);
    const auto obese = volume::blood_volume(settings, Sex::male, meters(1.70), kilograms(120), {});
    LB_CHECK_NEAR(in_liters(obese.value), 6.1143, 0.00005);
    CHECK(contains(obese.how.method, "Lemmens–Bernstein–Brodsky 2006"));
    CHECK(contains(obese.how.method, "BMI ≥ 30.0 kg/m²"));
    // BMI exactly 30: 2.00 m, 120 kg → 70 × √22 × 2.0 × √120 mL.
    const auto edge = volume::blood_volume(settings, Sex::male, meters(2.0), kilograms(120), {});
    LB_CHECK_NEAR(in_milliliters(edge.value), 70 * std::sqrt(22.0) * 2.0 * std::sqrt(120.0), 1e-6);
    CHECK(contains(edge.how.method, "Lemmens"));
    // Just under: Nadler, with its obesity warning absent (BMI 29.99 < 30).
    const auto under =
        volume::blood_volume(settings, Sex::male, meters(2.0), kilograms(119.96), {});
    CHECK(under.how.method == "Nadler 1962, male");
    CHECK(under.how.warnings.empty());
    // Without the switch the same patient stays on Nadler, which warns.
    const auto no_switch = volume::blood_volume(protocol::BloodVolumeSettings{}, Sex::male,
                                                meters(1.70), kilograms(120), {});
    LB_CHECK_NEAR(in_liters(no_switch.value), 6.2695, 0.00005);
    CHECK(warns(no_switch.how, "Lemmens"));
    // The switch replaces any method, so Gilcher without a build does not throw here.
    settings.method = protocol::BloodVolumeMethod::gilcher;
    CHECK(contains(
        volume::blood_volume(settings, Sex::male, meters(1.70), kilograms(120), {}).how.method,
        "Lemmens"));
  }

  TEST_CASE("dispatcher: weight_based - lemmens and gilcher methods") {
    protocol::BloodVolumeSettings settings;
    settings.method = protocol::BloodVolumeMethod::weight_based;
    settings.weight_based_female = ml_per_kg(65);
    LB_CHECK_NEAR(
        in_milliliters(
            volume::blood_volume(settings, Sex::female, meters(1.6), kilograms(60), {}).value),
        3900, 1e-9);
    LB_CHECK_NEAR(
        in_milliliters(
            volume::blood_volume(settings, Sex::male, meters(1.6), kilograms(60), {}).value),
        4200, 1e-9);
    // BMI 41.5 reaches weight_based_blood_volume, which warns and refs the BMI.
    const auto obese = volume::blood_volume(settings, Sex::male, meters(1.70), kilograms(120), {});
    CHECK(warns(obese.how, "overestimate"));
    REQUIRE(input(obese.how, "BMI") != nullptr);
    CHECK(input(obese.how, "BMI")->ref == "bmi");

    settings.method = protocol::BloodVolumeMethod::lemmens;
    LB_CHECK_NEAR(
        in_liters(
            volume::blood_volume(settings, Sex::female, meters(1.6), kilograms(60), {}).value),
        4.0692, 0.00005);

    settings.method = protocol::BloodVolumeMethod::gilcher;
    CHECK_THROWS_AS(volume::blood_volume(settings, Sex::male, meters(1.75), kilograms(70), {}),
                    std::invalid_argument);
    const auto g = volume::blood_volume(settings, Sex::male, meters(1.75), kilograms(70),
                                        model::Build::muscular);
    LB_CHECK_NEAR(in_milliliters(g.value), 70 * 75.0, 1e-9);
    CHECK(warns(g.how, "unverified default"));
  }

  TEST_CASE("property: TBV rises with weight and height and the female line stays below the male") {
    for (int cm = 140; cm <= 210; cm += 5) {
      double previous_m = 0.0, previous_f = 0.0, previous_lemmens = 0.0;
      for (int kg = 25; kg <= 200; kg += 5) {
        const double m = nadler_l(Sex::male, cm / 100.0, kg);
        const double f = nadler_l(Sex::female, cm / 100.0, kg);
        const double l = lemmens_l(cm / 100.0, kg);
        CHECK(m > previous_m);
        CHECK(f > previous_f);
        CHECK(l > previous_lemmens);
        CHECK(f < m);
        CHECK(nadler_l(Sex::male, (cm + 1) / 100.0, kg) > m);
        previous_m = m;
        previous_f = f;
        previous_lemmens = l;
      }
    }
  }
}
