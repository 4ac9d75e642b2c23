// Analyte conversions against clinical.md §6 and §9 (S43, S44), and the
// threshold edges that binary floating point would otherwise get wrong.
#include <doctest/doctest.h>

#include "units/compare.hpp"
#include "units/lab_conversions.hpp"

using namespace lb::units;

TEST_SUITE("units") {
  TEST_CASE("S43: bilirubin 17.5 mg/dL = 299.25 umol/L and 300 umol/L = 17.54 mg/dL") {
    CHECK(in_umol_per_l(bilirubin_to_umol(mg_per_dl(17.5))) == doctest::Approx(299.25));
    CHECK(in_mg_per_dl(bilirubin_to_mg_dl(umol_per_l(300))) ==
          doctest::Approx(17.5439).epsilon(1e-5));
  }

  TEST_CASE("S44: creatinine 3.4 mg/dL = 300.56 umol/L") {
    CHECK(in_umol_per_l(creatinine_to_umol(mg_per_dl(3.4))) == doctest::Approx(300.56));
  }

  TEST_CASE("threshold edges land exactly after conversion") {
    // 256.5 / 17.1 is 14.999999999999998 in binary; the AARC band edge is 15 mg/dL.
    CHECK(at_least(bilirubin_to_mg_dl(umol_per_l(256.5)), mg_per_dl(15.0)));
    CHECK_FALSE(below(bilirubin_to_mg_dl(umol_per_l(256.5)), mg_per_dl(15.0)));
    CHECK(at_least(creatinine_to_mg_dl(umol_per_l(309.4)), mg_per_dl(3.5)));
    CHECK(at_most(creatinine_to_mg_dl(umol_per_l(309.4)), mg_per_dl(3.5)));
    CHECK_FALSE(above(creatinine_to_mg_dl(umol_per_l(309.4)), mg_per_dl(3.5)));
    // ...while a genuinely different value is still on its own side.
    CHECK(below(bilirubin_to_mg_dl(umol_per_l(256.4)), mg_per_dl(15.0)));
  }

  TEST_CASE("other analytes use their published factors") {
    CHECK(in_umol_per_l(to_amount(Analyte::ammonia, ug_per_dl(100))) == doctest::Approx(58.7));
    CHECK(in_mmol_per_l(to_amount(Analyte::total_calcium, mg_per_dl(10))) ==
          doctest::Approx(2.495));
    CHECK(in_mmol_per_l(calcium_meq_to_mmol(2.3)) == doctest::Approx(1.15));
    CHECK(in_g_per_mol(conversion_molar_mass(Analyte::bilirubin)) ==
          doctest::Approx(584.795).epsilon(1e-6));
  }

  TEST_CASE("a lab entered in either system gives both views") {
    const LabConcentration mass_entered(Analyte::bilirubin, mg_per_dl(2.0));
    const LabConcentration molar_entered(Analyte::bilirubin, umol_per_l(34.2));
    CHECK(mass_entered.entered_as_mass());
    CHECK_FALSE(molar_entered.entered_as_mass());
    CHECK(in_umol_per_l(mass_entered.amount()) == doctest::Approx(34.2));
    CHECK(in_mg_per_dl(molar_entered.mass()) == doctest::Approx(2.0));
  }

  TEST_CASE("round_significant") {
    CHECK(round_significant(14.999999999999998, 9) == 15.0);
    CHECK(round_significant(0.0, 9) == 0.0);
    CHECK(round_significant(-123.456789, 4) == doctest::Approx(-123.5));
  }
}
