// The session-records screens, driven headless as a person would: open them
// from the menu bar, pick the patient, type a session, record it, correct a
// field. The database is a temporary file seeded and counted through the
// core/records API, so "nothing written" is checked in the file itself.
#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <string>

#include "headless.hpp"
#include "io/atomic_write.hpp"
#include "records/plan_capture.hpp"
#include "records/review.hpp"
#include "records/store.hpp"

namespace {

using lb::gui::test::example_options;
using lb::gui::test::Headless;

constexpr const char* kPatient = "LB-ALF-0001";  // the id in examples/alf-paracetamol.yaml

/// A records database in a temporary directory: the example patient and one approved plan.
struct SeededRecords {
  std::string dir, db;
  SeededRecords() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "lb-gui-records-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    dir = tmpl;
    db = dir + "/records.db";
    lb::records::Store store(db);
    store.add_patient(lb::records::PatientId(kPatient), "RN Seed");
    const std::string patient = std::string(LB_SOURCE_DIR) + "/examples/alf-paracetamol.yaml";
    const std::string protocol = std::string(LB_SOURCE_DIR) + "/protocols/hvp-alf-larsen-2016.yaml";
    const auto capture = lb::records::capture_plan(
        {.patient = lb::records::PatientId(kPatient),
         .patient_text = lb::io::read_file(patient),
         .patient_file = patient,
         .protocol_text = lb::io::read_file(protocol),
         .protocol_file = protocol,
         .overrides = {},
         .review_json = lb::records::make_review_json({"plasma_removed=10%", "duration=20%"}, ""),
         .approved_by = "Dr Seed",
         .course_start = ""});
    INFO(capture.error);
    REQUIRE(capture.input.has_value());
    store.add_plan(*capture.input);
  }
  ~SeededRecords() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  SeededRecords(const SeededRecords&) = delete;
  SeededRecords& operator=(const SeededRecords&) = delete;

  [[nodiscard]] std::vector<lb::records::SessionRecord> sessions() const {
    lb::records::Store store(db);
    return store.sessions_for(lb::records::PatientId(kPatient));
  }
  [[nodiscard]] std::vector<lb::records::AuditEntry> audit() const {
    lb::records::Store store(db);
    return store.audit();
  }
};

lb::gui::AppOptions options_for(const SeededRecords& records) {
  auto o = example_options("hvp-alf-larsen-2016");
  o.records_db = records.db;
  return o;
}

bool has_error_at(const lb::diag::Diagnostics& d, const std::string& key, const std::string& text) {
  for (const auto& item : d.items()) {
    if (item.key == key && item.severity == lb::diag::Severity::error &&
        item.message.find(text) != std::string::npos) {
      return true;
    }
  }
  return false;
}

void choose(Headless& h, const std::string& combo, const std::string& entry) {
  h.point_at(combo);
  h.choose(combo, entry);
}

/// Opens the records screens and the session form, and types a session.
void type_session(Headless& h, const std::string& ended_at) {
  h.hand_click("records.tab.session");
  h.hand_type("records.form.started_at", "2026-11-20T08:00Z");
  h.hand_type("records.form.ended_at", ended_at);
  h.hand_type("records.form.plasma_removed", "9.8");
  choose(h, "records.form.plasma_removed.unit", "records.form.plasma_removed.unit.L");
  h.hand_type("records.form.replaced.ffp", "9800");
  h.hand_type("records.form.who", "RN Smith");
}

}  // namespace

