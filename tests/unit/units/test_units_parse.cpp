// The "<number> <unit>" parser: accepted clinical units, and every kind of
// rejection with its message.
#include <doctest/doctest.h>

#include "units/parse.hpp"

using namespace lb::units;

TEST_SUITE("units") {
  TEST_CASE("masses in kg g and lb convert to the same SI value") {
    CHECK(in_kilograms(*parse_mass("72 kg").value) == doctest::Approx(72.0));
    CHECK(in_kilograms(*parse_mass("72000 g").value) == doctest::Approx(72.0));
    CHECK(in_kilograms(*parse_mass("154.3 lb").value) == doctest::Approx(69.9893027).epsilon(1e-9));
    CHECK(in_kilograms(*parse_mass("72kg").value) == doctest::Approx(72.0));
  }

  TEST_CASE("lengths in cm m in and ft") {
    CHECK(in_centimeters(*parse_length("175 cm").value) == doctest::Approx(175.0));
    CHECK(in_centimeters(*parse_length("1.75 m").value) == doctest::Approx(175.0));
    CHECK(in_centimeters(*parse_length("70 in").value) == doctest::Approx(177.8));
    CHECK(in_centimeters(*parse_length("6 ft").value) == doctest::Approx(182.88));
  }

  TEST_CASE("volumes times and flows") {
    CHECK(in_milliliters(*parse_volume("3.5 L").value) == doctest::Approx(3500.0));
    CHECK(in_milliliters(*parse_volume("250 mL").value) == doctest::Approx(250.0));
    CHECK(in_minutes(*parse_duration("2 h").value) == doctest::Approx(120.0));
    CHECK(in_minutes(*parse_duration("90 min").value) == doctest::Approx(90.0));
    CHECK(in_ml_per_min(*parse_flow("1.2 L/h").value) == doctest::Approx(20.0));
    CHECK(in_ml_per_min(*parse_flow("60 mL/min").value) == doctest::Approx(60.0));
  }

  TEST_CASE("concentrations in both unit systems with every spelling of micro") {
    CHECK(in_mg_per_dl(*parse_mass_concentration("1.8 mg/dL").value) == doctest::Approx(1.8));
    CHECK(in_g_per_l(*parse_mass_concentration("3.1 g/dL").value) == doctest::Approx(31.0));
    CHECK(in_g_per_l(*parse_mass_concentration("31 g/L").value) == doctest::Approx(31.0));
    CHECK(in_umol_per_l(*parse_amount_concentration("300 umol/L").value) == doctest::Approx(300.0));
    CHECK(in_umol_per_l(*parse_amount_concentration("300 \u00b5mol/L").value) ==
          doctest::Approx(300.0));
    CHECK(in_umol_per_l(*parse_amount_concentration("300 \u03bcmol/L").value) ==
          doctest::Approx(300.0));
    CHECK(in_mmol_per_l(*parse_amount_concentration("135 mmol/L").value) == doctest::Approx(135.0));
    CHECK(in_giga_per_liter(*parse_cell_concentration("45 10^9/L").value) == doctest::Approx(45.0));
    CHECK(in_giga_per_liter(*parse_cell_concentration("45 10^3/uL").value) ==
          doctest::Approx(45.0));
  }

  TEST_CASE("percent and bare fractions") {
    CHECK(in_fraction(*parse_fraction("30 %").value) == doctest::Approx(0.30));
    CHECK(in_fraction(*parse_fraction("30%").value) == doctest::Approx(0.30));
    CHECK(in_fraction(*parse_fraction("0.30", true).value) == doctest::Approx(0.30));
    CHECK_FALSE(parse_fraction("0.30", false));
  }

  TEST_CASE("a missing unit is rejected and says so") {
    auto r = parse_mass("72");
    REQUIRE_FALSE(r);
    CHECK(r.error.find("has no unit") != std::string::npos);
    CHECK(r.error.find("kg") != std::string::npos);
  }

  TEST_CASE("an unknown unit is rejected with a suggestion") {
    auto r = parse_mass_concentration("1.8 mg/dk");
    REQUIRE_FALSE(r);
    CHECK(r.error.find("unknown unit 'mg/dk'") != std::string::npos);
    CHECK(r.error.find("did you mean 'mg/dL'") != std::string::npos);
  }

  TEST_CASE("a unit of the wrong dimension is rejected and names both dimensions") {
    auto r = parse_mass("72 mL");
    REQUIRE_FALSE(r);
    CHECK(r.error == "'72 mL' is a volume, expected a mass in kg, g, lb");
  }

  TEST_CASE("NaN and infinity are rejected") {
    CHECK(parse_mass("nan kg").error.find("not a finite number") != std::string::npos);
    CHECK(parse_mass("inf kg").error.find("not a finite number") != std::string::npos);
    CHECK(parse_mass(".nan kg").error.find("not a finite number") != std::string::npos);
    CHECK(parse_mass("1e999 kg").error.find("out of range") != std::string::npos);
  }

  TEST_CASE("decimal commas empty text and words are rejected") {
    CHECK(parse_mass("72,5 kg").error.find("comma") != std::string::npos);
    CHECK(parse_mass("").error.find("found nothing") != std::string::npos);
    CHECK(parse_mass("heavy").error.find("expected a number") != std::string::npos);
    CHECK_FALSE(parse_plain_number("1.5x"));
    CHECK(*parse_plain_number("010").value == doctest::Approx(10.0));  // never octal
    CHECK(*parse_plain_number("+2.5").value == doctest::Approx(2.5));
  }
}

TEST_SUITE("units") {
  TEST_CASE("a finite number that overflows in the unit conversion is refused") {
    // 1e300 10^9/L is 1e312 per m³: +inf in SI, which would pass every bound.
    const auto cells = parse_cell_concentration("1e300 10^9/L");
    REQUIRE_FALSE(cells);
    CHECK(cells.error.find("out of range") != std::string::npos);
    CHECK_FALSE(parse_mass_concentration("1e308 g/dL"));
    CHECK_FALSE(parse_pressure("1e306 kPa"));
    CHECK_FALSE(parse_duration("1e301 years"));
    CHECK_FALSE(parse_quantity("1e301 years"));
    CHECK(parse_duration("1e300 s"));  // representable: refused by plausibility, not here
  }

  TEST_CASE("an over-long unknown unit is quoted shortened") {
    const std::string unit(100000, 'x');
    const auto r = parse_mass("5 " + unit);
    REQUIRE_FALSE(r);
    CHECK(r.error.size() < 400);
    CHECK(r.error.find("unknown unit 'xxxx") != std::string::npos);
    const auto n = parse_plain_number(std::string(100000, '1') + "x");
    REQUIRE_FALSE(n);
    CHECK(n.error.size() < 400);
  }
}
