// The bridge view tab of the records screens, driven headless: the view of the seeded course
// is computed with the bundled rules, a typed re-assessment time is used (a time without a zone
// is refused with the reason), and "Mark as seen" writes one audit entry with who, and nothing
// when no name is given. The stored plan is never touched.
#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <string>

#include "headless.hpp"
#include "io/atomic_write.hpp"
#include "records/plan_capture.hpp"
#include "records/store.hpp"

namespace {

using lb::gui::test::example_options;
using lb::gui::test::Headless;

constexpr const char* kPatient = "LB-ALF-0001";

struct Seeded {
  std::string dir, db, plan_json;
  Seeded() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "lb-gui-bridge-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    dir = tmpl;
    db = dir + "/records.db";
    lb::records::Store store(db);
    store.add_patient(lb::records::PatientId(kPatient), "RN Seed");
    const std::string patient = std::string(LB_SOURCE_DIR) + "/examples/alf-paracetamol.yaml";
    const std::string protocol = std::string(LB_SOURCE_DIR) + "/protocols/hvp-alf-larsen-2016.yaml";
    const std::string text = lb::io::read_file(patient) +
                             "\nbridge:\n  labs_drawn_at: 2026-11-20T06:00Z\n"
                             "  labs_tag: before_exchange\n";
    const auto capture = lb::records::capture_plan({.patient = lb::records::PatientId(kPatient),
                                                    .patient_text = text,
                                                    .patient_file = patient,
                                                    .protocol_text = lb::io::read_file(protocol),
                                                    .protocol_file = protocol,
                                                    .overrides = {},
                                                    .review_json = "{}",
                                                    .approved_by = "Dr Seed",
                                                    .course_start = ""});
    REQUIRE(capture.input.has_value());
    plan_json = capture.input->plan_json;
    store.add_plan(*capture.input);
  }
  ~Seeded() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  Seeded(const Seeded&) = delete;
  Seeded& operator=(const Seeded&) = delete;
};

int seen_entries(const std::string& db) {
  int n = 0;
  for (const auto& e : lb::records::Store(db).audit()) n += e.field == "seen" ? 1 : 0;
  return n;
}

}  // namespace

TEST_SUITE("gui") {
  TEST_CASE("records bridge tab: the view - a typed time - and the seen acknowledgement") {
    Seeded seeded;
    auto o = example_options("hvp-alf-larsen-2016");
    o.records_db = seeded.db;
    Headless h(o);
    REQUIRE(lb::gui::apply_view(h.state, "records-bridge"));
    h.frames(3);
    const auto& b = h.state.records.bridge;
    REQUIRE(b.view.has_value());
    CHECK(b.view->patient == std::string(kPatient));
    CHECK(h.drawn("bridge.section.Listing and referral criteria"));
    // King's College on the patient file's labs, drawn before any exchange: met.
    bool kcc_met = false;
    for (const auto& r : b.view->listing.rows) {
      if (r.rule->id == "kcc-paracetamol") kcc_met = r.status == lb::bridge::Status::met;
    }
    CHECK(kcc_met);

    h.hand_type("bridge.at", "2026-11-22T08:00");
    CHECK_FALSE(b.view.has_value());
    CHECK(b.error.find("no time zone") != std::string::npos);
    h.hand_type("bridge.at", "2026-11-22T08:00Z");
    REQUIRE(b.view.has_value());
    CHECK(lb::records::timestamp_from_epoch(b.view->at).utc == "2026-11-22T08:00:00Z");

    h.hand_click("bridge.seen");
    CHECK(b.seen_error.find("say who has seen the view") != std::string::npos);
    CHECK(seen_entries(seeded.db) == 0);
    h.hand_type("bridge.seen_by", "Dr Watson");
    h.hand_click("bridge.seen");
    CHECK(b.seen_error.empty());
    CHECK(seen_entries(seeded.db) == 1);
    const auto audit = lb::records::Store(seeded.db).audit();
    CHECK(audit.back().actor == "Dr Watson");
    CHECK(audit.back().new_value.rfind("bridge view at 2026-11-22T08:00:00Z, rules sha256 ", 0) ==
          0);
    // The view wrote nothing else: the stored plan is the one approved.
    const auto plans = lb::records::Store(seeded.db).plans_for(lb::records::PatientId(kPatient));
    REQUIRE(plans.size() == 1);
    CHECK(plans.front().plan_json == seeded.plan_json);
  }
}
