// The course in a whole plan: sessions with calendar dates, predicted labs,
// stop criteria "expected to be met after session N", the eligibility
// re-check before every session with the predicted labs, and the stable JSON
// names. Hand-derived: one-compartment bilirubin at x = 1 falls to e^-1.
#include <doctest/doctest.h>

#include <cmath>

#include "patient/patient_loader.hpp"
#include "plan/build_plan.hpp"
#include "protocol/protocol_loader.hpp"
#include "report/ics.hpp"
#include "report/plan_json.hpp"
#include "report/plan_text.hpp"

using namespace lb;

namespace {

const std::string kPatient = std::string(LB_SOURCE_DIR) + "/examples/alf-paracetamol.yaml";

// Patient alf-paracetamol: bilirubin 4.2 mg/dL. x = 1 plasma volume per session.
const std::string kProtocol = R"(schema_version: 1
id: course-test
version: "1.0.0"
title: Course test
sources:
  - id: src1
    citation: "Source one."
indications: [alf]
exchange:
  rule: plasma_volumes
  amount: 1
  source: src1
eligibility:
  rules:
    - id: bilirubin_2_or_more
      kind: indication
      severity: absolute
      when: {field: labs.bilirubin, at_least: 2 mg/dL}
      message: "test rule"
      source: src1
schedule:
  sessions: 3
  pattern: daily
  session_duration: 3 h
  source: src1
  stop_when:
    - {lab: bilirubin, below: 26 umol/L}
    - {lab: bilirubin, below: 0.1 mg/dL}
    - {lab: albumin, above: 30 g/L}
    - {event: transplant}
kinetics:
  bilirubin: {model: one_compartment, source: src1}
)";

struct Fixture {
  patient::PatientLoad patient = patient::load_patient_file(kPatient);
  protocol::ProtocolLoad protocol = protocol::parse_protocol(kProtocol, "course-test.yaml");
  plan::Plan make(std::optional<schedule::LocalTime> start) const {
    plan::PlanRequest r{*patient.patient,   "p.yaml", *protocol.protocol,
                        "course-test.yaml", "ab12",   {}};
    r.start = start;
    return plan::build_plan(r);
  }
};

}  // namespace

TEST_SUITE("schedule") {
  TEST_CASE("course plan: predicted bilirubin and stop criteria against hand-derived values") {
    Fixture f;
    REQUIRE(f.patient.patient.has_value());
    REQUIRE(f.protocol.protocol.has_value());
    const auto plan = f.make(std::nullopt);
    REQUIRE(plan.course.has_value());
    const auto& c = *plan.course;
    REQUIRE(c.kinetics.size() == 1);
    const auto& bili = c.kinetics[0].sessions;
    REQUIRE(bili.size() == 3);
    // 4.2 mg/dL × e^-1 = 1.5451 mg/dL after session 1; × e^-2 = 0.5684 after session 2.
    CHECK(units::in_mg_per_dl(std::get<units::MassConcentration>(bili[0].post.value)) ==
          doctest::Approx(4.2 * std::exp(-1.0)).epsilon(1e-9));
    CHECK(units::in_mg_per_dl(std::get<units::MassConcentration>(bili[1].next_day.value)) ==
          doctest::Approx(4.2 * std::exp(-2.0)).epsilon(1e-9));
    REQUIRE(c.stop_criteria.size() == 4);
    // 26 µmol/L = 1.52 mg/dL: session 1 gives 1.5451 mg/dL = 26.42 µmol/L (not below);
    // session 2 gives 0.568 mg/dL = 9.72 µmol/L.
    CHECK(c.stop_criteria[0].met_after == 2);
    CHECK(c.stop_criteria[0].text ==
          "expected to be met after session 2 (model estimate 0.6 mg/dL at the efficacy labs)");
    // 4.2 e^-3 = 0.209 mg/dL: never below 0.1 within 3 sessions.
    CHECK_FALSE(c.stop_criteria[1].met_after.has_value());
    CHECK(c.stop_criteria[1].text ==
          "not expected to be met within the 3 planned sessions (model estimate 0.2 mg/dL after "
          "the "
          "last)");
    CHECK(c.stop_criteria[2].text ==
          "cannot be predicted: no kinetic model for albumin in the protocol");
    CHECK(c.stop_criteria[3].text == "an event, not predictable: check before every session");
  }

  TEST_CASE("course plan: eligibility re-checked before every session with predicted labs") {
    Fixture f;
    const auto plan = f.make(std::nullopt);
    const auto& s = plan.course->sessions;
    REQUIRE(s.size() == 3);
    CHECK(s[0].check.text == "expected to still meet criteria");
    // Predicted pre-session-2 bilirubin 1.55 mg/dL < 2 mg/dL: the indication no longer holds.
    CHECK(s[1].check.verdict == eligibility::Verdict::not_eligible);
    CHECK(s[1].check.text == "expected not to meet criteria: bilirubin_2_or_more");
    bool finding = false;
    for (const auto& x : plan.findings) {
      if (x.code == "course.session_recheck" &&
          x.message == "session 2: expected not to meet criteria: bilirubin_2_or_more") {
        finding = true;
      }
    }
    CHECK(finding);
  }

  TEST_CASE("course plan: calendar dates and the stable JSON names") {
    Fixture f;
    const auto plan = f.make(schedule::parse_local_time("2026-11-25T08:00").value);
    const auto j = report::plan_json(plan);
    REQUIRE(j.contains("schedule"));
    CHECK(j["schedule"]["sessions"].size() == 3);
    CHECK(j["schedule"]["sessions"][0]["start"] == "2026-11-25T08:00");
    CHECK(j["schedule"]["sessions"][0]["end"] == "2026-11-25T11:00");
    CHECK(j["schedule"]["sessions"][2]["start"] == "2026-11-27T08:00");
    CHECK(j["schedule"]["sessions"][0]["labs_due"] == "2026-11-25T23:00");
    CHECK(j["schedule"]["sessions"][0]["exchange_volume"]["unit"] == "mL");
    CHECK(j["schedule"]["stop_criteria"][0]["met_after"] == 2);
    CHECK(j["kinetics"]["bilirubin"]["pre"].size() == 3);
    CHECK(j["kinetics"]["bilirubin"]["post"][0]["comparable_to_pre"] == false);
    CHECK(j["kinetics"]["bilirubin"]["next_day"][1]["derivation"]["id"] ==
          "kinetics.bilirubin.2.next_day");
    const std::string text = report::render_text(plan);
    CHECK(text.find("Session 2  day 2 · Thu 26 Nov 2026 08:00 to 11:00") != std::string::npos);
    const std::string ics = report::render_ics(plan, "20261125T000000Z");
    CHECK(ics.find("DTSTART:20261126T080000\r\n") != std::string::npos);
    CHECK(ics.find("UID:ab12-LB-ALF-0001-20261125T080000-session-2@liverbridge\r\n") !=
          std::string::npos);
    CHECK(ics.rfind("END:VCALENDAR\r\n") == ics.size() - 15);
  }

  TEST_CASE("course plan: without --start the JSON has day numbers and null dates") {
    Fixture f;
    const auto j = report::plan_json(f.make(std::nullopt));
    CHECK(j["schedule"]["sessions"][1]["start"].is_null());
    CHECK(j["schedule"]["sessions"][1]["day"] == 2);
    CHECK(j["schedule"]["sessions"][1]["start_offset"]["value"] == 24.0);
  }
}
