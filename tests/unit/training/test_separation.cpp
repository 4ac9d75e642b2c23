// Simulated data never appears among real patients: every view of real records (review in
// text, Markdown and JSON; export as CSV, JSON and FHIR; the printable page; the bridge view;
// the patient list; the audit log) is byte-identical before and after attempts are saved,
// also when a real patient's id equals an attempt's trainee label or scenario id.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "attempt_fixture.hpp"
#include "bridge/gather.hpp"
#include "bridge/render.hpp"
#include "bridge/rule_loader.hpp"
#include "bridge/view.hpp"
#include "fhir/bundle.hpp"
#include "fhir/sources.hpp"
#include "print/printable.hpp"
#include "records/export.hpp"
#include "records/review.hpp"
#include "records/review_render.hpp"
#include "training/attempt_store.hpp"

namespace {

using namespace lb;

// A trainee label and a scenario id, each also the id of a real patient.
const records::PatientId kTraineePatient{"TR-01"};
const records::PatientId kScenarioPatient{"alf-hvp-citrate"};

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

void add_course(records::Store& store, const records::PatientId& id) {
  store.add_patient(id, "Dr Test");
  auto request = testing::example_request();
  request.patient = id;
  request.patient_text = replaced(request.patient_text, "LB-ALF-0001", id.str());
  auto capture = records::capture_plan(request);
  INFO(capture.error);
  REQUIRE(capture.input.has_value());
  store.add_plan(*capture.input);
  const std::string session =
      io::read_file(std::string(LB_SOURCE_DIR) + "/tests/records/data/session-1.yaml");
  store.add_session(testing::parsed_session(replaced(session, "LB-ALF-0001", id.str())), "RN Test");
}

/// Every view of the real records, by name.
std::map<std::string, std::string> views(records::Store& store) {
  static const auto rules =
      bridge::load_rule_set(std::string(LB_SOURCE_DIR) + "/rules/bridge-rules.yaml");
  REQUIRE(rules.rules.has_value());
  std::map<std::string, std::string> out;
  for (const auto& p : store.patients()) {
    out["patients"] += p.pseudonym.str() + " " + p.created_by + "\n";
    const std::string id = p.pseudonym.str();
    const auto review = records::review_course(store, p.pseudonym);
    out["review.text " + id] = records::render_review_text(review);
    out["review.markdown " + id] = records::render_review_markdown(review);
    out["review.json " + id] = records::review_json(review).dump();
    out["export.csv " + id] = records::export_csv(store, p.pseudonym);
    out["export.json " + id] = records::export_json(store, p.pseudonym);
    out["export.fhir " + id] =
        fhir::render_bundle(fhir::sources_for_records(store, p.pseudonym, "2026-12-05T00:00:00Z"));
    out["print " + id] = report::render_printable_html(review, store.sessions_for(p.pseudonym));
    const auto at = records::parse_timestamp("2026-11-21T08:00Z").value->epoch_seconds;
    const auto view = bridge::build_view(*rules.rules, bridge::gather_inputs(store, id, at).inputs);
    out["bridge.text " + id] = bridge::render_text(view);
    out["bridge.json " + id] = bridge::view_json(view).dump();
  }
  for (const auto& e : store.audit()) {
    out["audit"] += e.entity + " " + std::to_string(e.entity_id) + " " + e.field + " " +
                    e.new_value + " " + e.row_hash + "\n";
  }
  out["audit chain"] = store.verify_audit_chain();
  for (const char* table : {"patients", "plans", "sessions", "session_labs", "audit"}) {
    out[std::string("rows ") + table] = std::to_string(testing::count_rows(store, table));
  }
  return out;
}

}  // namespace

TEST_SUITE("training") {
  TEST_CASE("stored attempts change no view of real records whatever the ids") {
    testing::TempDir dir;
    const std::string db = dir.file("r.db");
    std::map<std::string, std::string> before;
    {
      records::Store store(db);
      add_course(store, kTraineePatient);
      add_course(store, kScenarioPatient);
      before = views(store);
    }
    REQUIRE(before.count("review.text TR-01") == 1);
    REQUIRE(before.count("print alf-hvp-citrate") == 1);

    const std::string timeline_sha = io::sha256_hex(testing::golden_timeline());
    const std::string scenario_sha = testing::golden_scenario_sha256();
    {
      training::SqliteAttemptStore attempts(db);
      auto in = testing::golden_attempt(kTraineePatient.str());
      in.trainees.push_back(kScenarioPatient.str());
      in.trace = training::NamedText{"tr.csv", testing::kGoldenTrace};
      in.debrief =
          training::NamedText{"d.json", testing::golden_debrief(timeline_sha, scenario_sha)};
      const auto first = attempts.save(in);
      in.parent = first;
      in.branch_at_s = 600;
      attempts.save(in);
      REQUIRE(attempts.attempts({.trainee = kTraineePatient.str(), .scenario_id = ""}).size() == 2);
    }
    records::Store store(db);
    const auto after = views(store);
    CHECK(after.size() == before.size());
    for (const auto& [name, text] : before) {
      CAPTURE(name);
      REQUIRE(after.count(name) == 1);
      CHECK(after.at(name) == text);
      // Nothing of an attempt: its hashes, its timeline's lines, its debrief or trace.
      CHECK(text.find(timeline_sha) == std::string::npos);
      CHECK(text.find(scenario_sha) == std::string::npos);
      CHECK(text.find("\"kind\":\"start\"") == std::string::npos);
      CHECK(text.find("liverbridge.sim-debrief") == std::string::npos);
      CHECK(text.find("ica [mmol/L]") == std::string::npos);
    }
  }

  TEST_CASE("a records file with attempts only has no patients to review or export") {
    testing::TempDir dir;
    const std::string db = dir.file("r.db");
    training::SqliteAttemptStore(db).save(testing::golden_attempt(kTraineePatient.str()));
    records::Store store(db);
    CHECK(store.patients().empty());
    CHECK_FALSE(store.find_patient(kTraineePatient).has_value());
    CHECK_FALSE(store.find_patient(kScenarioPatient).has_value());
    CHECK(store.sessions_for(kTraineePatient).empty());
    CHECK(store.plans_for(kScenarioPatient).empty());
    CHECK(store.audit().empty());
    CHECK_THROWS_AS(records::review_course(store, kTraineePatient), records::InputError);
    CHECK_THROWS_AS(records::export_json(store, kScenarioPatient), records::InputError);
    CHECK_THROWS_AS(records::export_csv(store, kTraineePatient), records::InputError);
  }
}
