// Worked cases 1–4, 12 and 13 of the bridge view (docs/bridge-rules.md "Worked cases"):
// futility cut-offs on their boundaries, windows not yet open, exact comparison of scores the
// planner rounds, and a value with two context flags.
#include <doctest/doctest.h>

#include <algorithm>

#include "bridge/evaluate.hpp"
#include "bridge/layout.hpp"
#include "bridge/view.hpp"
#include "bridge_fixture.hpp"
#include "scores/clif_c.hpp"

namespace {

using namespace lb;
using bridge::Status;
using testing::at_hours;
using testing::number;
using testing::row;

/// ACLF diagnosed at hour 0, ICU admission at `icu_hours`, re-assessed at `at_h`.
bridge::BridgeInputs aclf_course(double icu_hours, double at_h) {
  bridge::BridgeInputs in;
  in.patient = "T";
  in.diagnosis = "aclf";
  in.at = at_hours(at_h);
  in.anchors.aclf_diagnosis = at_hours(0);
  in.anchors.icu_admission = at_hours(icu_hours);
  return in;
}

double clif_c_aclf(int of, double age_years, double wbc) {
  scores::ScoreInputs in;
  in.age = units::years(age_years);
  in.wbc = units::giga_per_liter(wbc);
  return *scores::clif_c_aclf_raw(in, of);
}

bool disagree(const bridge::Block& b, const std::string& x, const std::string& y) {
  for (const auto& d : b.disagreements) {
    if ((d.first == x && d.second == y) || (d.first == y && d.second == x)) return true;
  }
  return false;
}

}  // namespace

