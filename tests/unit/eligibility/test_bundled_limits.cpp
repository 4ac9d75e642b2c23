// Every eligibility rule of every bundled protocol, evaluated with the scores
// computed from the patient exactly as `liverbridge plan` does: a patient just
// inside and just outside each limit, the verdict it gives, and unit-equivalent
// inputs (platelets 10^9/L vs 10^3/µL, bilirubin mg/dL vs µmol/L, creatinine
// mg/dL vs µmol/L) giving identical verdicts.
#include <doctest/doctest.h>

#include "eligibility_support.hpp"
#include "scores/score_set.hpp"

using namespace lb;
using eligibility::Outcome;
using eligibility::Verdict;
using lb::testing::patient_with;
using lb::testing::rule;

namespace {

eligibility::Eligibility judge(const protocol::Protocol& p, const patient::Patient& pt) {
  return eligibility::evaluate_eligibility(p.eligibility, pt, scores::compute_scores(pt, p.scores));
}

Outcome outcome(const protocol::Protocol& p, const patient::Patient& pt, const std::string& id) {
  return rule(judge(p, pt), id).outcome;
}

/// Every rule outcome in order, to compare two patients rule by rule.
std::vector<Outcome> outcomes(const eligibility::Eligibility& e) {
  std::vector<Outcome> out;
  for (const auto& r : e.rules) out.push_back(r.outcome);
  return out;
}

// Nothing running, nothing bleeding: the clinical block of a quiet patient.
const std::string kQuiet =
    "  hepatic_encephalopathy_grade: 1\n  vasopressors: false\n  map: 75 mmHg\n"
    "  pao2_fio2: 300 mmHg\n  active_bleeding: false\n  dic: false\n  sepsis: false\n"
    "  on_dialysis: false\n";

// PLEXAR: AARC 9 (clinical.md §5.8 example: bili 20 (2), HE 1 (2), INR 2.0 (2),
// lactate 1.0 (1), creatinine 1.0 (2)), platelets 80.
const std::string kPlexarLabs =
    "  bilirubin: 20 mg/dL\n  inr: 2.0\n  lactate: 1.0 mmol/L\n  creatinine: 1.0 mg/dL\n"
    "  platelets: 80 10^9/L\n";

// APACHE: ACLF-2 (liver bilirubin 13 > 12 and coagulation INR 2.6 >= 2.5 fail;
// creatinine 1.2, HE 1, MAP 75, PaO2/FiO2 300 do not).
const std::string kApacheLabs =
    "  bilirubin: 13 mg/dL\n  inr: 2.6\n  creatinine: 1.2 mg/dL\n  platelets: 60 10^9/L\n";

// Chinese NBAL: PTA 30 % (middle stage), INR 2.0, platelets 90.
const std::string kChinaLabs = "  pta: 30 %\n  inr: 2.0\n  platelets: 90 10^9/L\n";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "no '" << from << "' in the test patient");
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_SUITE("eligibility") {
  TEST_CASE("HVP Larsen 2016: acute liver failure only - TPE-HV category I grade 1A") {
    const auto p = lb::testing::bundled("hvp-alf-larsen-2016");
    const auto alf = judge(p, patient_with("", "", "alf"));
    CHECK(alf.verdict == Verdict::eligible);
    CHECK(alf.asfa.text == "Acute liver failure, TPE-HV: category I, grade 1A");
    for (const char* d : {"subacute_lf", "aclf", "chronic_lf", "other"}) {
      CAPTURE(d);
      const auto e = judge(p, patient_with("", "", d));
      CHECK(e.verdict == Verdict::not_eligible);
      CHECK(testing::id_texts(e.decisive()) == std::vector<std::string>{"alf_diagnosis"});
    }
  }

  TEST_CASE("TPE ASFA 2023: acute and subacute liver failure - ACLF has no ASFA category") {
    const auto p = lb::testing::bundled("tpe-standard-asfa-2023");
    CHECK(judge(p, patient_with("", "", "alf")).verdict == Verdict::eligible);
    CHECK(judge(p, patient_with("", "", "subacute_lf")).verdict == Verdict::eligible);
    const auto aclf = judge(p, patient_with("", "", "aclf"));
    CHECK(aclf.verdict == Verdict::not_eligible);
    CHECK_FALSE(aclf.asfa.listed);
    CHECK(aclf.asfa.category.empty());
    CHECK(aclf.asfa.text.find("acute-on-chronic liver failure has no ASFA fact sheet") !=
          std::string::npos);
  }

  TEST_CASE("PLEXAR: an eligible patient and each limit just inside and just outside") {
    const auto p = lb::testing::bundled("pe-aclf-plexar");
    const auto base = patient_with(kPlexarLabs, kQuiet);
    const auto e = judge(p, base);
    CHECK(e.verdict == Verdict::eligible);
    CHECK(e.asfa.text.find("no ASFA 2023 category") != std::string::npos);

    // Diagnosis.
    CHECK(judge(p, patient_with(kPlexarLabs, kQuiet, "alf")).verdict == Verdict::not_eligible);

    // AARC >= 8 from real labs: lactate 1.5 mmol/L is band 2 (9 -> 10: still in);
    // INR 1.79 is band 1 (9 -> 8: in, the edge); INR 1.79 and bilirubin 14.9 (7: out).
    const auto aarc_of = [&](const patient::Patient& pt) {
      return *scores::compute_scores(pt, p.scores).find("aarc")->value;
    };
    const auto edge = patient_with(replaced(kPlexarLabs, "inr: 2.0", "inr: 1.79"), kQuiet);
    CHECK(aarc_of(edge) == 8);
    CHECK(judge(p, edge).verdict == Verdict::eligible);
    const auto seven = patient_with(replaced(replaced(kPlexarLabs, "inr: 2.0", "inr: 1.79"),
                                             "bilirubin: 20 mg/dL", "bilirubin: 14.9 mg/dL"),
                                    kQuiet);
    CHECK(aarc_of(seven) == 7);
    CHECK(judge(p, seven).verdict == Verdict::not_eligible);
    CHECK(testing::id_texts(judge(p, seven).decisive()) ==
          std::vector<std::string>{"aarc_8_or_more"});

    // AARC > 10: a caution (consider early transplantation); 10 is not.
    const auto ten = patient_with(replaced(kPlexarLabs, "lactate: 1.0", "lactate: 1.5"), kQuiet);
    CHECK(aarc_of(ten) == 10);
    CHECK(judge(p, ten).verdict == Verdict::eligible);
    const auto eleven = patient_with(
        replaced(replaced(kPlexarLabs, "lactate: 1.0", "lactate: 1.5"), "inr: 2.0", "inr: 2.51"),
        kQuiet);
    CHECK(aarc_of(eleven) == 11);
    CHECK(judge(p, eleven).verdict == Verdict::eligible_with_cautions);

    // Platelets <= 20: 20 out, 21 in.
    const auto plt = [&](const std::string& v) {
      return judge(p, patient_with(replaced(kPlexarLabs, "platelets: 80 10^9/L", "platelets: " + v),
                                   kQuiet))
          .verdict;
    };
    CHECK(plt("20 10^9/L") == Verdict::not_eligible);
    CHECK(plt("21 10^9/L") == Verdict::eligible);

    // Bleeding, septic shock (all of sepsis and vasopressors), uncontrolled sepsis.
    CHECK(judge(p, patient_with(kPlexarLabs, replaced(kQuiet, "active_bleeding: false",
                                                      "active_bleeding: true")))
              .verdict == Verdict::not_eligible);
    const auto sepsis = replaced(kQuiet, "sepsis: false", "sepsis: true");
    const auto septic = judge(p, patient_with(kPlexarLabs, sepsis));
    CHECK(septic.verdict == Verdict::relative_contraindication);
    CHECK(rule(septic, "septic_shock").outcome == Outcome::not_met);
    CHECK(rule(septic, "sepsis_uncontrolled").outcome == Outcome::met);
    const auto shock = judge(p, patient_with(kPlexarLabs, replaced(sepsis, "vasopressors: false",
                                                                   "vasopressors: true")));
    CHECK(shock.verdict == Verdict::not_eligible);
    CHECK(rule(shock, "septic_shock").outcome == Outcome::met);

    // Severe ARDS: PaO2/FiO2 <= 100 mmHg out, 101 in.
    const auto pf = [&](const std::string& v) {
      return outcome(p, patient_with(kPlexarLabs, replaced(kQuiet, "300 mmHg", v)), "severe_ards");
    };
    CHECK(pf("100 mmHg") == Outcome::met);
    CHECK(pf("101 mmHg") == Outcome::not_met);

    // AKI: creatinine > 2 mg/dL (AARC's creatinine band changes too, so look at the rule).
    const auto cr = [&](const std::string& v) {
      return outcome(
          p,
          patient_with(replaced(kPlexarLabs, "creatinine: 1.0 mg/dL", "creatinine: " + v), kQuiet),
          "aki_or_rrt");
    };
    CHECK(cr("2 mg/dL") == Outcome::not_met);
    CHECK(cr("2.01 mg/dL") == Outcome::met);
  }

  TEST_CASE("PLEXAR: unit-equivalent labs give identical verdicts and rule outcomes") {
    const auto p = lb::testing::bundled("pe-aclf-plexar");
    // Bilirubin on the AARC band edge: 15 mg/dL = 256.5 umol/L exactly (band 2).
    const std::string mg = replaced(kPlexarLabs, "bilirubin: 20 mg/dL", "bilirubin: 15 mg/dL");
    const std::string umol =
        replaced(kPlexarLabs, "bilirubin: 20 mg/dL", "bilirubin: 256.5 umol/L");
    const auto a = judge(p, patient_with(mg, kQuiet));
    const auto b = judge(p, patient_with(umol, kQuiet));
    CHECK(a.verdict == Verdict::eligible);
    CHECK(b.verdict == a.verdict);
    CHECK(outcomes(b) == outcomes(a));
    // Creatinine on the AKI edge: 2 mg/dL = 176.8 umol/L; and on the AARC edge 1.5 = 132.6.
    for (const auto& [conventional, si] :
         std::vector<std::pair<std::string, std::string>>{{"2 mg/dL", "176.8 umol/L"},
                                                          {"1.5 mg/dL", "132.6 umol/L"},
                                                          {"0.7 mg/dL", "61.88 umol/L"}}) {
      CAPTURE(conventional);
      const auto x = judge(p, patient_with(replaced(kPlexarLabs, "creatinine: 1.0 mg/dL",
                                                    "creatinine: " + conventional),
                                           kQuiet));
      const auto y =
          judge(p, patient_with(replaced(kPlexarLabs, "creatinine: 1.0 mg/dL", "creatinine: " + si),
                                kQuiet));
      CHECK(y.verdict == x.verdict);
      CHECK(outcomes(y) == outcomes(x));
    }
    // Platelets on the limit: 20 10^9/L = 20 10^3/uL = 20 G/L.
    for (const char* v : {"20 10^3/uL", "20 G/L", "20 x10^9/L"}) {
      CAPTURE(v);
      const auto x = judge(
          p, patient_with(replaced(kPlexarLabs, "platelets: 80 10^9/L", "platelets: 20 10^9/L"),
                          kQuiet));
      const auto y = judge(p, patient_with(replaced(kPlexarLabs, "platelets: 80 10^9/L",
                                                    std::string("platelets: ") + v),
                                           kQuiet));
      CHECK(x.verdict == Verdict::not_eligible);
      CHECK(y.verdict == x.verdict);
      CHECK(outcomes(y) == outcomes(x));
    }
  }

  TEST_CASE("APACHE: ACLF-1b 2 or 3a eligible - no ACLF 1a and 3b excluded from real scores") {
    const auto p = lb::testing::bundled("pe-aclf-apache-pe-a5");
    const auto grade = [&](const patient::Patient& pt) {
      return scores::compute_scores(pt, p.scores).find("clif_c_of")->category;
    };
    const auto two = patient_with(kApacheLabs, kQuiet);
    CHECK(grade(two) == "ACLF-2");
    CHECK(judge(p, two).verdict == Verdict::eligible);
    CHECK(judge(p, two).asfa.text.find("acute-on-chronic") != std::string::npos);
    CHECK(judge(p, patient_with(kApacheLabs, kQuiet, "alf")).verdict == Verdict::not_eligible);

    // Single liver failure with creatinine 1.5-1.9: ACLF-1b (in); creatinine 1.4: no ACLF (out).
    const std::string liver_only = replaced(kApacheLabs, "inr: 2.6", "inr: 1.4");
    const auto one_b = patient_with(replaced(liver_only, "creatinine: 1.2", "creatinine: 1.5"),
                                    replaced(kQuiet, "grade: 1", "grade: 0"));
    CHECK(grade(one_b) == "ACLF-1b");
    CHECK(judge(p, one_b).verdict == Verdict::eligible);
    const auto none = patient_with(replaced(liver_only, "creatinine: 1.2", "creatinine: 1.49"),
                                   replaced(kQuiet, "grade: 1", "grade: 0"));
    CHECK(grade(none) == "no ACLF");
    CHECK(judge(p, none).verdict == Verdict::not_eligible);
    CHECK(testing::id_texts(judge(p, none).decisive()) ==
          std::vector<std::string>{"no_aclf_or_grade_1a"});

    // Single kidney failure (creatinine 2.0 mg/dL = kidney subscore 2): ACLF-1a, out.
    const auto one_a = patient_with(
        "  bilirubin: 3 mg/dL\n  inr: 1.4\n  creatinine: 2.0 mg/dL\n  platelets: 60 10^9/L\n",
        replaced(kQuiet, "grade: 1", "grade: 0"));
    CHECK(grade(one_a) == "ACLF-1a");
    CHECK(judge(p, one_a).verdict == Verdict::not_eligible);

    // Three organ failures (+ brain, HE 3): ACLF-3a, in; four (+ circulation): 3b, out.
    const std::string he3 = replaced(kQuiet, "grade: 1", "grade: 3");
    const auto three = patient_with(kApacheLabs, he3);
    CHECK(grade(three) == "ACLF-3a");
    CHECK(judge(p, three).verdict == Verdict::eligible);
    const auto four = patient_with(
        kApacheLabs, replaced(he3, "vasopressors: false",
                              "vasopressors: true\n  norepinephrine_dose: 0.3 ug/kg/min"));
    CHECK(grade(four) == "ACLF-3b");
    CHECK(judge(p, four).verdict == Verdict::not_eligible);
    CHECK(testing::id_texts(judge(p, four).decisive()) ==
          std::vector<std::string>{"aclf_grade_3b"});
    CHECK(outcome(p, four, "norepinephrine_above_0_3") == Outcome::not_met);

    // Bleeding is absolute; infection (sepsis) is a caution to check the antibiotics.
    CHECK(judge(p, patient_with(kApacheLabs, replaced(kQuiet, "active_bleeding: false",
                                                      "active_bleeding: true")))
              .verdict == Verdict::not_eligible);
    const auto infected =
        judge(p, patient_with(kApacheLabs, replaced(kQuiet, "sepsis: false", "sepsis: true")));
    CHECK(infected.verdict == Verdict::eligible_with_cautions);
    CHECK(testing::id_texts(infected.decisive()) == std::vector<std::string>{"infection"});

    // Platelets 20 out, 20.1 in; PaO2/FiO2 200 out (and respiration fails: 3 OFs), 201 in.
    CHECK(judge(p, patient_with(replaced(kApacheLabs, "60 10^9/L", "20 10^9/L"), kQuiet)).verdict ==
          Verdict::not_eligible);
    CHECK(
        judge(p, patient_with(replaced(kApacheLabs, "60 10^9/L", "20.1 10^9/L"), kQuiet)).verdict ==
        Verdict::eligible);
    CHECK(judge(p, patient_with(kApacheLabs, replaced(kQuiet, "300 mmHg", "200 mmHg"))).verdict ==
          Verdict::not_eligible);
    CHECK(judge(p, patient_with(kApacheLabs, replaced(kQuiet, "300 mmHg", "201 mmHg"))).verdict ==
          Verdict::eligible);
  }

  TEST_CASE("APACHE: missing data that could exclude gives cannot decide - never eligible") {
    const auto p = lb::testing::bundled("pe-aclf-apache-pe-a5");
    // No platelets: the platelet rule cannot be decided, so neither can the verdict.
    const auto e =
        judge(p, patient_with(replaced(kApacheLabs, "  platelets: 60 10^9/L\n", ""), kQuiet));
    CHECK(e.verdict == Verdict::cannot_decide);
    CHECK(testing::id_texts(e.decisive()) == std::vector<std::string>{"platelets_20_or_less"});
    // No PaO2/FiO2: the CLIF-C OF grade and the PaO2/FiO2 rule are both undecided.
    const auto f =
        judge(p, patient_with(kApacheLabs, replaced(kQuiet, "  pao2_fio2: 300 mmHg\n", "")));
    CHECK(f.verdict == Verdict::cannot_decide);
    CHECK(rule(f, "aclf_grade_3b").outcome == Outcome::cannot_decide);
  }

  TEST_CASE("Chinese NBAL 2016: windows late stage and relative contraindications") {
    const auto p = lb::testing::bundled("pe-lf-china-nbal-2016");
    const auto base = patient_with(kChinaLabs, kQuiet, "alf");
    CHECK(judge(p, base).verdict == Verdict::eligible);
    CHECK(judge(p, patient_with(kChinaLabs, kQuiet, "other")).verdict == Verdict::not_eligible);
    for (const char* d : {"alf", "subacute_lf", "aclf", "chronic_lf"}) {
      CAPTURE(d);
      CHECK(outcome(p, patient_with(kChinaLabs, kQuiet, d), "liver_failure") == Outcome::met);
    }

    // Late stage (PTA <= 20 %) from the computed Chinese stage: a caution.
    const auto late = patient_with(replaced(kChinaLabs, "pta: 30 %", "pta: 20 %"), kQuiet, "alf");
    CHECK(outcome(p, late, "late_stage") == Outcome::met);
    CHECK(judge(p, late).verdict == Verdict::eligible_with_cautions);
    const auto middle =
        patient_with(replaced(kChinaLabs, "pta: 30 %", "pta: 20.1 %"), kQuiet, "alf");
    CHECK(outcome(p, middle, "late_stage") == Outcome::not_met);
    CHECK(judge(p, middle).verdict == Verdict::eligible);
    // PTA 40.1 %: outside the preferred window, a caution.
    CHECK(judge(p, patient_with(replaced(kChinaLabs, "pta: 30 %", "pta: 40.1 %"), kQuiet, "alf"))
              .verdict == Verdict::eligible_with_cautions);

    // Haemodynamic instability: MAP below 65 mmHg or vasopressors, relative.
    const auto map = [&](const std::string& v) {
      return judge(p, patient_with(kChinaLabs, replaced(kQuiet, "75 mmHg", v), "alf")).verdict;
    };
    CHECK(map("64.9 mmHg") == Verdict::relative_contraindication);
    CHECK(map("65 mmHg") == Verdict::eligible);
    CHECK(map("8.665 kPa") == Verdict::relative_contraindication);  // 64.99 mmHg
    CHECK(map("8.667 kPa") == Verdict::eligible);                   // 65.008 mmHg

    // DIC and severe sepsis are relative: overriding with a reason keeps the verdict
    // relative but resolved.
    const auto dic = patient_with(kChinaLabs, replaced(kQuiet, "dic: false", "dic: true"), "alf");
    CHECK(judge(p, dic).verdict == Verdict::relative_contraindication);
    const auto septic =
        patient_with(kChinaLabs, replaced(kQuiet, "sepsis: false", "sepsis: true"), "alf");
    const auto s = judge(p, septic);
    CHECK(s.verdict == Verdict::relative_contraindication);
    CHECK(testing::id_texts(s.decisive()) == std::vector<std::string>{"severe_sepsis"});

    // Platelets 10^9/L and 10^3/uL on the 50 limit: identical.
    const auto x =
        judge(p, patient_with(replaced(kChinaLabs, "90 10^9/L", "50 10^9/L"), kQuiet, "alf"));
    const auto y =
        judge(p, patient_with(replaced(kChinaLabs, "90 10^9/L", "50 10^3/uL"), kQuiet, "alf"));
    CHECK(x.verdict == Verdict::eligible_with_cautions);
    CHECK(y.verdict == x.verdict);
    CHECK(outcomes(y) == outcomes(x));
  }

  TEST_CASE("DPMAS with half-dose PE: liver failure PTA window and relative contraindications") {
    const auto p = lb::testing::bundled("dpmas-half-pe");
    const auto base = patient_with(kChinaLabs, kQuiet, "aclf");
    CHECK(judge(p, base).verdict == Verdict::eligible);
    CHECK(judge(p, patient_with(kChinaLabs, kQuiet, "other")).verdict == Verdict::not_eligible);
    CHECK(outcome(p, patient_with(replaced(kChinaLabs, "30 %", "20 %"), kQuiet), "pta_20_to_40") ==
          Outcome::met);
    CHECK(outcome(p, patient_with(replaced(kChinaLabs, "30 %", "19.9 %"), kQuiet),
                  "pta_20_to_40") == Outcome::not_met);
    CHECK(outcome(p, patient_with(replaced(kChinaLabs, "30 %", "40 %"), kQuiet), "pta_20_to_40") ==
          Outcome::met);
    CHECK(outcome(p, patient_with(replaced(kChinaLabs, "30 %", "40.1 %"), kQuiet),
                  "pta_20_to_40") == Outcome::not_met);
    CHECK(judge(p, patient_with(kChinaLabs, replaced(kQuiet, "active_bleeding: false",
                                                     "active_bleeding: true")))
              .verdict == Verdict::relative_contraindication);
    CHECK(judge(p, patient_with(kChinaLabs, replaced(kQuiet, "sepsis: false", "sepsis: true")))
              .verdict == Verdict::relative_contraindication);
    // Without a PTA the caution window is undecided; a caution would make the verdict
    // worse than eligible, so the verdict cannot be decided.
    CHECK(judge(p, patient_with("  inr: 2.0\n", kQuiet)).verdict == Verdict::cannot_decide);
  }

  TEST_CASE("ASFA 2023 from the etiology: Wilson mushroom and pregnancy fact sheets (S42)") {
    const auto tpe = lb::testing::bundled("tpe-standard-asfa-2023");
    const auto hvp = lb::testing::bundled("hvp-alf-larsen-2016");
    const auto alf_with = [](const char* etiology) {
      auto pt = patient_with("", "", "alf");
      for (const auto& [word, e] : patient::etiology_words()) {
        if (word == etiology) pt.etiology = e;
      }
      REQUIRE(pt.etiology.has_value());
      return pt;
    };
    const auto wilson = judge(tpe, alf_with("wilson")).asfa;
    CHECK(wilson.indication == "wilson_fulminant");
    CHECK(wilson.text == "Wilson disease, fulminant, TPE: category I, grade 1C");
    const auto mushroom = judge(tpe, alf_with("mushroom")).asfa;
    CHECK(mushroom.category == "II");
    CHECK(mushroom.grade == "2C");
    const auto aflp = judge(tpe, alf_with("pregnancy")).asfa;
    CHECK(aflp.indication == "acute_fatty_liver_of_pregnancy");
    CHECK(aflp.category == "III");
    CHECK(aflp.grade == "2B");
    // Other causes: the acute liver failure entry.
    CHECK(judge(tpe, alf_with("paracetamol")).asfa.text ==
          "Acute liver failure, TPE: category III, grade 2B");
    // The Wilson fact sheet lists TPE only: high-volume TPE falls back to acute liver
    // failure and says why.
    const auto wilson_hv = judge(hvp, alf_with("wilson")).asfa;
    CHECK(wilson_hv.category == "I");
    CHECK(wilson_hv.grade == "1A");
    CHECK(wilson_hv.text.find("fact sheet lists no TPE-HV") != std::string::npos);
    // ACLF stays without a category whatever the cause.
    auto aclf = alf_with("wilson");
    aclf.diagnosis = patient::Diagnosis::aclf;
    CHECK_FALSE(judge(tpe, aclf).asfa.listed);
  }

  TEST_CASE("cohort fast path: decide on score_values equals evaluate_eligibility") {
    std::vector<patient::Patient> patients = {
        patient_with(kPlexarLabs, kQuiet),
        patient_with(kApacheLabs, kQuiet),
        patient_with(kApacheLabs, replaced(kQuiet, "grade: 1", "grade: 3")),
        patient_with(kChinaLabs, kQuiet, "alf"),
        patient_with(replaced(kChinaLabs, "pta: 30 %", "pta: 20 %"), kQuiet, "alf"),
        patient_with(kPlexarLabs, replaced(kQuiet, "sepsis: false", "sepsis: true")),
        patient_with("", "", "alf"),
        patient_with("  inr: 2.0\n"),
    };
    for (const char* id : {"hvp-alf-larsen-2016", "tpe-standard-asfa-2023", "pe-aclf-apache-pe-a5",
                           "pe-aclf-plexar", "pe-lf-china-nbal-2016", "dpmas-half-pe"}) {
      const auto p = lb::testing::bundled(id);
      for (std::size_t i = 0; i < patients.size(); ++i) {
        CAPTURE(id);
        CAPTURE(i);
        const auto& pt = patients[i];
        const auto full = judge(p, pt);
        std::vector<Outcome> fast(p.eligibility.rules.size());
        const auto values = scores::score_values(scores::score_inputs(pt), p.scores);
        CHECK(eligibility::decide(p.eligibility, pt, values, fast) == full.verdict);
        CHECK(fast == outcomes(full));
      }
    }
  }
}
