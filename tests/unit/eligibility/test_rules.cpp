// Rule logic on hand-written protocols: all/any/not with missing data,
// verdicts, overrides, and the fast path giving the same decision.
#include <doctest/doctest.h>

#include "eligibility_support.hpp"

using namespace lb;
using eligibility::Outcome;
using eligibility::Verdict;
using lb::testing::patient_with;
using lb::testing::rule;

namespace {

protocol::Protocol with_rules(const std::string& rules) {
  const std::string text =
      "schema_version: 1\nid: t\nversion: \"1\"\ntitle: T\nsources:\n  - id: s\n"
      "    citation: \"S.\"\nindications: [aclf]\nexchange:\n  rule: plasma_volumes\n"
      "  amount: 1\n  source: s\neligibility:\n  rules:\n" +
      rules;
  auto load = protocol::parse_protocol(text, "t.yaml");
  std::string all;
  for (const auto& d : load.diagnostics.items()) all += diag::format(d) + "\n";
  INFO(all);
  REQUIRE(load.protocol.has_value());
  CHECK(load.diagnostics.empty());
  return *load.protocol;
}

std::string rule_yaml(const std::string& id, const std::string& kind, const std::string& severity,
                      const std::string& when) {
  return "    - id: " + id + "\n      kind: " + kind + "\n      severity: " + severity +
         "\n      when: " + when + "\n      message: m\n      source: s\n";
}

}  // namespace

