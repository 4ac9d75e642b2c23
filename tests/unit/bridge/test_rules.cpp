// The bundled rule set and its reader: every rule cited and with a verification status,
// unverified rules listed but not evaluated, and bad rule files reported at file:line:col,
// every problem at once.
#include <doctest/doctest.h>

#include "bridge/evaluate.hpp"
#include "bridge/rule_loader.hpp"
#include "bridge/view.hpp"
#include "bridge_fixture.hpp"

namespace {

using namespace lb;

std::string messages(const diag::Diagnostics& d) {
  std::string out;
  for (const auto& item : d.sorted()) out += diag::format(item) + "\n";
  return out;
}

const char* kRuleHead = R"(schema: 1
rules:
  - id: r1
    family: listing
    diagnoses: [alf]
    anchor: none
)";
const char* kRuleTail = R"(    boundary: "b"
    outcome: "o"
    population: "p"
    pe_treated_population: false
    citation: {text: "t", doi: 10.1/x}
    verification: read
    wording: "w"
)";

}  // namespace

TEST_SUITE("bridge") {
  TEST_CASE("every bundled rule has a citation with an identifier and a verification status") {
    const auto& set = testing::bundled_rules();
    CHECK(set.rules.size() >= 25);
    int unverified = 0;
    for (const auto& r : set.rules) {
      CAPTURE(r.id);
      CHECK_FALSE(r.citation.empty());
      CHECK((!r.doi.empty() || !r.pmid.empty() || !r.registry.empty() ||
             !r.identifier_missing.empty()));
      CHECK_FALSE(r.wording.empty());
      CHECK_FALSE(r.population.empty());
      CHECK_FALSE(r.outcome.empty());
      CHECK_FALSE(r.boundary.empty());
      if (r.verification == bridge::Verification::unverified) {
        ++unverified;
        CHECK_FALSE(r.evaluate_unverified);  // nobody has checked them yet
      }
      CHECK((r.criteria.has_value() || r.band.has_value()));
    }
    CHECK(unverified >= 1);
  }

  TEST_CASE("the view never words a rule as a decision") {
    for (const auto& r : testing::bundled_rules().rules) {
      for (const std::string* s : {&r.id, &r.boundary}) {
        for (const char* word : {"futile", "recovered", "stop PE", "withdraw"}) {
          CAPTURE(r.id);
          CHECK(s->find(word) == std::string::npos);
        }
      }
    }
  }

  TEST_CASE("an unverified rule is listed - not evaluated - until its author enables it") {
    const auto& rule = testing::rule("china-2018-aclf-lt");
    bridge::BridgeInputs in;
    in.diagnosis = "aclf";
    in.at = testing::at_hours(10);
    in.anchors.aclf_diagnosis = testing::at_hours(0);
    in.observations.push_back(testing::number("organ_failures", 2, 5));
    in.observations.push_back(testing::number("clif_c_aclf", 50, 5));
    auto r = bridge::evaluate_rule(rule, in);
    CHECK_FALSE(r.evaluated);
    CHECK(r.status == bridge::Status::not_evaluable);
    CHECK(r.criteria.empty());
    const auto v = bridge::build_view(testing::bundled_rules(), in);
    CHECK_FALSE(v.listing.rows.back().evaluated);  // collapsed rows come last
    bridge::Rule enabled = rule;
    enabled.evaluate_unverified = true;
    r = bridge::evaluate_rule(enabled, in);
    CHECK(r.evaluated);
    CHECK(r.status == bridge::Status::met);
  }

  TEST_CASE("rule file errors: unknown keys with a suggestion - units - inputs - all at once") {
    const std::string text = std::string(kRuleHead) +
                             "    criteria: {input: creatinin, comparator: \">\", threshold: "
                             "\"300\"}\n"
                             "    windw: {from: 2 h}\n" +
                             kRuleTail +
                             "  - id: r2\n    family: listing\n    diagnoses: [alf]\n"
                             "    anchor: none\n"
                             "    criteria: {input: creatinine, comparator: \">\", threshold: "
                             "\"300\"}\n" +
                             kRuleTail;
    const auto load = bridge::parse_rule_set(text, "bad.yaml");
    CHECK_FALSE(load.rules.has_value());
    const std::string m = messages(load.diagnostics);
    INFO(m);
    CHECK(m.find("bad.yaml:7:") != std::string::npos);  // the criteria line of r1
    CHECK(m.find("did you mean 'creatinine'") != std::string::npos);
    CHECK(m.find("bad.yaml:8:5: error: rules[0].windw") != std::string::npos);
    CHECK(m.find("did you mean 'window'") != std::string::npos);
    // r2: a creatinine threshold without a unit.
    CHECK(m.find("rules[1].criteria.threshold: '300' has no unit") != std::string::npos);
  }

  TEST_CASE("rule file errors: a citation without an identifier and a conflict naming no rule") {
    std::string tail = kRuleTail;
    tail.replace(tail.find("doi: 10.1/x"), 11, "pmid: \"\"");
    const std::string text = std::string(kRuleHead) +
                             "    criteria: {input: meld, comparator: \">=\", threshold: \"15\"}\n"
                             "    conflicts_with: [r9]\n" +
                             tail;
    const auto load = bridge::parse_rule_set(text, "bad.yaml");
    CHECK_FALSE(load.rules.has_value());
    const std::string m = messages(load.diagnostics);
    INFO(m);
    CHECK(m.find("give a doi, a pmid or a trial registry number") != std::string::npos);
  }

  TEST_CASE(
      "rule file: 'evaluate' is only for unverified rules - yes/no inputs take is yes or is no") {
    const std::string text = std::string(kRuleHead) +
                             "    criteria: {input: sepsis, comparator: \">=\", threshold: false}\n"
                             "    evaluate: true\n" +
                             kRuleTail;
    const auto load = bridge::parse_rule_set(text, "bad.yaml");
    const std::string m = messages(load.diagnostics);
    INFO(m);
    CHECK(m.find("for a yes/no input write '<=' with false") != std::string::npos);
    CHECK(m.find("only an unverified rule needs 'evaluate: true'") != std::string::npos);
  }
}
