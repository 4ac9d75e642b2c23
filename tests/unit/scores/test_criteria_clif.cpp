// King's College, Clichy and the CLIF-C family against clinical.md §5.5–5.7
// and §9.2 (S26–S37), with every threshold edge, the §10 variants and
// undecidable criteria listing what is missing.
#include <doctest/doctest.h>

#include "score_test_support.hpp"
#include "scores/clichy.hpp"
#include "scores/clif_c.hpp"
#include "scores/kings_college.hpp"

using namespace lb;
using namespace lb::scores;
using lb::testing::bili_mg;
using lb::testing::bili_umol;
using lb::testing::cr_mg;
using lb::testing::cr_umol;
using lb::testing::lists;

namespace {

constexpr auto kAge = KccAge::under_10_or_over_40;
constexpr auto kBili = KccBilirubin::above_300_umol_l;

ScoreInputs apap() {
  ScoreInputs in;
  in.etiology = patient::Etiology::paracetamol;
  in.age = units::years(30);
  return in;
}

ScoreInputs non_apap(patient::Etiology e = patient::Etiology::hbv) {
  ScoreInputs in;
  in.etiology = e;
  in.age = units::years(30);
  return in;
}

/// S34 without any organ failure beyond the liver.
ScoreInputs s34() {
  ScoreInputs in;
  in.bilirubin = bili_mg(13);
  in.creatinine = cr_mg(1.6);
  in.he_grade = 2;
  in.inr = units::fraction(2.1);
  in.map = units::mm_hg(65);
  in.vasopressors = false;
  in.pao2_fio2 = units::mm_hg(250);
  in.on_dialysis = false;
  in.age = units::years(50);
  return in;
}

int organ(const ScoreResult& r, const std::string& name) {
  for (const auto& c : r.components) {
    if (c.name == name) return static_cast<int>(c.points.value_or(-1));
  }
  return -1;
}

}  // namespace

