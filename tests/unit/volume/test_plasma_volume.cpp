// Plasma volume against clinical.md §1.2, §1.3, §1.8 and §9.1 (V4, V11),
// hand-derived cases, refs to the TBV derivation and monotonicity properties.
#include <doctest/doctest.h>

#include <stdexcept>

#include "text/format.hpp"
#include "volume/blood_volume.hpp"
#include "volume/plasma_volume.hpp"
#include "volume_checks.hpp"

using namespace lb;
using namespace lb::units;
using lb::testing::contains;
using lb::testing::input;
using lb::testing::warns;
using model::Sex;

namespace {

explain::Derived<Volume> nadler(Sex s, double h_m, double w_kg) {
  return volume::nadler_blood_volume(s, meters(h_m), kilograms(w_kg), kilograms(25));
}
double pv_l(Sex s, double h_m, double w_kg, double hct) {
  return in_liters(
      volume::plasma_volume_from_hematocrit(nadler(s, h_m, w_kg), fraction(hct)).value);
}

}  // namespace

TEST_SUITE("volume") {
  TEST_CASE("V4: male 1.75 m 70 kg Hct 30 % → PV 3.3766 L - shown 3377 mL") {
    const auto tbv = nadler(Sex::male, 1.75, 70);
    const auto pv = volume::plasma_volume_from_hematocrit(tbv, percent(30));
    LB_CHECK_NEAR(in_liters(pv.value), 3.3766, 0.00005);
    CHECK(pv.how.id == "plasma_volume");
    CHECK(pv.how.label == "Plasma volume");
    CHECK(pv.how.formula == "PV = TBV × (1 − Hct)");
    CHECK(text::shown(pv.how.shown) == "3377 mL");
    CHECK(pv.how.warnings.empty());
    CHECK_FALSE(pv.how.source.empty());
  }

  TEST_CASE("PV inputs: TBV refs the total_blood_volume derivation - Hct is shown as a fraction") {
    const auto tbv = nadler(Sex::male, 1.75, 70);
    const auto pv = volume::plasma_volume_from_hematocrit(tbv, fraction(0.30));
    const auto* tbv_in = input(pv.how, "TBV");
    REQUIRE(tbv_in != nullptr);
    CHECK(tbv_in->ref == "total_blood_volume");
    REQUIRE(tbv_in->quantity.has_value());
    CHECK(text::shown(*tbv_in->quantity) == "4824 mL");
    const auto* hct_in = input(pv.how, "Hct");
    REQUIRE(hct_in != nullptr);
    CHECK(hct_in->ref.empty());
    CHECK(text::shown(*hct_in->quantity) == "0.30");
    // An Hct entered to more precision is shown as entered.
    CHECK(text::shown(*input(volume::plasma_volume_from_hematocrit(tbv, fraction(0.305)).how, "Hct")
                           ->quantity) == "0.305");
  }

  TEST_CASE("§1.8 table: PV at Hct 0.30 and 0.40 for all four patients") {
    LB_CHECK_NEAR(pv_l(Sex::male, 1.75, 70, 0.30), 3.3766, 0.00005);
    LB_CHECK_NEAR(pv_l(Sex::male, 1.75, 70, 0.40), 2.8943, 0.00005);
    LB_CHECK_NEAR(pv_l(Sex::female, 1.60, 60, 0.30), 2.5387, 0.00005);
    LB_CHECK_NEAR(pv_l(Sex::female, 1.60, 60, 0.40), 2.1760, 0.00005);
    LB_CHECK_NEAR(pv_l(Sex::male, 1.80, 80, 0.30), 3.7233, 0.00005);
    LB_CHECK_NEAR(pv_l(Sex::male, 1.80, 80, 0.40), 3.1914, 0.00005);
    LB_CHECK_NEAR(pv_l(Sex::male, 1.70, 120, 0.30), 4.3886, 0.00005);
    LB_CHECK_NEAR(pv_l(Sex::male, 1.70, 120, 0.40), 3.7617, 0.00005);
  }

  TEST_CASE("PV: hand-derived cases") {
    // 5000 mL × (1 − 0.45) = 2750 mL.
    const explain::Derived<Volume> tbv5000{milliliters(5000), {}};
    LB_CHECK_NEAR(
        in_milliliters(volume::plasma_volume_from_hematocrit(tbv5000, fraction(0.45)).value), 2750,
        1e-9);
    // 4900 mL (70 kg × 70 mL/kg) × (1 − 0.25) = 3675 mL; the ref follows the TBV derivation.
    const auto wb = volume::weight_based_blood_volume(kilograms(70), ml_per_kg(70), std::nullopt);
    const auto pv = volume::plasma_volume_from_hematocrit(wb, percent(25));
    LB_CHECK_NEAR(in_milliliters(pv.value), 3675, 1e-9);
    CHECK(input(pv.how, "TBV")->ref == "total_blood_volume");
    // Hct 0 leaves PV = TBV: female 1.70 m 65 kg Nadler 4.0830193 L.
    LB_CHECK_NEAR(pv_l(Sex::female, 1.70, 65, 0.0), 4.0830193, 1e-9);
  }

  TEST_CASE("V11: Kaplan 70 kg Hct 0.40 → 2.730 L - flagged (from memory - unverified)") {
    // 0.065 × 70 × 0.60 = 2.730 L.
    const auto pv = volume::kaplan_plasma_volume(kilograms(70), fraction(0.40), ml_per_kg(65));
    LB_CHECK_NEAR(in_liters(pv.value), 2.730, 0.0005);
    LB_CHECK_NEAR(in_liters(pv.value), 2.73, 1e-12);
    CHECK(pv.how.id == "plasma_volume");
    CHECK(pv.how.method == "Kaplan 1990");
    CHECK(pv.how.formula == "PV = 0.065 × W × (1 − Hct)  (W in kg, PV in L)");
    CHECK(warns(pv.how, "unverified default"));
    CHECK(contains(pv.how.source, "ASAIO Trans 1990;36(3):M597-9"));
    CHECK(contains(pv.how.source, "unverified default"));
    REQUIRE(input(pv.how, "Kaplan factor") != nullptr);
    CHECK(text::shown(*input(pv.how, "Kaplan factor")->quantity) == "0.065 L/kg");
    // §1.3: 80 kg, Hct 0.30 → 0.065 × 80 × 0.70 = 3.64 L.
    LB_CHECK_NEAR(
        in_liters(volume::kaplan_plasma_volume(kilograms(80), fraction(0.30), ml_per_kg(65)).value),
        3.64, 1e-12);
    // Hand-derived with another factor: 0.07 L/kg × 50 kg × (1 − 0.5) = 1.75 L.
    const auto other =
        volume::kaplan_plasma_volume(kilograms(50), fraction(0.5), liters_per_kg(0.07));
    LB_CHECK_NEAR(in_liters(other.value), 1.75, 1e-12);
    CHECK(other.how.formula == "PV = 0.070 × W × (1 − Hct)  (W in kg, PV in L)");
  }

  TEST_CASE("PV: an impossible hematocrit is refused") {
    const auto tbv = nadler(Sex::male, 1.75, 70);
    CHECK_THROWS_AS(volume::plasma_volume_from_hematocrit(tbv, fraction(1.0)),
                    std::invalid_argument);
    CHECK_THROWS_AS(volume::plasma_volume_from_hematocrit(tbv, fraction(-0.1)),
                    std::invalid_argument);
    CHECK_THROWS_AS(volume::kaplan_plasma_volume(kilograms(70), percent(100), ml_per_kg(65)),
                    std::invalid_argument);
    CHECK_THROWS_AS(volume::kaplan_plasma_volume(kilograms(0), percent(40), ml_per_kg(65)),
                    std::invalid_argument);
  }

  TEST_CASE("property: PV rises with weight and falls with Hct (Nadler+Hct and Kaplan)") {
    for (const Sex s : {Sex::male, Sex::female}) {
      for (int cm = 145; cm <= 205; cm += 10) {
        for (int hct_pct = 15; hct_pct <= 60; hct_pct += 5) {
          double previous = 0.0, previous_kaplan = 0.0;
          for (int kg = 30; kg <= 200; kg += 2) {
            const double hct = hct_pct / 100.0;
            const double pv = pv_l(s, cm / 100.0, kg, hct);
            const double kaplan = in_liters(
                volume::kaplan_plasma_volume(kilograms(kg), fraction(hct), ml_per_kg(65)).value);
            CHECK(pv > previous);
            CHECK(kaplan > previous_kaplan);
            // One Hct point higher: less plasma.
            CHECK(pv_l(s, cm / 100.0, kg, hct + 0.01) < pv);
            CHECK(in_liters(volume::kaplan_plasma_volume(kilograms(kg), fraction(hct + 0.01),
                                                         ml_per_kg(65))
                                .value) < kaplan);
            // And PV is exactly the plasmacrit share of TBV.
            LB_CHECK_NEAR(pv, in_liters(nadler(s, cm / 100.0, kg).value) * (1 - hct), 1e-12);
            previous = pv;
            previous_kaplan = kaplan;
          }
        }
      }
    }
  }
}