TEST_SUITE("eligibility") {
  TEST_CASE("any: one met decides even when another is missing - otherwise cannot decide") {
    const auto p = with_rules(rule_yaml(
        "bleed", "contraindication", "absolute",
        "{any: [{field: clinical.active_bleeding, is: true}, {field: clinical.dic, is: true}]}"));
    const auto met = eligibility::evaluate_eligibility(
        p.eligibility, patient_with("", "  active_bleeding: true\n"), {});
    CHECK(rule(met, "bleed").outcome == Outcome::met);
    REQUIRE(rule(met, "bleed").decided_by.size() == 1);  // only the value that decided
    CHECK(rule(met, "bleed").decided_by[0].name == "clinical.active_bleeding");
    CHECK(met.verdict == Verdict::not_eligible);
    const auto open = eligibility::evaluate_eligibility(
        p.eligibility, patient_with("", "  active_bleeding: false\n"), {});
    CHECK(rule(open, "bleed").outcome == Outcome::cannot_decide);
    CHECK(open.verdict == Verdict::cannot_decide);
    CHECK(testing::id_texts(open.decisive()) == std::vector<std::string>{"bleed"});
    const auto no = eligibility::evaluate_eligibility(
        p.eligibility, patient_with("", "  active_bleeding: false\n  dic: false\n"), {});
    CHECK(no.verdict == Verdict::eligible);
  }

  TEST_CASE("not inverts and keeps cannot decide") {
    const auto p = with_rules(
        rule_yaml("not_alf", "indication", "absolute", "{not: {field: labs.inr, above: 6.5}}"));
    CHECK(rule(eligibility::evaluate_eligibility(p.eligibility, patient_with("  inr: 7\n"), {}),
               "not_alf")
              .outcome == Outcome::not_met);
    CHECK(rule(eligibility::evaluate_eligibility(p.eligibility, patient_with("  inr: 2\n"), {}),
               "not_alf")
              .outcome == Outcome::met);
    CHECK(rule(eligibility::evaluate_eligibility(p.eligibility, patient_with(""), {}), "not_alf")
              .outcome == Outcome::cannot_decide);
  }

  TEST_CASE("a missing value that cannot change the verdict leaves it decided") {
    const auto p = with_rules(
        rule_yaml("plt", "contraindication", "absolute",
                  "{field: labs.platelets, at_most: 20 10^9/L}") +
        rule_yaml("alb", "contraindication", "caution", "{field: labs.albumin, below: 25 g/L}"));
    // Platelets decide not eligible; the caution on missing albumin cannot change that.
    const auto e = eligibility::evaluate_eligibility(p.eligibility,
                                                     patient_with("  platelets: 10 10^9/L\n"), {});
    CHECK(e.verdict == Verdict::not_eligible);
    // Platelets fine, albumin missing: could add a caution, so cannot decide.
    const auto c = eligibility::evaluate_eligibility(p.eligibility,
                                                     patient_with("  platelets: 100 10^9/L\n"), {});
    CHECK(c.verdict == Verdict::cannot_decide);
    const auto ok = eligibility::evaluate_eligibility(
        p.eligibility, patient_with("  platelets: 100 10^9/L\n  albumin: 2.4 g/dL\n"), {});
    CHECK(ok.verdict == Verdict::eligible_with_cautions);
    CHECK(rule(ok, "alb").decided_by.at(0).display == "24 g/L");
  }

  TEST_CASE("lab bounds in either unit system give identical verdicts") {
    const auto mg = with_rules(
        rule_yaml("bili", "indication", "absolute", "{field: labs.bilirubin, at_least: 15 mg/dL}"));
    const auto umol = with_rules(rule_yaml("bili", "indication", "absolute",
                                           "{field: labs.bilirubin, at_least: 256.5 umol/L}"));
    for (const char* v : {"15 mg/dL", "256.5 umol/L", "14.99 mg/dL", "256.4 umol/L", "20 mg/dL"}) {
      const auto pt = patient_with(std::string("  bilirubin: ") + v + "\n");
      CAPTURE(v);
      CHECK(eligibility::evaluate_eligibility(mg.eligibility, pt, {}).verdict ==
            eligibility::evaluate_eligibility(umol.eligibility, pt, {}).verdict);
    }
    CHECK(eligibility::evaluate_eligibility(mg.eligibility,
                                            patient_with("  bilirubin: 256.5 umol/L\n"), {})
              .verdict == Verdict::eligible);
  }

  TEST_CASE("overrides: only relative rules with a reason naming a rule of the protocol") {
    const auto p = with_rules(
        rule_yaml("plt", "contraindication", "absolute",
                  "{field: labs.platelets, at_most: 20 10^9/L}") +
        rule_yaml("sepsis", "contraindication", "relative", "{field: clinical.sepsis, is: true}"));
    CHECK(eligibility::check_overrides(p.eligibility,
                                       testing::overrides({{"sepsis", "on antibiotics 48 h"}}))
              .empty());
    using Kind = eligibility::OverrideProblem::Kind;
    const auto abs =
        eligibility::check_overrides(p.eligibility, testing::overrides({{"plt", "x"}}));
    REQUIRE(abs.size() == 1);
    CHECK(abs[0].rule_id.str() == "plt");
    CHECK(abs[0].kind == Kind::not_relative);
    CHECK(abs[0].severity == eligibility::Severity::absolute);
    // Core words it without naming a front end's option.
    CHECK(eligibility::describe(abs[0]) ==
          "rule 'plt' is absolute; only relative rules can be overridden");
    const auto typo =
        eligibility::check_overrides(p.eligibility, testing::overrides({{"sepsys", "x"}}));
    REQUIRE(typo.size() == 1);
    CHECK(typo[0].kind == Kind::unknown_rule);
    CHECK(typo[0].did_you_mean == "sepsis");
    CHECK(eligibility::describe(typo[0]) ==
          "the protocol has no eligibility rule 'sepsys' (did you mean 'sepsis'?)");
    const auto blank =
        eligibility::check_overrides(p.eligibility, testing::overrides({{"sepsis", " "}}));
    REQUIRE(blank.size() == 1);
    CHECK(blank[0].kind == Kind::no_reason);
    for (const auto& found : {abs[0], typo[0], blank[0]}) {
      CHECK(eligibility::describe(found).find("--override") == std::string::npos);
    }
  }

  TEST_CASE("decide gives the same verdict and outcomes as evaluate_eligibility") {
    const auto p = lb::testing::bundled("pe-aclf-plexar");
    const std::vector<std::string> labs = {"", "  platelets: 10 10^9/L\n",
                                           "  creatinine: 3 mg/dL\n",
                                           "  platelets: 90 10^9/L\n  creatinine: 1 mg/dL\n"};
    const std::vector<std::string> clinical = {"", "  sepsis: true\n  vasopressors: true\n",
                                               "  sepsis: false\n  vasopressors: false\n  "
                                               "active_bleeding: false\n  on_dialysis: false\n  "
                                               "pao2_fio2: 250 mmHg\n"};
    for (const auto& l : labs) {
      for (const auto& c : clinical) {
        for (double aarc : {6.0, 9.0, 12.0}) {
          const auto pt = patient_with(l, c);
          const auto s = lb::testing::score_set("aarc", aarc);
          const auto full = eligibility::evaluate_eligibility(p.eligibility, pt, s);
          std::vector<Outcome> outcomes(p.eligibility.rules.size());
          CHECK(eligibility::decide(p.eligibility, pt, s, outcomes) == full.verdict);
          for (std::size_t i = 0; i < outcomes.size(); ++i)
            CHECK(outcomes[i] == full.rules[i].outcome);
        }
      }
    }
  }

  TEST_CASE("load-time errors name the problem") {
    const auto errors = [](const std::string& when) {
      const std::string text =
          "schema_version: 1\nid: t\nversion: \"1\"\ntitle: T\nsources:\n  - id: s\n"
          "    citation: \"S.\"\nindications: [aclf]\nexchange:\n  rule: plasma_volumes\n"
          "  amount: 1\n  source: s\neligibility:\n  rules:\n" +
          rule_yaml("r", "contraindication", "absolute", when);
      auto load = protocol::parse_protocol(text, "t.yaml");
      std::string all;
      for (const auto& d : load.diagnostics.items()) all += diag::format(d) + "\n";
      return all;
    };
    CHECK(errors("{field: labs.inr, at_least: 1.5 mg/dL}").find("expected a plain number") !=
          std::string::npos);
    CHECK(errors("{field: clinical.dic, at_least: 2}").find("clinical.dic takes 'is: true'") !=
          std::string::npos);
    CHECK(errors("{field: diagnosis, in: [alff]}").find("did you mean 'alf'") != std::string::npos);
    CHECK(errors("{field: labs.platelets}").find("missing comparison") != std::string::npos);
    CHECK(errors("{field: labs.bilirubin, above: 20 10^9/L}").find("is a concentration") !=
          std::string::npos);
    CHECK(errors("{score: kings_college, at_least: 3}").find("takes met") != std::string::npos);
    CHECK(errors("{score: aarc, at_least: 20}").find("impossible bound '20'") != std::string::npos);
    CHECK(errors("{score: clif_c_of, category_in: [ACLF-4]}").find("'ACLF-4' is not one of") !=
          std::string::npos);
    CHECK(errors("{field: clinical.hepatic_encephalopathy_grade, at_least: 2.5}")
              .find("not a whole number") != std::string::npos);
    CHECK(errors("{field: labs.bilirubin, above: 1000 umol/L}").empty());
    CHECK(errors("{field: labs.bilirubin, above: 2000 umol/L}").find("impossible bound") !=
          std::string::npos);
  }
}
