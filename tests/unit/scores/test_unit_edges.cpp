// Thresholds defined in one unit system, reached by a lab entered in the
// other (clinical.md "Thresholds after a unit conversion"): the value exactly
// on the edge lands on the edge's side in both systems, one step beyond does
// not. Also: Clichy without the age, and the glucose-corrected sodium that
// MELD-Na shows but never applies.
#include <doctest/doctest.h>

#include "score_test_support.hpp"
#include "scores/aarc.hpp"
#include "scores/child_pugh.hpp"
#include "scores/clichy.hpp"
#include "scores/clif_c.hpp"
#include "scores/kings_college.hpp"
#include "scores/meld.hpp"

using namespace lb;
using namespace lb::scores;
using lb::testing::bili_mg;
using lb::testing::bili_umol;
using lb::testing::cr_mg;
using lb::testing::cr_umol;
using lb::testing::lists;

namespace {

int points(const ScoreResult& r, const std::string& component) {
  for (const auto& c : r.components) {
    if (c.name == component) return static_cast<int>(c.points.value_or(-1));
  }
  return -1;
}

ScoreInputs aarc_with(units::LabConcentration bili, units::LabConcentration cr) {
  ScoreInputs in;
  in.bilirubin = bili;
  in.creatinine = cr;
  in.he_grade = 0;
  in.inr = units::fraction(1.0);
  in.lactate = lb::testing::lactate_mmol(1.0);
  return in;
}

ScoreInputs kidney_with(units::LabConcentration cr) {
  ScoreInputs in;
  in.bilirubin = bili_mg(1);
  in.creatinine = cr;
  in.he_grade = 0;
  in.inr = units::fraction(1.0);
  in.vasopressors = false;
  in.map = units::mm_hg(80);
  in.pao2_fio2 = units::mm_hg(400);
  in.on_dialysis = false;
  return in;
}

}  // namespace