TEST_SUITE("scores") {
  TEST_CASE("KCC S26 paracetamol pH 7.28 met") {
    auto in = apap();
    in.arterial_ph = units::fraction(7.28);
    const auto r = kings_college(in, kAge, kBili);
    REQUIRE(r.met);
    CHECK(*r.met);
    CHECK(r.version.find("paracetamol") != std::string::npos);
  }

  TEST_CASE("KCC S27 paracetamol triad met") {
    auto in = apap();
    in.arterial_ph = units::fraction(7.35);
    in.inr = units::fraction(7.0);
    in.creatinine = cr_umol(350);
    in.he_grade = 3;
    const auto r = kings_college(in, kAge, kBili);
    REQUIRE(r.met);
    CHECK(*r.met);
  }

  TEST_CASE("KCC paracetamol edges pH 7.30 INR 6.5 creatinine 300 are not met") {
    auto in = apap();
    in.arterial_ph = units::fraction(7.30);
    in.inr = units::fraction(7.0);
    in.creatinine = cr_umol(350);
    in.he_grade = 3;
    CHECK(*kings_college(in, kAge, kBili).met);
    in.inr = units::fraction(6.5);
    CHECK_FALSE(*kings_college(in, kAge, kBili).met);
    in.inr = units::fraction(7.0);
    in.creatinine = cr_umol(300);
    CHECK_FALSE(*kings_college(in, kAge, kBili).met);
    in.creatinine = cr_mg(3.4);  // 300.56 micromol/L
    CHECK(*kings_college(in, kAge, kBili).met);
    in.he_grade = 2;
    CHECK_FALSE(*kings_college(in, kAge, kBili).met);
  }

  TEST_CASE("KCC paracetamol undecidable without pH lists it") {
    auto in = apap();
    in.inr = units::fraction(3.0);
    const auto r = kings_college(in, kAge, kBili);
    CHECK_FALSE(r.met);
    CHECK(lists(r, "labs.arterial_ph"));
    CHECK_FALSE(lists(r, "labs.creatinine"));  // the triad is already false
    in.arterial_ph = units::fraction(7.31);
    CHECK_FALSE(*kings_college(in, kAge, kBili).met);
  }

  TEST_CASE("KCC paracetamol lactate and phosphate additions are shown separately") {
    auto in = apap();
    in.arterial_ph = units::fraction(7.35);
    in.inr = units::fraction(3.0);
    in.lactate = lb::testing::lactate_mmol(4.1);
    in.phosphate = lb::testing::phosphate_mmol(1.6);
    const auto r = kings_college(in, kAge, kBili);
    CHECK_FALSE(*r.met);  // the additions never change met
    int additions = 0;
    for (const auto& c : r.components) {
      if (c.name.rfind("addition:", 0) == 0) {
        ++additions;
        CHECK(c.points == 1.0);
      }
    }
    CHECK(additions == 2);
    CHECK(r.notes.size() >= 3);
    in.lactate = lb::testing::lactate_mmol(3.0);  // edge: not above 3.0
    for (const auto& c : kings_college(in, kAge, kBili).components) {
      if (c.name.find("lactate") != std::string::npos) CHECK(c.points == 0.0);
    }
  }

  TEST_CASE("KCC S29 non-paracetamol INR 6.8 alone met") {
    auto in = non_apap();
    in.inr = units::fraction(6.8);
    in.he_grade = 1;
    const auto r = kings_college(in, kAge, kBili);
    REQUIRE(r.met);
    CHECK(*r.met);
  }

  TEST_CASE("KCC S30 three minor criteria met") {
    auto in = non_apap();
    in.inr = units::fraction(4.0);
    in.age = units::years(45);
    in.bilirubin = bili_umol(350);
    in.jaundice_to_encephalopathy = units::days(5);
    const auto r = kings_college(in, kAge, kBili);
    REQUIRE(r.met);
    CHECK(*r.met);
  }

  TEST_CASE("KCC non-paracetamol edges and variants") {
    auto in = non_apap();
    in.inr = units::fraction(3.5);                   // not > 3.5
    in.age = units::years(40);                       // not > 40
    in.bilirubin = bili_umol(300);                   // not > 300
    in.jaundice_to_encephalopathy = units::days(7);  // not > 7
    auto r = kings_college(in, kAge, kBili);
    REQUIRE(r.met);
    CHECK_FALSE(*r.met);

    in.age = units::years(10);
    in.inr = units::fraction(3.6);
    in.jaundice_to_encephalopathy = units::days(8);
    CHECK_FALSE(*kings_college(in, kAge, kBili).met);                   // 2 of 5
    CHECK(*kings_college(in, KccAge::under_11_or_over_40, kBili).met);  // age 10 < 11

    in.age = units::years(30);
    in.bilirubin = bili_mg(17.5);  // 299.25 micromol/L
    CHECK_FALSE(*kings_college(in, kAge, kBili).met);
    CHECK_FALSE(*kings_college(in, kAge, KccBilirubin::above_17_5_mg_dl).met);
    in.bilirubin = bili_mg(17.52);  // 299.6 micromol/L: only the mg/dL variant
    CHECK_FALSE(*kings_college(in, kAge, kBili).met);
    CHECK(*kings_college(in, kAge, KccBilirubin::above_17_5_mg_dl).met);
  }

  TEST_CASE("KCC non-paracetamol etiology minor criterion") {
    auto in = non_apap(patient::Etiology::drug_induced);
    in.inr = units::fraction(3.6);
    in.bilirubin = bili_mg(5);
    in.jaundice_to_encephalopathy = units::days(10);
    CHECK(*kings_college(in, kAge, kBili).met);
    in.etiology = patient::Etiology::indeterminate;
    CHECK(*kings_college(in, kAge, kBili).met);
    in.etiology = patient::Etiology::wilson;
    CHECK_FALSE(*kings_college(in, kAge, kBili).met);
  }

  TEST_CASE("KCC missing etiology or undecidable minors are listed") {
    ScoreInputs in;
    in.inr = units::fraction(7);
    auto r = kings_college(in, kAge, kBili);
    CHECK_FALSE(r.computed());
    CHECK(lists(r, "etiology"));

    in = non_apap();
    in.inr = units::fraction(4.0);
    in.age = units::years(45);
    r = kings_college(in, kAge, kBili);  // 2 known, interval and bilirubin unknown
    CHECK_FALSE(r.met);
    CHECK(lists(r, "clinical.jaundice_to_encephalopathy"));
    CHECK(lists(r, "labs.bilirubin"));
  }

  TEST_CASE("Clichy S32 factor V 18 met and 25 not met at age 25") {
    ScoreInputs in;
    in.age = units::years(25);
    in.he_grade = 3;
    in.factor_v = units::percent(18);
    CHECK(*clichy(in, ClichyAgeBoundary::at_least_30).met);
    in.factor_v = units::percent(25);
    CHECK_FALSE(*clichy(in, ClichyAgeBoundary::at_least_30).met);
  }

  TEST_CASE("Clichy age 30 boundary and factor V edges") {
    ScoreInputs in;
    in.age = units::years(30);
    in.he_grade = 4;
    in.factor_v = units::percent(25);
    CHECK(*clichy(in, ClichyAgeBoundary::at_least_30).met);
    CHECK_FALSE(*clichy(in, ClichyAgeBoundary::above_30).met);
    in.factor_v = units::percent(30);
    CHECK_FALSE(*clichy(in, ClichyAgeBoundary::at_least_30).met);
    in.age = units::years(25);
    in.factor_v = units::percent(20);
    CHECK_FALSE(*clichy(in, ClichyAgeBoundary::at_least_30).met);
    in.factor_v = units::percent(10);
    in.he_grade = 2;
    CHECK_FALSE(*clichy(in, ClichyAgeBoundary::at_least_30).met);
    in.he_grade.reset();
    const auto r = clichy(in, ClichyAgeBoundary::at_least_30);
    CHECK_FALSE(r.met);
    CHECK(lists(r, "clinical.hepatic_encephalopathy_grade"));
  }

  TEST_CASE("CLIF-C OF S34 12 liver failure only ACLF-1") {
    const auto r = clif_c_of(s34(), ClifLiverBoundary::above_12);
    REQUIRE(r.value);
    CHECK(*r.value == 12);
    CHECK(r.organ_failures == std::vector<std::string>{"liver"});
    CHECK(r.category.rfind("ACLF-1", 0) == 0);
    CHECK(r.category == "ACLF-1b");
  }

  TEST_CASE("CLIF-C OF liver boundary at 12 is configurable") {
    auto in = s34();
    in.bilirubin = bili_mg(12);
    auto r = clif_c_of(in, ClifLiverBoundary::above_12);
    CHECK(organ(r, "liver") == 2);
    CHECK(r.organ_failures.empty());
    CHECK(r.category == "no ACLF");
    r = clif_c_of(in, ClifLiverBoundary::at_least_12);
    CHECK(organ(r, "liver") == 3);
    in.bilirubin = bili_umol(205.2);  // 12 mg/dL
    CHECK(organ(clif_c_of(in, ClifLiverBoundary::above_12), "liver") == 2);
    in.bilirubin = bili_mg(6);
    CHECK(organ(clif_c_of(in, ClifLiverBoundary::above_12), "liver") == 2);
    in.bilirubin = bili_mg(5.99);
    CHECK(organ(clif_c_of(in, ClifLiverBoundary::above_12), "liver") == 1);
  }

  TEST_CASE("CLIF-C OF organ subscores at every edge") {
    auto in = s34();
    const auto of = [&] { return clif_c_of(in, ClifLiverBoundary::above_12); };
    in.creatinine = cr_mg(2.0);
    CHECK(organ(of(), "kidney") == 2);
    CHECK(of().organ_failures == std::vector<std::string>{"liver", "kidney"});
    CHECK(of().category == "ACLF-2");
    in.creatinine = cr_mg(3.5);
    CHECK(organ(of(), "kidney") == 3);
    in.creatinine = cr_mg(1.2);
    in.on_dialysis = true;
    CHECK(organ(of(), "kidney") == 3);
    in.on_dialysis = false;
    CHECK(organ(of(), "kidney") == 1);
    in.he_grade = 0;
    CHECK(organ(of(), "brain") == 1);
    in.he_grade = 3;
    CHECK(organ(of(), "brain") == 3);
    in.inr = units::fraction(2.0);
    CHECK(organ(of(), "coagulation") == 2);
    in.inr = units::fraction(2.5);
    CHECK(organ(of(), "coagulation") == 3);
    in.inr = units::fraction(1.99);
    CHECK(organ(of(), "coagulation") == 1);
    in.map = units::mm_hg(70);
    CHECK(organ(of(), "circulation") == 1);
    in.vasopressors = true;
    CHECK(organ(of(), "circulation") == 3);
    in.pao2_fio2 = units::mm_hg(300);
    CHECK(organ(of(), "respiration") == 2);
    in.pao2_fio2 = units::mm_hg(200);
    CHECK(organ(of(), "respiration") == 3);
    in.pao2_fio2 = units::kilopascals(40.1);  // 300.8 mmHg
    CHECK(organ(of(), "respiration") == 1);
    // liver, brain, circulation: ACLF-3a; plus respiration: 3b.
    CHECK(of().category == "ACLF-3a");
    in.pao2_fio2 = units::mm_hg(150);
    CHECK(of().category == "ACLF-3b");
    CHECK(of().organ_failures.size() == 4);
  }

  TEST_CASE("EASL-CLIF grade rules for a single organ failure") {
    auto in = s34();
    in.creatinine = cr_mg(1.2);
    in.he_grade = 0;
    const auto of = [&] { return clif_c_of(in, ClifLiverBoundary::above_12); };
    CHECK(of().category == "no ACLF");  // single liver failure, Cr < 1.5, no HE
    in.he_grade = 1;
    CHECK(of().category == "ACLF-1b");
    in.he_grade = 0;
    in.creatinine = cr_mg(1.5);
    CHECK(of().category == "ACLF-1b");
    in.creatinine = cr_umol(132.6);  // 1.5 mg/dL exactly
    CHECK(of().category == "ACLF-1b");
    // Single kidney failure.
    in.bilirubin = bili_mg(2);
    in.creatinine = cr_mg(2.2);
    CHECK(of().category == "ACLF-1a");
    // Single brain failure: only creatinine 1.5-1.9 makes it ACLF-1.
    in.creatinine = cr_mg(1.0);
    in.he_grade = 3;
    CHECK(of().category == "no ACLF");
    in.creatinine = cr_mg(1.9);
    CHECK(of().category == "ACLF-1b");
  }

  TEST_CASE("CLIF-C OF lists missing organs and needs vasopressors and dialysis status") {
    auto in = s34();
    in.vasopressors.reset();
    in.on_dialysis.reset();
    in.pao2_fio2.reset();
    const auto r = clif_c_of(in, ClifLiverBoundary::above_12);
    CHECK_FALSE(r.computed());
    CHECK(r.category.empty());
    CHECK(lists(r, "clinical.vasopressors"));
    CHECK(lists(r, "clinical.on_dialysis"));
    CHECK(lists(r, "clinical.pao2_fio2"));
    in.creatinine = cr_mg(3.6);  // kidney 3 whatever the dialysis status
    CHECK_FALSE(lists(clif_c_of(in, ClifLiverBoundary::above_12), "on_dialysis"));
  }

  TEST_CASE("CLIF-C ACLF S37 and the other examples") {
    auto in = s34();
    in.wbc = units::giga_per_liter(12);
    const auto of = clif_c_of(in, ClifLiverBoundary::above_12);
    auto r = clif_c_aclf(in, of);
    CHECK(*r.value == doctest::Approx(55.25).epsilon(0.0002));
    ScoreResult fixed;
    fixed.value = 11;
    in.age = units::years(55);
    in.wbc = units::giga_per_liter(10);
    CHECK(*clif_c_aclf(in, fixed).value == doctest::Approx(52.81).epsilon(0.0002));
    fixed.value = 9;
    in.age = units::years(60);
    in.wbc = units::giga_per_liter(8);
    CHECK(*clif_c_aclf(in, fixed).value == doctest::Approx(46.80).epsilon(0.0002));
    in.wbc.reset();
    r = clif_c_aclf(in, ScoreResult{});
    CHECK(lists(r, "labs.wbc"));
  }

  TEST_CASE("CLIF-C AD example 56.44") {
    ScoreInputs in;
    in.age = units::years(55);
    in.creatinine = cr_mg(1.2);
    in.inr = units::fraction(1.5);
    in.wbc = units::giga_per_liter(8);
    in.sodium = units::mmol_per_l(133);
    auto r = clif_c_ad(in);
    CHECK(*r.value == doctest::Approx(56.44).epsilon(0.0002));
    in.creatinine = cr_umol(1.2 * 88.4);
    CHECK(*clif_c_ad(in).raw == doctest::Approx(*r.raw));
    in.wbc = units::giga_per_liter(0);
    r = clif_c_ad(in);
    CHECK(lb::testing::bound(r, "WBC raised to 0.1"));
    in.sodium.reset();
    CHECK(lists(clif_c_ad(in), "labs.sodium"));
  }
}