TEST_SUITE("bridge") {
  TEST_CASE("case 1: Engelmann group medians score 75.18 (met) and 61.31 (not met) at ICU + 48 h") {
    const double high = clif_c_aclf(16, 58, 21);
    const double low = clif_c_aclf(14, 50, 11);
    CHECK(high == doctest::Approx(75.18).epsilon(1e-4));
    CHECK(low == doctest::Approx(61.31).epsilon(1e-4));
    const auto& f1 = testing::rule("engelmann-2018-clif-c-aclf-70");
    auto in = aclf_course(0, 48);
    in.observations.push_back(number("clif_c_aclf", high, 48));
    CHECK(bridge::evaluate_rule(f1, in).status == Status::met);
    in.observations.back() = number("clif_c_aclf", low, 48);
    CHECK(bridge::evaluate_rule(f1, in).status == Status::not_met);
  }

  TEST_CASE(
      "EASL futility was derived without a transplant option and the view says how this patient "
      "differs") {
    const auto& f3 = testing::rule("easl-2023-aclf-futility");
    REQUIRE(f3.candidacy == std::vector<bridge::Candidacy>{bridge::Candidacy::not_candidate});
    auto in = aclf_course(0, 96);
    in.observations.push_back(number("clif_c_aclf", 72, 96));
    const auto has = [](const bridge::RuleResult& r, const std::string& text) {
      return std::any_of(r.differences.begin(), r.differences.end(),
                         [&](const std::string& d) { return d == text; });
    };
    const std::string cohort = "derived in patients who are not transplant candidates; ";
    auto r = bridge::evaluate_rule(f3, in);
    CHECK(r.status == Status::met);  // the status never depends on the candidacy
    CHECK(has(r, cohort + "this patient's transplant candidacy is not stated "
                          "(bridge.transplant_candidacy in the patient file)"));
    in.candidacy = bridge::Candidacy::listed;
    r = bridge::evaluate_rule(f3, in);
    CHECK(r.status == Status::met);
    CHECK(has(r, cohort + "this patient is listed for transplant"));
    in.candidacy = bridge::Candidacy::not_candidate;
    r = bridge::evaluate_rule(f3, in);
    CHECK(r.differences.empty());
    // A rule without a candidacy restriction says nothing about it.
    CHECK(bridge::evaluate_rule(testing::rule("engelmann-2018-clif-c-aclf-70"), in)
              .differences.empty());
  }

  TEST_CASE("case 2: CLIF-C ACLF 64.0 / 65.0 / 70.0 on day 5 (ICU + 72 h)") {
    struct Expect {
      double score;
      Status f1, f2, f3;
    };
    for (const auto& e : {Expect{64.0, Status::not_met, Status::not_met, Status::not_met},
                          Expect{65.0, Status::not_met, Status::met, Status::not_met},
                          Expect{70.0, Status::met, Status::met, Status::not_met}}) {
      CAPTURE(e.score);
      auto in = aclf_course(48, 120);
      in.observations.push_back(number("clif_c_aclf", e.score, 120));
      in.observations.push_back(number("organ_failures", 2, 120));
      const auto v = bridge::build_view(testing::bundled_rules(), in);
      CHECK(row(v.futility, "engelmann-2018-clif-c-aclf-70").status == e.f1);
      CHECK(row(v.futility, "gustot-2015-canonic-day-3-7").status == e.f2);
      CHECK(row(v.futility, "easl-2023-aclf-futility").status == e.f3);
      // 70.0: Engelmann (≥ 70) met, EASL (> 70) not met: both shown as disagreeing.
      CHECK(disagree(v.futility, "engelmann-2018-clif-c-aclf-70", "easl-2023-aclf-futility") ==
            (e.score == 70.0));
      CHECK(v.futility.disagreements.empty() == (e.score == 64.0));
    }
  }

  TEST_CASE("case 2: a score between 64 and 65 reads differently as ≥ 65 and > 64") {
    auto in = aclf_course(48, 120);
    in.observations.push_back(number("clif_c_aclf", 64.5, 120));
    in.observations.push_back(number("organ_failures", 2, 120));
    const auto r = bridge::evaluate_rule(testing::rule("gustot-2015-canonic-day-3-7"), in);
    CHECK(r.status == Status::sources_disagree);
    CHECK(r.readings.find("≥ 65: not met; > 64: met") != std::string::npos);
  }

  TEST_CASE("case 3: CLIF-C ACLF 75 on day 1 - ICU for 20 h: every window still closed") {
    auto in = aclf_course(4, 24);
    in.observations.push_back(number("clif_c_aclf", 75, 24));
    const auto v = bridge::build_view(testing::bundled_rules(), in);
    const auto& f1 = row(v.futility, "engelmann-2018-clif-c-aclf-70");
    const auto& f2 = row(v.futility, "gustot-2015-canonic-day-3-7");
    const auto& f3 = row(v.futility, "easl-2023-aclf-futility");
    for (const auto* r : {&f1, &f2, &f3}) CHECK(r->status == Status::not_evaluable);
    CHECK(testing::has_reason(f1, "opens at 2026-11-22T04:00:00Z (ICU admission + 48.0 h)"));
    CHECK(testing::has_reason(f2, "opens at 2026-11-23T00:00:00Z (ACLF diagnosis + 72.0 h)"));
    CHECK(testing::has_reason(f3, "window not open yet"));
  }

  TEST_CASE(
      "a score after plasma exchange is judged - with the value before any exchange beside it") {
    auto in = aclf_course(0, 60);
    in.observations.push_back(number("meld", 29.5, 1));
    auto after = number("meld", 24.0, 50, bridge::Tag::efficacy);
    after.after_exchange = true;
    in.observations.push_back(after);
    const auto r = bridge::evaluate_rule(testing::rule("plexar-early-lt"), in);
    CHECK(r.status == Status::not_evaluable);  // AARC is missing; MELD alone is not met
    const bridge::LeafResult* meld = nullptr;
    for (const auto& c : r.criteria) {
      if (c.label.rfind("MELD", 0) == 0) meld = &c;
    }
    REQUIRE(meld != nullptr);
    CHECK(meld->status == Status::not_met);  // judged on the latest value, 24.0
    REQUIRE(meld->values.size() == 2);
    CHECK(meld->values[0].used);
    CHECK(meld->values[0].observation.text == after.text);
    CHECK_FALSE(meld->values[1].used);
    CHECK(meld->values[1].observation.text == number("meld", 29.5, 1).text);
    CHECK(meld->values[1].flags.back() ==
          "the latest value before any FFP or plasma exchange, for comparison");
  }

  TEST_CASE("a value without a draw time is not placed in a rule's window - and says so") {
    // ICU admission at 4 h: the 48 h window is open at 120 h. A CLIF-C ACLF of 75 without a
    // draw time may or may not fall in it: not evaluable with its own reason, never judged.
    auto in = aclf_course(4, 120);
    auto undated = number("clif_c_aclf", 75, 120);
    undated.at.reset();
    undated.tag = bridge::Tag::untagged;
    in.observations.push_back(undated);
    auto r = bridge::evaluate_rule(testing::rule("engelmann-2018-clif-c-aclf-70"), in);
    CHECK(r.status == Status::not_evaluable);
    CHECK(testing::has_reason(
        r, "CLIF-C ACLF (unrounded): value without a draw time: cannot place it in the window"));
    CHECK_FALSE(testing::has_reason(r, "no value drawn in the window"));
    // With a dated value before the window as well, both are said.
    in.observations.push_back(number("clif_c_aclf", 75, 20));
    r = bridge::evaluate_rule(testing::rule("engelmann-2018-clif-c-aclf-70"), in);
    CHECK(r.status == Status::not_evaluable);
    CHECK(testing::has_reason(r,
                              "no value drawn in the window (a value without a draw time "
                              "cannot be placed in it)"));
    // A dated value inside the window decides.
    in.observations.push_back(number("clif_c_aclf", 75, 100));
    r = bridge::evaluate_rule(testing::rule("engelmann-2018-clif-c-aclf-70"), in);
    CHECK(r.status == Status::met);
  }

  TEST_CASE(
      "case 4: four organ failures on day 5 (F2 met - APACHE 3b exclusion shown) - day 2 not") {
    auto in = aclf_course(24, 120);
    in.observations.push_back(number("organ_failures", 4, 120));
    auto v = bridge::build_view(testing::bundled_rules(), in);
    CHECK(row(v.futility, "gustot-2015-canonic-day-3-7").status == Status::met);
    CHECK(row(v.course, "apache-aclf-3b-excluded").status == Status::met);
    in.at = at_hours(48);
    in.observations.back() = number("organ_failures", 4, 48);
    v = bridge::build_view(testing::bundled_rules(), in);
    const auto& f2 = row(v.futility, "gustot-2015-canonic-day-3-7");
    CHECK(f2.status == Status::not_evaluable);
    CHECK(testing::has_reason(f2, "window not open yet"));
  }

  TEST_CASE("case 12: MELD 15.0 meets the referral threshold - UKELD 48.6 is not rounded to 49") {
    bridge::BridgeInputs in;
    in.diagnosis = "chronic_lf";
    in.at = at_hours(10);
    in.observations.push_back(number("meld", 15.0, 1));
    auto ukeld = number("ukeld", 48.6, 1);
    ukeld.text = "48.60";
    ukeld.shown_as = "49";
    in.observations.push_back(ukeld);
    const auto v = bridge::build_view(testing::bundled_rules(), in);
    CHECK(row(v.listing, "meld-15-listing").status == Status::met);
    const auto& u = row(v.listing, "ukeld-49");
    CHECK(u.status == Status::not_met);
    const auto layout = bridge::layout_view(v);
    bool shown = false;
    for (const auto& s : layout.sections) {
      for (const auto& r : s.rows) {
        for (const auto& [label, line] : r.lines) {
          if (r.title == "ukeld-49" &&
              line.find("48.60 (shown elsewhere as 49 after rounding)") != std::string::npos) {
            shown = true;
          }
        }
      }
    }
    CHECK(shown);
  }

  TEST_CASE("case 13: a value after FFP and < 12 h after a session carries both flags") {
    const auto load = bridge::parse_rule_set(R"(schema: 1
rules:
  - id: efficacy-inr
    family: efficacy
    diagnoses: []
    anchor: none
    criteria: {input: inr, comparator: "<", threshold: "1.5", requires: [before_exchange, equilibrated]}
    boundary: "1.5 does not count"
    outcome: "test"
    population: "test"
    pe_treated_population: true
    citation: {text: "test", registry: NCT00000000}
    verification: read
    wording: "test"
)",
                                             "r.yaml");
    REQUIRE(load.rules.has_value());
    bridge::BridgeInputs in;
    in.at = at_hours(20);
    in.sessions.push_back({1, at_hours(10), at_hours(14)});
    auto o = number("inr", 1.2, 17, bridge::Tag::post_session);
    o.after_exchange = true;
    o.after_session = units::hours(3);
    in.observations.push_back(o);
    const auto r = bridge::evaluate_rule(load.rules->rules.front(), in);
    CHECK(r.status == Status::not_evaluable);
    REQUIRE(r.criteria.size() == 1);
    REQUIRE(r.criteria.front().values.size() == 1);
    const auto& flags = r.criteria.front().values.front().flags;
    REQUIRE(flags.size() == 2);
    CHECK(flags[0].find("corrected by replacement plasma") != std::string::npos);
    CHECK(flags[1].find("drawn < 12 h after a session (3.0 h)") != std::string::npos);
  }
}
