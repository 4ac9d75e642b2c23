// The session orders as the ward reads them: the calendar entry carries the
// fluids in whole units and the anticoagulant with its volume (checked on the
// Larsen worked example, clinical.md V13: 10.57 L, 43 FFP units), and the
// replacement mix is printed in words, not as the protocol's key.
#include <doctest/doctest.h>

#include <string>

#include "patient/patient_loader.hpp"
#include "plan/build_plan.hpp"
#include "protocol/protocol_loader.hpp"
#include "report/ics.hpp"
#include "report/plan_json.hpp"
#include "report/plan_text.hpp"
#include "schedule/calendar.hpp"

using namespace lb;

namespace {

/// Undoes RFC 5545 folding so a test can search whole lines.
std::string unfold(const std::string& ics) {
  std::string out;
  for (std::size_t i = 0; i < ics.size(); ++i) {
    if (ics.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    out += ics[i];
  }
  return out;
}

plan::Plan example_plan(const std::string& protocol_id) {
  const auto patient = patient::load_patient_file(LB_SOURCE_DIR "/examples/alf-paracetamol.yaml");
  const auto protocol = protocol::resolve_protocol(protocol_id, LB_SOURCE_DIR "/protocols");
  REQUIRE(patient.patient);
  REQUIRE(protocol.protocol);
  plan::PlanRequest request{*patient.patient, "alf-paracetamol.yaml", *protocol.protocol,
                            protocol_id,      "0123456789abcdef0123", {}};
  request.start = schedule::parse_local_time("2026-12-05T08:00").value;
  return plan::build_plan(request);
}

std::string larsen_ics(const std::string& protocol_id) {
  return unfold(report::render_ics(example_plan(protocol_id), "20261204T000000Z"));
}

}  // namespace

TEST_SUITE("plan") {
  TEST_CASE("each session's calendar entry lists its FFP units and anticoagulant") {
    const std::string ics = larsen_ics("hvp-alf-larsen-2016");
    // 15 % of IBW 70.5 kg = 10 570 mL of FFP = ceil(10570 / 250) = 43 units.
    CHECK(ics.find("FFP 43 units (10 570 mL)") != std::string::npos);
    CHECK(ics.find("albumin") == std::string::npos);  // FFP only: no albumin order
    // AC = blood processed 17 356 mL / (10 − 1); the comma is escaped as RFC 5545 requires.
    CHECK(ics.find("Anticoagulation: citrate ACD-A\\, 1928 mL.") != std::string::npos);
  }

  TEST_CASE("an FFP + albumin protocol lists both fluids in whole units") {
    const std::string ics = larsen_ics("pe-aclf-plexar");
    CHECK(ics.find(" units (") != std::string::npos);
    CHECK(ics.find(" vials (") != std::string::npos);
  }

  TEST_CASE("the replacement mix is printed in words with the protocol's name for it") {
    CHECK(report::render_text(example_plan("hvp-alf-larsen-2016")).find("FFP only (ffp)") !=
          std::string::npos);
    CHECK(report::render_text(example_plan("pe-aclf-apache-pe-a5"))
              .find("albumin solution only (albumin)") != std::string::npos);
    // PLEXAR: 1/3 FFP + 2/3 albumin by volume.
    CHECK(report::render_text(example_plan("pe-aclf-plexar"))
              .find("FFP 33 % + albumin solution 67 % by volume (fractions)") != std::string::npos);
  }

  TEST_CASE("the JSON names what the orders are counted in (stable names)") {
    const auto j = report::plan_json(example_plan("pe-aclf-plexar"));
    CHECK(j["replacement"]["ffp_unit_volume"]["value"] == 250.0);
    CHECK(j["replacement"]["ffp_unit_volume"]["unit"] == "mL");
    CHECK(j["replacement"]["albumin_concentration"]["display"] == "50 g/L");
    CHECK(j["replacement"]["albumin_vial_mass"]["value"] == 12.5);
    CHECK(j["replacement"]["fluid_balance"]["value"] == 100.0);
    CHECK(j["anticoagulation"]["inlet_ac_ratio"] == 10.0);
  }
}
