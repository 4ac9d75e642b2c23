// "Approve and store plan…" in the planner, driven headless as a person would:
// open the modal from the Plan tab, try without a name, approve with one. The
// stored plan is read back through core/records (counted, re-run with
// reproduce_plan), so the test checks what is in the database file itself.
#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <string>
#include <vector>

#include "headless.hpp"
#include "io/atomic_write.hpp"
#include "records/reproduce.hpp"
#include "records/store.hpp"

namespace {

using lb::gui::test::example_options;
using lb::gui::test::Headless;

constexpr const char* kPatient = "LB-ALF-0001";  // the id in examples/alf-paracetamol.yaml
constexpr const char* kProtocol = "dpmas-half-pe";
constexpr const char* kStart = "2026-12-05T08:00";
constexpr const char* kReason = "source controlled, 48 h of antibiotics";

/// A records database path in a temporary directory (the file itself only when seeded).
struct TempRecords {
  std::string dir, db;
  explicit TempRecords(bool with_patient) {
    std::string tmpl = (std::filesystem::temp_directory_path() / "lb-gui-approve-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    dir = tmpl;
    db = dir + "/records.db";
    if (with_patient)
      lb::records::Store(db).add_patient(lb::records::PatientId(kPatient), "RN Seed");
  }
  ~TempRecords() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  TempRecords(const TempRecords&) = delete;
  TempRecords& operator=(const TempRecords&) = delete;

  [[nodiscard]] bool exists() const { return std::filesystem::exists(db); }
  [[nodiscard]] std::vector<lb::records::PlanRecord> plans() const {
    if (!exists()) return {};
    lb::records::Store store(db);
    if (!store.find_patient(lb::records::PatientId(kPatient))) return {};
    return store.plans_for(lb::records::PatientId(kPatient));
  }
};

lb::gui::AppOptions options_for(const TempRecords& records) {
  auto o = example_options(kProtocol);
  o.records_db = records.db;
  return o;
}

/// Whether the widget is drawn now (rectangles are kept across frames: forget them first).
bool visible(Headless& h, const std::string& name) {
  h.state.view.rects.clear();
  h.frames(2);
  return h.drawn(name);
}

/// Sepsis triggers dpmas-half-pe's relative rule severe_sepsis: the plan is NOT READY
/// until a reason is typed in the eligibility panel.
void make_sepsis(Headless& h) {
  h.choose("clinical.sepsis", "clinical.sepsis.choice.true");
  REQUIRE(h.state.plan.current);
  REQUIRE(h.state.plan.plan->status() == lb::plan::Status::not_ready);
}

void set_course_start(Headless& h) {
  h.hand_click("tab.Schedule");
  h.hand_type("course.start", kStart);
  REQUIRE(h.state.course_start == kStart);
  REQUIRE(h.state.course_start_error.empty());
  h.hand_click("tab.Plan");
}

}  // namespace

TEST_SUITE("gui") {
  TEST_CASE("a plan approved in the window is stored as record plan stores it") {
    TempRecords records(true);
    Headless h(options_for(records));
    make_sepsis(h);
    h.hand_type("override.severe_sepsis", kReason);
    REQUIRE(h.state.plan.plan->status() == lb::plan::Status::ready_with_warnings);
    set_course_start(h);
    REQUIRE(h.state.plan.current);
    CHECK(lb::gui::approve_unavailable_reason(h.state).empty());

    CHECK_FALSE(visible(h, "approve.confirm"));
    h.hand_click("plan.approve");
    REQUIRE(visible(h, "approve.confirm"));
    CHECK(h.state.records.approve.patient_in_db);
    CHECK_FALSE(h.drawn("approve.add_patient"));
    CHECK(h.drawn("approve.overrides"));  // the reason typed in the eligibility panel

    // Without "Approved by" nothing is stored and the modal stays open with the reason.
    h.hand_click("approve.confirm");
    CHECK(records.plans().empty());
    CHECK(h.state.records.approve.error.find("Approved by") != std::string::npos);
    CHECK(visible(h, "approve.confirm"));

    // A tolerance as --tolerance takes it.
    h.hand_click("approve.tolerances");
    h.hand_type("approve.tolerance.plasma_removed", "10%");
    h.hand_type("approve.by", "Dr Jones");
    h.hand_click("approve.confirm");
    INFO(h.state.records.approve.error);
    const auto plans = records.plans();
    REQUIRE(plans.size() == 1);
    CHECK_FALSE(visible(h, "approve.confirm"));  // the modal closed
    const auto& p = plans.front();
    CHECK(p.approved_by == "Dr Jones");
    CHECK(p.course_start == kStart);
    CHECK(p.overrides_json.find("severe_sepsis") != std::string::npos);
    CHECK(p.overrides_json.find(kReason) != std::string::npos);
    CHECK(p.review_json.find("plasma_removed") != std::string::npos);
    CHECK(p.patient_text == lb::gui::form_to_yaml(h.state.form));
    CHECK(p.protocol_text ==
          lb::io::read_file(std::string(LB_SOURCE_DIR) + "/protocols/" + kProtocol + ".yaml"));
    const auto rerun = lb::records::reproduce_plan(p);
    INFO(rerun.failure);
    CHECK(rerun.reproduced);
    CHECK(rerun.differences.empty());

    // The status line names the plan; the records screens show it.
    CHECK(h.state.view.message.find("Plan " + p.id.str() + " stored") != std::string::npos);
    CHECK_FALSE(h.state.view.message_is_error);
    CHECK(h.state.records.selected.str() == kPatient);
    REQUIRE(h.state.records.patients.size() == 1);
    CHECK(h.state.records.patients.front().plans == 1);
    REQUIRE(h.state.records.review.has_value());
    CHECK(h.state.records.review->plans.size() == 1);
  }

  TEST_CASE("a plan that is not ready or not current cannot be approved") {
    TempRecords records(true);
    Headless h(options_for(records));
    make_sepsis(h);  // no override reason: NOT READY
    const std::string why = lb::gui::approve_unavailable_reason(h.state);
    CHECK(why.find("NOT READY") != std::string::npos);
    CHECK(visible(h, "plan.approve.why"));
    h.hand_click("plan.approve");  // disabled: nothing opens
    CHECK_FALSE(visible(h, "approve.confirm"));
    h.state.records.approve.approved_by = "Dr Jones";
    CHECK_FALSE(lb::gui::approve_and_store_plan(h.state).has_value());
    CHECK(h.state.records.approve.error.find("NOT READY") != std::string::npos);
    CHECK(records.plans().empty());

    // With the reason it is ready; an invalid field then makes it not current.
    h.hand_type("override.severe_sepsis", kReason);
    CHECK(lb::gui::approve_unavailable_reason(h.state).empty());
    h.state.form.fields.at("height").value = "tall";
    h.state.needs_recompute = true;
    h.frame();
    REQUIRE_FALSE(h.state.plan.current);
    CHECK(lb::gui::approve_unavailable_reason(h.state).find("not current") != std::string::npos);
    CHECK_FALSE(lb::gui::approve_and_store_plan(h.state).has_value());
    CHECK(records.plans().empty());
  }

  TEST_CASE("a patient missing from the database is added from the approve modal") {
    TempRecords records(false);
    Headless h(options_for(records));
    REQUIRE(h.state.plan.plan->status() != lb::plan::Status::not_ready);
    h.hand_click("plan.approve");
    REQUIRE(visible(h, "approve.add_patient"));
    CHECK_FALSE(h.state.records.approve.patient_in_db);

    // Approving before the patient is added stores nothing (and creates no file).
    h.hand_type("approve.by", "Dr Jones");
    h.hand_click("approve.confirm");
    CHECK_FALSE(records.exists());
    CHECK_FALSE(h.state.records.approve.error.empty());

    h.hand_click("approve.add_patient");
    REQUIRE(records.exists());
    CHECK(h.state.records.approve.patient_in_db);
    CHECK(
        lb::records::Store(records.db).find_patient(lb::records::PatientId(kPatient))->created_by ==
        "Dr Jones");
    CHECK(records.plans().empty());
    CHECK_FALSE(visible(h, "approve.add_patient"));

    h.hand_click("approve.confirm");
    const auto plans = records.plans();
    REQUIRE(plans.size() == 1);
    CHECK(plans.front().course_start.empty());  // no course start in the planner
    CHECK(plans.front().overrides_json == "[]");
    CHECK(lb::records::reproduce_plan(plans.front()).reproduced);
  }
}