TEST_SUITE("scores") {
  TEST_CASE("AARC bilirubin 25 mg/dL = 427.5 umol/L and creatinine 0.7 and 1.5 mg/dL edges") {
    // Bilirubin band 3 is > 25 mg/dL.
    CHECK(points(aarc(aarc_with(bili_umol(427.5), cr_mg(1))), "bilirubin") == 2);
    CHECK(points(aarc(aarc_with(bili_mg(25), cr_mg(1))), "bilirubin") == 2);
    CHECK(points(aarc(aarc_with(bili_umol(427.6), cr_mg(1))), "bilirubin") == 3);
    // Creatinine band 1 is < 0.7, band 3 > 1.5 mg/dL (61.88 and 132.6 umol/L).
    CHECK(points(aarc(aarc_with(bili_mg(1), cr_umol(61.88))), "creatinine") == 2);
    CHECK(points(aarc(aarc_with(bili_mg(1), cr_umol(61.87))), "creatinine") == 1);
    CHECK(points(aarc(aarc_with(bili_mg(1), cr_umol(132.6))), "creatinine") == 2);
    CHECK(points(aarc(aarc_with(bili_mg(1), cr_umol(132.7))), "creatinine") == 3);
  }

  TEST_CASE("CLIF-C OF kidney 3.5 mg/dL = 309.4 umol/L and 2.0 mg/dL = 176.8 umol/L") {
    CHECK(points(clif_c_of(kidney_with(cr_umol(309.4)), {}), "kidney") == 3);
    CHECK(points(clif_c_of(kidney_with(cr_mg(3.5)), {}), "kidney") == 3);
    CHECK(points(clif_c_of(kidney_with(cr_umol(309.3)), {}), "kidney") == 2);
    const auto at_2 = clif_c_of(kidney_with(cr_umol(176.8)), {});
    CHECK(points(at_2, "kidney") == 2);
    CHECK(at_2.organ_failures == std::vector<std::string>{"kidney"});
    CHECK(at_2.category == "ACLF-1a");
    const auto below_2 = clif_c_of(kidney_with(cr_umol(176.7)), {});
    CHECK(points(below_2, "kidney") == 1);
    CHECK(below_2.category == "no ACLF");
    // Liver: 12 mg/dL = 205.2 umol/L is 2 points (> 12 scores 3) by default.
    auto liver = kidney_with(cr_mg(1));
    liver.bilirubin = bili_umol(205.2);
    CHECK(points(clif_c_of(liver, ClifLiverBoundary::above_12), "liver") == 2);
    CHECK(points(clif_c_of(liver, ClifLiverBoundary::at_least_12), "liver") == 3);
  }

  TEST_CASE("Child-Pugh bilirubin 2 and 3 mg/dL = 34.2 and 51.3 umol/L") {
    const auto cp = [](units::LabConcentration bili) {
      ScoreInputs in;
      in.bilirubin = bili;
      in.albumin = units::g_per_l(40);
      in.inr = units::fraction(1.0);
      in.ascites = patient::Ascites::none;
      in.he_grade = 0;
      return points(child_pugh(in, ChildPughAlbuminBand::ccjm_2_8), "bilirubin");
    };
    CHECK(cp(bili_umol(34.19)) == 1);
    CHECK(cp(bili_umol(34.2)) == 2);
    CHECK(cp(bili_umol(51.3)) == 2);
    CHECK(cp(bili_umol(51.31)) == 3);
  }

  TEST_CASE("KCC creatinine 300 umol/L entered as 3.39366516 mg/dL and bilirubin 300 umol/L") {
    ScoreInputs in;
    in.etiology = patient::Etiology::paracetamol;
    in.arterial_ph = units::fraction(7.35);
    in.inr = units::fraction(7.0);
    in.he_grade = 3;
    in.creatinine = cr_mg(300.0 / 88.4);  // exactly 300 umol/L: not above it
    CHECK_FALSE(*kings_college(in, {}, {}).met);
    in.creatinine = cr_mg(3.4);  // 300.56 umol/L (S44)
    CHECK(*kings_college(in, {}, {}).met);

    ScoreInputs non;
    non.etiology = patient::Etiology::hbv;
    non.inr = units::fraction(4.0);
    non.age = units::years(45);
    non.jaundice_to_encephalopathy = units::days(5);
    non.bilirubin = bili_mg(300.0 / 17.1);  // 17.54 mg/dL = 300 umol/L: not above
    CHECK_FALSE(
        *kings_college(non, KccAge::under_10_or_over_40, KccBilirubin::above_300_umol_l).met);
    non.bilirubin = bili_umol(300.1);
    CHECK(*kings_college(non, KccAge::under_10_or_over_40, KccBilirubin::above_300_umol_l).met);
    // The 17.5 mg/dL variant: 17.54 mg/dL is above 17.5.
    non.bilirubin = bili_mg(300.0 / 17.1);
    CHECK(*kings_college(non, KccAge::under_10_or_over_40, KccBilirubin::above_17_5_mg_dl).met);
  }

  TEST_CASE(
      "Clichy without the age: undecided with the age named - unless encephalopathy rules it out") {
    ScoreInputs in;
    in.he_grade = 3;
    in.factor_v = units::percent(25);
    const auto r = clichy(in, ClichyAgeBoundary::at_least_30);
    CHECK_FALSE(r.met.has_value());
    CHECK(lists(r, "age"));
    CHECK_FALSE(lists(r, "labs.factor_v"));
    in.he_grade = 2;
    const auto no = clichy(in, ClichyAgeBoundary::at_least_30);
    REQUIRE(no.met.has_value());
    CHECK_FALSE(*no.met);
  }

  TEST_CASE("MELD-Na shows the glucose-corrected sodium but uses the measured one") {
    auto in = lb::testing::meld_in(2, 1.5, 1.2);
    in.sodium = units::mmol_per_l(130);
    const auto plain = meld_na(in, MeldNaFormula::optn_2016);
    in.glucose = units::LabConcentration(units::Analyte::glucose, units::mg_per_dl(300));
    const auto with = meld_na(in, MeldNaFormula::optn_2016);
    CHECK(with.value == plain.value);
    CHECK(with.raw == plain.raw);
    bool noted = false;
    for (const auto& n : with.notes) noted = noted || n.find("= 134.8 mmol/L") != std::string::npos;
    CHECK(noted);
    // Normal glucose: no note.
    in.glucose = units::LabConcentration(units::Analyte::glucose, units::mmol_per_l(5.5));
    CHECK(meld_na(in, MeldNaFormula::optn_2016).notes.size() == plain.notes.size());
  }
}