TEST_SUITE("gui") {
  TEST_CASE("the records screens list the patients of the database given") {
    SeededRecords records;
    Headless h(options_for(records));
    CHECK_FALSE(h.drawn("records.patient.LB-ALF-0001"));  // the planner is shown first
    h.hand_click("menu.records");
    REQUIRE(h.state.records.active);
    CHECK(h.state.records.db_path == records.db);
    CHECK(h.drawn("records.patient.LB-ALF-0001"));
    CHECK(h.state.records.selected.str() == kPatient);  // the only patient is chosen
    // Its course: the approved plan, re-run from the stored input, reproduces.
    REQUIRE(h.state.records.review.has_value());
    REQUIRE(h.state.records.review->plans.size() == 1);
    CHECK(h.state.records.review->plans[0].reproduction.reproduced);
    CHECK(h.drawn("records.plan.reproduction"));

    // A patient added by another workstation appears after Reload.
    lb::records::Store(records.db).add_patient(lb::records::PatientId("LB-ALF-0002"), "RN Other");
    CHECK_FALSE(h.drawn("records.patient.LB-ALF-0002"));
    h.hand_click("records.db.reload");
    CHECK(h.drawn("records.patient.LB-ALF-0002"));
    h.hand_click("records.patient.LB-ALF-0002");
    CHECK(h.state.records.selected.str() == "LB-ALF-0002");
  }

  TEST_CASE("a session that ends before it starts is refused and nothing is written") {
    SeededRecords records;
    Headless h(options_for(records));
    h.hand_click("menu.records");
    const auto audit_before = records.audit().size();
    type_session(h, "2026-11-20T07:00Z");
    h.hand_click("records.form.submit");

    // The session reader's own message, at the field, and the refusal above the form.
    CHECK(has_error_at(h.state.records.session_form.problems, "ended_at",
                       "the session ends (2026-11-20T07:00:00Z) before it starts"));
    CHECK(h.drawn("records.form.ended_at.problem"));
    CHECK(h.drawn("records.form.error"));
    CHECK(h.state.records.session_form.error.find("Nothing written") != std::string::npos);
    CHECK(records.sessions().empty());
    CHECK(records.audit().size() == audit_before);
    // What was typed stays in the form to be fixed.
    CHECK(h.state.records.session_form.fields.at("plasma_removed").value == "9.8");
  }

  TEST_CASE("a valid session is stored with the units chosen") {
    SeededRecords records;
    Headless h(options_for(records));
    h.hand_click("menu.records");
    type_session(h, "2026-11-20T07:00Z");
    h.hand_click("records.form.submit");
    REQUIRE(records.sessions().empty());

    h.hand_type("records.form.ended_at", "2026-11-20T11:45Z");
    h.hand_click("records.form.submit");
    CHECK(h.state.records.session_form.error.empty());
    CHECK(h.drawn("records.form.result"));
    const auto stored = records.sessions();
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].recorded_by == "RN Smith");
    CHECK(stored[0].data.started.utc == "2026-11-20T08:00:00Z");
    CHECK(stored[0].data.ended.utc == "2026-11-20T11:45:00Z");
    CHECK(stored[0].data.plasma_removed.text == "9.8 L");
    CHECK(lb::units::in_milliliters(
              stored[0].data.plasma_removed.quantity().get<lb::units::Volume>()) ==
          doctest::Approx(9800));
    REQUIRE(stored[0].data.replaced.size() == 1);
    CHECK(stored[0].data.replaced[0].first == "ffp");
    CHECK(stored[0].data.replaced[0].second.text == "9800 mL");
    // The course shows it against the plan.
    REQUIRE(h.state.records.review.has_value());
    REQUIRE(h.state.records.review->sessions.size() == 1);
    h.hand_click("records.tab.course");
    CHECK(h.drawn("records.session." + stored[0].id.str()));
  }

  TEST_CASE("a correction appears in the audit trail with the previous value") {
    SeededRecords records;
    Headless h(options_for(records));
    h.hand_click("menu.records");
    type_session(h, "2026-11-20T11:45Z");
    h.hand_click("records.form.submit");
    const auto stored = records.sessions();
    REQUIRE(stored.size() == 1);

    h.hand_click("records.tab.audit");
    CHECK(h.state.records.correction.session_id == stored[0].id);
    choose(h, "records.correct.field", "records.correct.field.plasma_removed");
    h.hand_type("records.correct.value", "10.2");
    choose(h, "records.correct.unit", "records.correct.unit.L");
    h.hand_type("records.correct.who", "RN Smith");

    // Without a reason: refused, as the command line refuses it; nothing written.
    const auto audit_before = records.audit().size();
    h.hand_click("records.correct.submit");
    CHECK(h.drawn("records.correct.error"));
    CHECK(h.state.records.correction.error.find("reason") != std::string::npos);
    CHECK(records.audit().size() == audit_before);
    CHECK(records.sessions()[0].data.plasma_removed.text == "9.8 L");

    h.hand_type("records.correct.reason", "pump log read again");
    h.hand_click("records.correct.submit");
    CHECK(h.state.records.correction.error.empty());
    const auto audit = records.audit();
    REQUIRE(audit.size() == audit_before + 1);
    const auto& entry = audit.back();
    CHECK(entry.action == "correct");
    CHECK(entry.field == "plasma_removed");
    CHECK(entry.previous_value == "9.8 L");
    CHECK(entry.new_value == "10.2 L");
    CHECK(entry.reason == "pump log read again");
    CHECK(entry.actor == "RN Smith");
    CHECK(records.sessions()[0].data.plasma_removed.text == "10.2 L");
    // The trail on screen holds it, previous value included.
    REQUIRE_FALSE(h.state.records.audit.empty());
    CHECK(h.state.records.audit.back().id == entry.id);
    CHECK(h.state.records.audit.back().previous_value == "9.8 L");
    CHECK(h.drawn("records.audit.previous." + std::to_string(entry.id)));
    CHECK(h.state.records.audit_chain_problem.empty());
  }

  TEST_CASE("a patient added in the window creates the database file") {
    SeededRecords records;  // only for its temporary directory
    auto o = options_for(records);
    o.records_db = records.dir + "/new/records.db";
    Headless h(o);
    h.hand_click("menu.records");
    CHECK_FALSE(h.state.records.db_exists);
    CHECK_FALSE(std::filesystem::exists(o.records_db));  // showing it does not create it
    h.hand_click("records.new");
    h.hand_type("records.new.id", "LB-NEW-0003");
    h.hand_click("records.new.add");  // no "who": refused, nothing created
    CHECK_FALSE(h.state.records.new_patient_error.empty());
    CHECK_FALSE(h.drawn("records.patient.LB-NEW-0003"));
    CHECK_FALSE(std::filesystem::exists(o.records_db));
    h.hand_type("records.new.who", "RN Smith");
    h.hand_click("records.new.add");
    CHECK(h.state.records.new_patient_error.empty());
    CHECK(h.state.records.db_exists);
    CHECK(h.drawn("records.patient.LB-NEW-0003"));
    CHECK(h.state.records.selected.str() == "LB-NEW-0003");
    CHECK(lb::records::Store(o.records_db)
              .find_patient(lb::records::PatientId("LB-NEW-0003"))
              .has_value());
  }

  TEST_CASE("--view selects the planner tabs and the records screens") {
    SeededRecords records;
    Headless h(options_for(records));
    for (const auto& v : lb::gui::view_names()) {
      INFO(v);
      CHECK(lb::gui::apply_view(h.state, v));
      h.frames(3);
      CHECK(h.state.records.active == (v.rfind("records", 0) == 0));
    }
    CHECK_FALSE(lb::gui::apply_view(h.state, "nonsense"));
    CHECK(lb::gui::apply_view(h.state, "records-audit"));
    h.frames(3);
    CHECK(h.state.records.tab == lb::gui::RecordsTab::audit);
    CHECK(lb::gui::apply_view(h.state, "schedule"));
    h.frames(3);
    CHECK_FALSE(h.state.records.active);
  }
}
