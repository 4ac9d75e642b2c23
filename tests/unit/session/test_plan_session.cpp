// The session part of whole plans built from the bundled protocols and the
// example patients: plan slots, findings with stable codes, the stable JSON
// names, and every figure explained.
#include <doctest/doctest.h>

#include <string>

#include "patient/patient_loader.hpp"
#include "plan/build_plan.hpp"
#include "protocol/protocol_loader.hpp"
#include "report/plan_json.hpp"
#include "report/plan_text.hpp"
#include "session_test_support.hpp"

namespace lb {

namespace {

const std::string kProtocols = LB_BUNDLED_PROTOCOLS_DIR;
const std::string kExamples = std::string(LB_SOURCE_DIR) + "/examples/";

struct Built {
  patient::Patient patient;
  protocol::Protocol protocol;
  plan::Plan plan;
};

Built build(const std::string& protocol_id, const std::string& patient_file) {
  auto pl = protocol::load_protocol_file(kProtocols + "/" + protocol_id + ".yaml");
  REQUIRE_MESSAGE(pl.protocol, protocol_id);
  auto pa = patient::load_patient_file(kExamples + patient_file);
  REQUIRE_MESSAGE(pa.patient, patient_file);
  Built b{*pa.patient, *pl.protocol, {}};
  b.plan = plan::build_plan(
      plan::PlanRequest{b.patient, patient_file, b.protocol, protocol_id, "sha", {}});
  return b;
}

bool has_finding(const plan::Plan& p, const std::string& code) {
  for (const auto& f : p.findings) {
    if (f.code == code) return true;
  }
  return false;
}

}  // namespace

TEST_SUITE("session") {
  TEST_CASE("every bundled protocol plans a session for every example patient") {
    for (const std::string id :
         {"hvp-alf-larsen-2016", "tpe-standard-asfa-2023", "pe-aclf-apache-pe-a5", "pe-aclf-plexar",
          "pe-lf-china-nbal-2016", "dpmas-half-pe"}) {
      for (const std::string patient :
           {"alf-paracetamol.yaml", "aclf-alcohol.yaml", "obese-alf.yaml"}) {
        CAPTURE(id);
        CAPTURE(patient);
        const auto b = build(id, patient);
        REQUIRE(b.plan.session);
        REQUIRE(b.plan.session->replacement);
        REQUIRE(b.plan.session->separation);
        REQUIRE(b.plan.session->anticoagulation);
        REQUIRE(b.plan.session_duration);
        CHECK(b.plan.session_duration->how.id == "session_duration");
        CHECK(units::in_minutes(b.plan.session_duration->value) > 0.0);
        std::vector<std::string> outside;
        for (const auto* f : b.plan.figures()) outside.push_back(f->id);
        testing::check_refs_resolve(b.plan.session->figures(), outside);
      }
    }
  }

  TEST_CASE("Larsen HVP for the reference ALF patient: FFP units - citrate and the JSON names") {
    const auto b = build("hvp-alf-larsen-2016", "alf-paracetamol.yaml");
    const auto& r = *b.plan.session->replacement;
    // V13: 15 % of a 175 cm man's Devine IBW = 10.57 L → 43 units of 250 mL.
    CHECK(r.ffp_units.value == 43);
    CHECK(b.plan.session->anticoagulation->citrate);
    CHECK(has_finding(b.plan, "citrate.alkalosis_risk"));

    const auto j = report::plan_json(b.plan);
    CHECK(j["replacement"]["ffp_units_per_session"]["value"] == 43);
    CHECK(j["replacement"]["ffp_units_per_session"]["unit"] == "units");
    CHECK(j["replacement"]["albumin_grams_per_session"]["unit"] == "g");
    CHECK(j["replacement"].contains("ffp_units_per_course"));
    CHECK(j["replacement"].contains("albumin_grams_per_course"));
    CHECK(j["anticoagulation"]["citrate_rate"]["unit"] == "mg/kg/min");
    CHECK(j["anticoagulation"]["citrate_rate"]["derivation"]["id"] == "citrate_rate");
    CHECK(j["separation"]["duration"]["unit"] == "min");
    CHECK(j["separation"]["duration"]["derivation"]["id"] == "session_duration");

    const std::string text = report::render_text(b.plan);
    CHECK(text.find("Replacement fluid and orders") != std::string::npos);
    CHECK(text.find("Anticoagulation and citrate") != std::string::npos);
    CHECK(text.find("Separation and run time") != std::string::npos);
    const std::string md = report::render_markdown(b.plan);
    CHECK(md.find("## Separation and run time") != std::string::npos);
  }

  TEST_CASE("DPMAS half-dose PE runs without anticoagulant and says so") {
    const auto b = build("dpmas-half-pe", "aclf-alcohol.yaml");
    CHECK(b.plan.session->anticoagulation->method == protocol::Anticoagulant::none);
    CHECK(has_finding(b.plan, "anticoagulation.none"));
    CHECK(report::plan_json(b.plan)["anticoagulation"]["method"] == "none");
  }

  TEST_CASE("China NBAL uses heparin over the membrane run time") {
    const auto b = build("pe-lf-china-nbal-2016", "aclf-alcohol.yaml");
    const auto& a = *b.plan.session->anticoagulation;
    REQUIRE(a.heparin);
    const double hours = units::in_hours(b.plan.session_duration->value);
    LB_CHECK_NEAR(a.heparin->total.value.value, 3000.0 + 750.0 * hours, 1e-6);
  }

  TEST_CASE("a protocol without session sections leaves the plan's session unset") {
    const std::string text =
        "schema_version: 1\nid: bare\nversion: \"1\"\ntitle: Bare\nsources:\n"
        "  - id: s\n    citation: \"S.\"\nindications: [alf]\n"
        "exchange: {rule: plasma_volumes, amount: 1, source: s}\n";
    auto pl = protocol::parse_protocol(text, "bare.yaml");
    REQUIRE(pl.protocol);
    auto pa = patient::load_patient_file(kExamples + "alf-paracetamol.yaml");
    REQUIRE(pa.patient);
    const auto p =
        plan::build_plan(plan::PlanRequest{*pa.patient, "p", *pl.protocol, "bare.yaml", "sha", {}});
    CHECK_FALSE(p.session);
    CHECK_FALSE(p.session_duration);
    CHECK_FALSE(report::plan_json(p).contains("replacement"));
  }
}

}  // namespace lb
