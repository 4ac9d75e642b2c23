// UKELD, Child-Pugh, AARC and the Chinese stage against clinical.md §5.4,
// §5.8, §5.9, §3.5 and §9.2, with every band edge and unit-equivalent inputs.
#include <doctest/doctest.h>

#include "score_test_support.hpp"
#include "scores/aarc.hpp"
#include "scores/child_pugh.hpp"
#include "scores/china_stage.hpp"
#include "scores/ukeld.hpp"

using namespace lb;
using namespace lb::scores;
using lb::testing::bili_mg;
using lb::testing::bili_umol;
using lb::testing::cr_mg;
using lb::testing::cr_umol;
using lb::testing::lists;

namespace {

ScoreInputs ukeld_in(double inr, double cr_umol_l, double bili_umol_l, double na) {
  ScoreInputs in;
  in.inr = units::fraction(inr);
  in.creatinine = cr_umol(cr_umol_l);
  in.bilirubin = bili_umol(bili_umol_l);
  in.sodium = units::mmol_per_l(na);
  return in;
}

ScoreInputs cp_in(double bili, double alb, double inr, patient::Ascites a, int he) {
  ScoreInputs in;
  in.bilirubin = bili_mg(bili);
  in.albumin = units::g_per_dl(alb);
  in.inr = units::fraction(inr);
  in.ascites = a;
  in.he_grade = he;
  return in;
}

ScoreInputs aarc_in(double bili, int he, double inr, double lactate, double cr) {
  ScoreInputs in;
  in.bilirubin = bili_mg(bili);
  in.he_grade = he;
  in.inr = units::fraction(inr);
  in.lactate = lb::testing::lactate_mmol(lactate);
  in.creatinine = cr_mg(cr);
  return in;
}

int points(const ScoreResult& r, const std::string& component) {
  for (const auto& c : r.components) {
    if (c.name == component) return static_cast<int>(c.points.value_or(-1));
  }
  return -1;
}

}  // namespace

