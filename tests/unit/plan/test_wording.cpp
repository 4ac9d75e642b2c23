// One table of words for the plan's codes (report/wording.hpp): every finding
// code an engine emits has a short and a long form, no code is listed twice,
// and every status, verdict and outcome has words.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>

#include "diag/diagnostic.hpp"
#include "patient/patient_loader.hpp"
#include "plan/build_plan.hpp"
#include "protocol/protocol_loader.hpp"
#include "report/wording.hpp"
#include "schedule/calendar.hpp"

using namespace lb;

TEST_SUITE("plan") {
  TEST_CASE("wording: every engine's finding code is listed once with both forms") {
    std::set<std::string> seen;
    for (const auto& c : report::all_finding_codes()) {
      const std::string code = c.code;
      CHECK_MESSAGE(seen.insert(code).second, code << " is listed twice");
      CHECK_MESSAGE(code.find('.') != std::string::npos, code << " has no engine prefix");
      CHECK_MESSAGE(!c.title.empty(), code << " has no short form");
      CHECK_MESSAGE(!c.meaning.empty(), code << " has no long form");
      CHECK(report::finding_words(code).short_form == c.title);
    }
    CHECK(seen.size() >= 25);
    CHECK(report::finding_words("no.such_code").short_form.empty());
  }

  TEST_CASE("wording: every finding of every example under every bundled protocol has words") {
    diag::Diagnostics problems;
    const auto protocols = protocol::list_protocols(LB_SOURCE_DIR "/protocols", problems);
    REQUIRE(protocols.size() >= 6);
    std::set<std::string> codes;
    for (const auto& entry : std::filesystem::directory_iterator(LB_SOURCE_DIR "/examples")) {
      if (entry.path().extension() != ".yaml") continue;
      const auto patient = patient::load_patient_file(entry.path().string());
      REQUIRE(patient.patient);
      for (const auto& bundled : protocols) {
        const auto protocol = protocol::load_protocol_file(bundled.path);
        REQUIRE(protocol.protocol);
        plan::PlanRequest request{*patient.patient,   entry.path().filename().string(),
                                  *protocol.protocol, bundled.id,
                                  "0123456789abcdef", {}};
        request.start = schedule::parse_local_time("2026-12-05T08:00").value;
        for (const auto& f : plan::build_plan(request).findings) {
          codes.insert(f.code);
          CHECK_MESSAGE(!report::finding_words(f.code).short_form.empty(),
                        f.code << " (" << bundled.id << ", " << entry.path().filename().string()
                               << ") has no words in the engine tables");
        }
      }
    }
    CHECK(codes.size() >= 5);  // the corpus does raise findings of several kinds
  }

  TEST_CASE("wording: statuses and verdicts have a short and a long form") {
    for (const auto s :
         {plan::Status::ready, plan::Status::ready_with_warnings, plan::Status::not_ready}) {
      CHECK(!report::status_words(s).short_form.empty());
      CHECK(!report::status_words(s).long_form.empty());
    }
    CHECK(report::headline(report::status_words(plan::Status::ready_with_warnings)) ==
          "READY WITH WARNINGS: read the warnings before ordering");
    for (const auto v :
         {eligibility::Verdict::eligible, eligibility::Verdict::eligible_with_cautions,
          eligibility::Verdict::relative_contraindication, eligibility::Verdict::not_eligible,
          eligibility::Verdict::cannot_decide}) {
      CHECK(!report::verdict_words(v).short_form.empty());
      CHECK(!report::verdict_words(v).long_form.empty());
    }
    CHECK(report::outcome_words(eligibility::Outcome::not_met).short_form == "not met");
  }
}
