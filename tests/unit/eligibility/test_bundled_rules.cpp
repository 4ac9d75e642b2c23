// The eligibility rules of each bundled protocol: a patient just inside and
// just outside each limit, unit-equivalent inputs, missing data.
#include <doctest/doctest.h>

#include "eligibility_support.hpp"

using namespace lb;
using eligibility::Outcome;
using eligibility::Verdict;
using lb::testing::patient_with;
using lb::testing::rule;

namespace {

const std::string kQuietClinical =
    "  vasopressors: false\n  active_bleeding: false\n  dic: false\n  sepsis: false\n"
    "  on_dialysis: false\n  pao2_fio2: 300 mmHg\n  map: 75 mmHg\n";

Outcome outcome(const protocol::Protocol& p, const patient::Patient& pt, const std::string& id,
                const scores::ScoreSet& s = {}) {
  return rule(eligibility::evaluate_eligibility(p.eligibility, pt, s), id).outcome;
}

}  // namespace

TEST_SUITE("eligibility") {
  TEST_CASE("APACHE and PLEXAR platelets at most 20 10^9/L: 20 excluded 20.1 not") {
    for (const char* id : {"pe-aclf-apache-pe-a5", "pe-aclf-plexar"}) {
      const auto p = lb::testing::bundled(id);
      CHECK(outcome(p, patient_with("  platelets: 20 10^9/L\n"), "platelets_20_or_less") ==
            Outcome::met);
      CHECK(outcome(p, patient_with("  platelets: 20.1 10^9/L\n"), "platelets_20_or_less") ==
            Outcome::not_met);
      CHECK(outcome(p, patient_with("  platelets: 20 10^3/uL\n"), "platelets_20_or_less") ==
            Outcome::met);
      CHECK(outcome(p, patient_with(""), "platelets_20_or_less") == Outcome::cannot_decide);
    }
  }

  TEST_CASE("APACHE norepinephrine above 0.3 ug/kg/min and PaO2/FiO2 at most 200 mmHg") {
    const auto p = lb::testing::bundled("pe-aclf-apache-pe-a5");
    const auto ne = [&](const std::string& dose) {
      return outcome(
          p, patient_with("", "  vasopressors: true\n  norepinephrine_dose: " + dose + "\n"),
          "norepinephrine_above_0_3");
    };
    CHECK(ne("0.3 ug/kg/min") == Outcome::not_met);
    CHECK(ne("0.31 ug/kg/min") == Outcome::met);
    CHECK(ne("0.0003 mg/kg/min") == Outcome::not_met);
    // No vasopressor and no dose: the dose is 0, not unknown.
    CHECK(outcome(p, patient_with("", "  vasopressors: false\n"), "norepinephrine_above_0_3") ==
          Outcome::not_met);
    CHECK(outcome(p, patient_with(""), "norepinephrine_above_0_3") == Outcome::cannot_decide);

    const auto pf = [&](const std::string& v) {
      return outcome(p, patient_with("", "  pao2_fio2: " + v + "\n"), "pao2_fio2_200_or_less");
    };
    CHECK(pf("200 mmHg") == Outcome::met);
    CHECK(pf("201 mmHg") == Outcome::not_met);
    CHECK(pf("26.66447748 kPa") == Outcome::met);  // 200 mmHg
    CHECK(pf("26.8 kPa") == Outcome::not_met);
  }

  TEST_CASE("APACHE age 18 to 79 years and ACLF grade from CLIF-C OF") {
    const auto p = lb::testing::bundled("pe-aclf-apache-pe-a5");
    auto young = patient_with("");
    young.age = units::years(17.9);
    CHECK(outcome(p, young, "age_18_to_79") == Outcome::not_met);
    young.age = units::years(79.99);
    CHECK(outcome(p, young, "age_18_to_79") == Outcome::met);
    young.age = units::years(80);
    CHECK(outcome(p, young, "age_18_to_79") == Outcome::not_met);

    const auto pt = patient_with("");
    CHECK(outcome(p, pt, "aclf_grade_3b", lb::testing::score_set("clif_c_of", 14, "ACLF-3b")) ==
          Outcome::met);
    CHECK(outcome(p, pt, "aclf_grade_3b", lb::testing::score_set("clif_c_of", 12, "ACLF-3a")) ==
          Outcome::not_met);
    CHECK(outcome(p, pt, "aclf_grade_3b", lb::testing::score_set("clif_c_of", std::nullopt)) ==
          Outcome::cannot_decide);
  }

  TEST_CASE("PLEXAR AARC at least 8 (S41): 8 eligible 7 not and above 10 a caution") {
    const auto p = lb::testing::bundled("pe-aclf-plexar");
    const auto pt =
        patient_with("  platelets: 80 10^9/L\n  creatinine: 1.2 mg/dL\n", kQuietClinical);
    const auto with = [&](double aarc) {
      return eligibility::evaluate_eligibility(p.eligibility, pt,
                                               lb::testing::score_set("aarc", aarc));
    };
    CHECK(with(8).verdict == Verdict::eligible);
    CHECK(with(7).verdict == Verdict::not_eligible);
    CHECK(testing::id_texts(with(7).decisive()) == std::vector<std::string>{"aarc_8_or_more"});
    CHECK(with(10).verdict == Verdict::eligible);
    CHECK(with(11).verdict == Verdict::eligible_with_cautions);
    CHECK(testing::id_texts(with(11).decisive()) == std::vector<std::string>{"aarc_above_10"});
    // AARC not computable: the indication cannot be decided, nor the verdict.
    const auto none = eligibility::evaluate_eligibility(
        p.eligibility, pt, lb::testing::score_set("aarc", std::nullopt));
    CHECK(none.verdict == Verdict::cannot_decide);
    CHECK(rule(none, "aarc_8_or_more").decided_by.at(0).display ==
          "not computed: missing labs.lactate");
  }

  TEST_CASE("PLEXAR creatinine above 2 mg/dL: the same verdict in mg/dL and umol/L") {
    const auto p = lb::testing::bundled("pe-aclf-plexar");
    const auto aki = [&](const std::string& creat) {
      return outcome(p, patient_with("  creatinine: " + creat + "\n", "  on_dialysis: false\n"),
                     "aki_or_rrt");
    };
    CHECK(aki("2 mg/dL") == Outcome::not_met);
    CHECK(aki("176.8 umol/L") == Outcome::not_met);  // exactly 2 mg/dL
    CHECK(aki("2.01 mg/dL") == Outcome::met);
    CHECK(aki("177.7 umol/L") == Outcome::met);
    // Dialysis decides alone, even without a creatinine.
    CHECK(outcome(p, patient_with("", "  on_dialysis: true\n"), "aki_or_rrt") == Outcome::met);
    CHECK(outcome(p, patient_with("", "  on_dialysis: false\n"), "aki_or_rrt") ==
          Outcome::cannot_decide);
  }

  TEST_CASE("Chinese NBAL PTA 20-40 % and INR 1.5-2.5 windows are cautions") {
    const auto p = lb::testing::bundled("pe-lf-china-nbal-2016");
    const auto pta = [&](const std::string& v) {
      return outcome(p, patient_with("  pta: " + v + "\n"), "pta_20_to_40");
    };
    CHECK(pta("20 %") == Outcome::met);
    CHECK(pta("40 %") == Outcome::met);
    CHECK(pta("19.9 %") == Outcome::not_met);
    CHECK(pta("40.1 %") == Outcome::not_met);
    const auto inr = [&](const std::string& v) {
      return outcome(p, patient_with("  inr: " + v + "\n"), "inr_1_5_to_2_5");
    };
    CHECK(inr("1.5") == Outcome::met);
    CHECK(inr("2.5") == Outcome::met);
    CHECK(inr("1.49") == Outcome::not_met);
    CHECK(inr("2.51") == Outcome::not_met);
    const auto plt = [&](const std::string& v) {
      return outcome(p, patient_with("  platelets: " + v + "\n"), "platelets_50_or_less");
    };
    CHECK(plt("50 10^9/L") == Outcome::met);
    CHECK(plt("51 G/L") == Outcome::not_met);
  }

  TEST_CASE("Chinese NBAL relative contraindications need an override reason") {
    const auto p = lb::testing::bundled("pe-lf-china-nbal-2016");
    const auto bleeding = patient_with("  pta: 30 %\n  inr: 2.0\n  platelets: 90 10^9/L\n",
                                       "  vasopressors: false\n  active_bleeding: true\n"
                                       "  dic: false\n  sepsis: false\n  map: 75 mmHg\n",
                                       "alf");
    scores::ScoreSet staged;
    scores::ScoreResult r;
    r.key = "china_lf_stage";
    r.category = "middle";
    r.value = 2;  // computed(): a staged score has a value
    staged.results.push_back(r);
    const auto e = eligibility::evaluate_eligibility(p.eligibility, bleeding, staged);
    CHECK(e.verdict == Verdict::relative_contraindication);
    CHECK(e.unresolved_relative().size() == 1);
    const auto o = eligibility::evaluate_eligibility(
        p.eligibility, bleeding, staged,
        testing::overrides({{"bleeding_or_dic", "variceal bleed banded 3 days ago"}}));
    CHECK(o.verdict == Verdict::relative_contraindication);
    CHECK(o.unresolved_relative().empty());
    CHECK(rule(o, "bleeding_or_dic").override_reason == "variceal bleed banded 3 days ago");
  }

  TEST_CASE("HVP and ASFA protocols: diagnosis rule and ASFA 2023 category (S42)") {
    const auto hvp = lb::testing::bundled("hvp-alf-larsen-2016");
    const auto alf =
        eligibility::evaluate_eligibility(hvp.eligibility, patient_with("", "", "alf"), {});
    CHECK(alf.verdict == Verdict::eligible);
    CHECK(alf.asfa.listed);
    CHECK(alf.asfa.category == "I");
    CHECK(alf.asfa.grade == "1A");
    const auto aclf = eligibility::evaluate_eligibility(hvp.eligibility, patient_with(""), {});
    CHECK(aclf.verdict == Verdict::not_eligible);
    CHECK_FALSE(aclf.asfa.listed);
    CHECK(aclf.asfa.text.find("no ASFA 2023 category") != std::string::npos);

    const auto tpe = lb::testing::bundled("tpe-standard-asfa-2023");
    const auto std_alf =
        eligibility::evaluate_eligibility(tpe.eligibility, patient_with("", "", "alf"), {});
    CHECK(std_alf.asfa.category == "III");
    CHECK(std_alf.asfa.grade == "2B");
    const auto wilson =
        eligibility::asfa_lookup({"tpe", "wilson_fulminant"}, patient::Diagnosis::alf);
    CHECK(wilson.category == "I");
    CHECK(wilson.grade == "1C");
  }
}