TEST_SUITE("scores") {
  TEST_CASE("UKELD S20 transplantr 63.22") {
    const auto r = ukeld(ukeld_in(1.0, 54, 212, 126));
    CHECK(*r.raw == doctest::Approx(63.22).epsilon(0.0001));
    CHECK(*r.value == 63);
  }

  TEST_CASE("UKELD transplantbenefit 47.8 to 48 and bilirubin 10 to 49") {
    auto r = ukeld(ukeld_in(1.0, 112, 8, 136));
    CHECK(*r.raw == doctest::Approx(47.8).epsilon(0.001));
    CHECK(*r.value == 48);
    r = ukeld(ukeld_in(1.0, 112, 10, 136));
    CHECK(*r.raw == doctest::Approx(48.5).epsilon(0.001));
    CHECK(*r.value == 49);
    CHECK(r.bounds_applied.empty());  // no hidden 10 micromol/L floor
  }

  TEST_CASE("UKELD mg per dL inputs give the same value and missing sodium is listed") {
    ScoreInputs in;
    in.inr = units::fraction(1.0);
    in.creatinine = cr_mg(54.0 / 88.4);
    in.bilirubin = bili_mg(212.0 / 17.1);
    in.sodium = units::mmol_per_l(126);
    CHECK(*ukeld(in).raw == doctest::Approx(*ukeld(ukeld_in(1.0, 54, 212, 126)).raw));
    in.sodium.reset();
    CHECK(lists(ukeld(in), "labs.sodium"));
    CHECK_FALSE(ukeld(in).computed());
  }

  TEST_CASE("Child-Pugh S22 9 class B") {
    const auto r =
        child_pugh(cp_in(2.5, 3.0, 1.8, patient::Ascites::mild, 0), ChildPughAlbuminBand::ccjm_2_8);
    CHECK(*r.value == 9);
    CHECK(r.category == "B");
  }

  TEST_CASE("Child-Pugh S25 albumin 2.9 g/dL is 2 points CCJM and 3 Harrison") {
    const auto in = cp_in(1.0, 2.9, 1.0, patient::Ascites::none, 0);
    CHECK(points(child_pugh(in, ChildPughAlbuminBand::ccjm_2_8), "albumin") == 2);
    CHECK(points(child_pugh(in, ChildPughAlbuminBand::harrison_3_0), "albumin") == 3);
  }

  TEST_CASE("Child-Pugh band edges belong to the middle band") {
    const auto band = ChildPughAlbuminBand::ccjm_2_8;
    const auto at = [&](double bili, double alb, double inr) {
      return child_pugh(cp_in(bili, alb, inr, patient::Ascites::none, 0), band);
    };
    CHECK(points(at(1.99, 3.6, 1), "bilirubin") == 1);
    CHECK(points(at(2.0, 3.6, 1), "bilirubin") == 2);
    CHECK(points(at(3.0, 3.6, 1), "bilirubin") == 2);
    CHECK(points(at(3.01, 3.6, 1), "bilirubin") == 3);
    CHECK(points(at(1, 3.5, 1), "albumin") == 2);
    CHECK(points(at(1, 3.51, 1), "albumin") == 1);
    CHECK(points(at(1, 2.8, 1), "albumin") == 2);
    CHECK(points(at(1, 2.79, 1), "albumin") == 3);
    CHECK(points(child_pugh(cp_in(1, 3.0, 1, patient::Ascites::none, 0),
                            ChildPughAlbuminBand::harrison_3_0),
                 "albumin") == 2);
    CHECK(points(at(1, 3.6, 1.69), "INR") == 1);
    CHECK(points(at(1, 3.6, 1.7), "INR") == 2);
    CHECK(points(at(1, 3.6, 2.3), "INR") == 2);
    CHECK(points(at(1, 3.6, 2.31), "INR") == 3);
    // Bilirubin 3 mg/dL entered as 51.3 micromol/L is exactly the edge.
    auto si = cp_in(1, 3.6, 1, patient::Ascites::none, 0);
    si.bilirubin = bili_umol(51.3);
    CHECK(points(child_pugh(si, band), "bilirubin") == 2);
    si.bilirubin = bili_umol(34.2);
    CHECK(points(child_pugh(si, band), "bilirubin") == 2);
  }

  TEST_CASE("Child-Pugh classes and encephalopathy and ascites points") {
    const auto band = ChildPughAlbuminBand::ccjm_2_8;
    auto r = child_pugh(cp_in(1, 4, 1, patient::Ascites::none, 0), band);
    CHECK(*r.value == 5);
    CHECK(r.category == "A");
    r = child_pugh(cp_in(1, 4, 1, patient::Ascites::mild, 1), band);
    CHECK(*r.value == 7);
    CHECK(r.category == "B");
    r = child_pugh(cp_in(4, 2, 3, patient::Ascites::moderate_severe, 3), band);
    CHECK(*r.value == 15);
    CHECK(r.category == "C");
    r = child_pugh(cp_in(2, 3, 1.8, patient::Ascites::none, 2), band);  // 2+2+2+1+2
    CHECK(*r.value == 9);
    CHECK(r.category == "B");
    r = child_pugh(cp_in(2, 3, 1.8, patient::Ascites::mild, 2), band);
    CHECK(*r.value == 10);
    CHECK(r.category == "C");
  }

  TEST_CASE("Child-Pugh needs all five parameters") {
    auto in = cp_in(2.5, 3.0, 1.8, patient::Ascites::mild, 0);
    in.ascites.reset();
    in.he_grade.reset();
    const auto r = child_pugh(in, ChildPughAlbuminBand::ccjm_2_8);
    CHECK_FALSE(r.computed());
    CHECK(lists(r, "clinical.ascites"));
    CHECK(lists(r, "clinical.hepatic_encephalopathy_grade"));
    CHECK(r.missing.size() == 2);
  }

  TEST_CASE("AARC example 9 grade II") {
    const auto r = aarc(aarc_in(20, 1, 2.0, 1.0, 1.0));
    CHECK(*r.value == 9);
    CHECK(r.category == "II");
  }

  TEST_CASE("AARC band edges and grades") {
    CHECK(*aarc(aarc_in(1, 0, 1, 1, 0.5)).value == 5);
    CHECK(aarc(aarc_in(1, 0, 1, 1, 0.5)).category == "I");
    CHECK(aarc(aarc_in(14.9, 0, 1.79, 1.49, 0.69)).category == "I");
    const auto edges = aarc(aarc_in(15, 1, 1.8, 1.5, 0.7));  // all lower edges: 2 points each
    CHECK(*edges.value == 10);
    CHECK(edges.category == "II");
    const auto upper = aarc(aarc_in(25, 2, 2.5, 2.5, 1.5));  // upper edges still 2
    CHECK(*upper.value == 10);
    const auto over = aarc(aarc_in(25.1, 3, 2.51, 2.51, 1.51));
    CHECK(*over.value == 15);
    CHECK(over.category == "III");
    CHECK(aarc(aarc_in(25.1, 3, 1.0, 1.0, 0.5)).category == "II");    // 3+3+1+1+1 = 9
    CHECK(aarc(aarc_in(25.1, 3, 2.51, 1.0, 0.5)).category == "III");  // 11
    CHECK(*aarc(aarc_in(15, 0, 1.8, 1.5, 0.7)).value == 9);
  }

  TEST_CASE("AARC bilirubin 15 mg/dL entered as 256.5 micromol/L is on the edge") {
    auto in = aarc_in(1, 0, 1, 1, 0.5);
    in.bilirubin = bili_umol(256.5);
    CHECK(points(aarc(in), "bilirubin") == 2);
    in.bilirubin = bili_umol(256.4);
    CHECK(points(aarc(in), "bilirubin") == 1);
    in.creatinine = cr_umol(132.6);  // 1.5 mg/dL
    CHECK(points(aarc(in), "creatinine") == 2);
    in.lactate = lb::testing::lactate_mg(2.5 / 0.111);  // 2.5 mmol/L
    CHECK(points(aarc(in), "lactate") == 2);
  }

  TEST_CASE("AARC missing lactate is listed") {
    auto in = aarc_in(20, 1, 2.0, 1.0, 1.0);
    in.lactate.reset();
    CHECK(lists(aarc(in), "labs.lactate"));
    CHECK_FALSE(aarc(in).computed());
  }

  TEST_CASE("China stage from PTA with edges") {
    ScoreInputs in;
    const auto stage = [&](double pta) {
      in.pta = units::percent(pta);
      return china_lf_stage(in, ChinaStageBasis::pta).category;
    };
    CHECK(stage(45) == "none");
    CHECK(stage(40) == "early");
    CHECK(stage(30.1) == "early");
    CHECK(stage(30) == "middle");
    CHECK(stage(20.5) == "middle");
    CHECK(stage(20) == "late");
    CHECK(stage(11) == "late");
    in.pta = units::percent(25);
    CHECK(*china_lf_stage(in, ChinaStageBasis::pta).value == 2);
  }

  TEST_CASE("China stage from INR with edges") {
    ScoreInputs in;
    const auto stage = [&](double inr) {
      in.inr = units::fraction(inr);
      return china_lf_stage(in, ChinaStageBasis::inr).category;
    };
    CHECK(stage(1.49) == "none");
    CHECK(stage(1.5) == "early");
    CHECK(stage(1.89) == "early");
    CHECK(stage(1.9) == "middle");
    CHECK(stage(2.59) == "middle");
    CHECK(stage(2.6) == "late");
  }

  TEST_CASE("China stage never falls back from PTA to INR") {
    ScoreInputs in;
    in.inr = units::fraction(2.0);
    const auto r = china_lf_stage(in, ChinaStageBasis::pta);
    CHECK_FALSE(r.computed());
    CHECK(lists(r, "labs.pta"));
    in.pta = units::percent(35);
    const auto both = china_lf_stage(in, ChinaStageBasis::pta);
    CHECK(both.category == "early");
    CHECK(both.notes.front().find("different stages") != std::string::npos);
  }
}
