#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "io/atomic_write.hpp"
#include "records/plan_capture.hpp"
#include "records/reproduce.hpp"
#include "records_fixture.hpp"

using namespace lb;

namespace {
records::PlanCaptureRequest dated(const std::string& start) {
  auto request = lb::testing::example_request();
  request.course_start = start;
  return request;
}
}  // namespace

TEST_SUITE("records") {
  TEST_CASE("a stored plan re-runs to the same JSON") {
    lb::testing::TempDir dir;
    records::Store store(dir.file("records.db"));
    store.add_patient(lb::testing::kExamplePatientId, "nurse");
    const auto id = store.add_plan(lb::testing::example_plan());
    const auto plan = store.plan(id);
    REQUIRE(plan);
    const auto r = records::reproduce_plan(*plan);
    INFO(r.failure);
    CHECK(r.failure.empty());
    CHECK(r.differences.empty());
    CHECK(r.reproduced);
  }

  TEST_CASE("a dated plan is stored with its course start and re-runs to the same dates") {
    lb::testing::TempDir dir;
    records::Store store(dir.file("records.db"));
    store.add_patient(lb::testing::kExamplePatientId, "nurse");
    auto capture = records::capture_plan(dated("2026-12-05T08:00"));
    INFO(capture.error);
    REQUIRE(capture.input);
    const auto plan = store.plan(store.add_plan(*capture.input));
    REQUIRE(plan);
    CHECK(plan->course_start == "2026-12-05T08:00");
    const auto json = nlohmann::json::parse(plan->plan_json);
    CHECK(json["schedule"]["sessions"][0]["start"] == "2026-12-05T08:00");
    const auto r = records::reproduce_plan(*plan);
    INFO(r.failure);
    CHECK(r.differences.empty());
    CHECK(r.reproduced);

    // Without its start the same plan re-runs with day numbers only: a difference.
    auto undated = *plan;
    undated.course_start.clear();
    CHECK_FALSE(records::reproduce_plan(undated).reproduced);
  }

  TEST_CASE("a course start that is not a local date-time is refused before anything is stored") {
    const auto capture = records::capture_plan(dated("2026-02-30T08:00"));
    CHECK_FALSE(capture.input);
    CHECK(capture.error.rfind("course start ", 0) == 0);
  }

  TEST_CASE("a schema-1 database gains the course start column and keeps its plans") {
    lb::testing::TempDir dir;
    const auto path = dir.file("records.db");
    {
      records::Store store(path);
      store.add_patient(lb::testing::kExamplePatientId, "nurse");
      store.add_plan(lb::testing::example_plan());
      // Back to schema 1 as an older LiverBridge wrote it (SQLite >= 3.35 drops columns):
      // without schema 3's training tables (their triggers and indexes go with them) and
      // schema 2's column.
      store.database().exec("DROP TABLE training_attempt_trainees");
      store.database().exec("DROP TABLE training_attempts");
      store.database().exec("DROP TRIGGER plans_no_update");
      store.database().exec("ALTER TABLE plans DROP COLUMN course_start");
      store.database().exec(
          "CREATE TRIGGER plans_no_update BEFORE UPDATE ON plans BEGIN SELECT RAISE(ABORT, "
          "'approved plans are immutable: store a new plan'); END");
      store.database().exec("PRAGMA user_version = 1");
    }
    records::Store reopened(path);
    const auto plans = reopened.plans_for(lb::testing::kExamplePatientId);
    REQUIRE(plans.size() == 1);
    CHECK(plans[0].course_start.empty());
    CHECK(records::reproduce_plan(plans[0]).reproduced);
  }

  TEST_CASE("a plan stored by other software shows the difference by JSON path") {
    auto input = lb::testing::example_plan();
    auto json = nlohmann::json::parse(input.plan_json);
    json["exchange"]["volume_per_session"]["value"] = 1234;
    json["liverbridge_version"] = "0.0.1";  // context only: not a difference
    records::PlanRecord plan;
    plan.patient_file = input.patient_file;
    plan.patient_text = input.patient_text;
    plan.protocol_file = input.protocol_file;
    plan.protocol_text = input.protocol_text;
    plan.overrides_json = input.overrides_json;
    plan.plan_json = json.dump();
    const auto r = records::reproduce_plan(plan);
    CHECK_FALSE(r.reproduced);
    REQUIRE(r.differences.size() == 1);
    CHECK(r.differences[0].path == "/exchange/volume_per_session/value");
    CHECK(r.differences[0].stored == "1234");
    CHECK(r.stored_version == "0.0.1");
  }

  TEST_CASE("a stored plan whose input no longer loads says so") {
    auto input = lb::testing::example_plan();
    records::PlanRecord plan;
    plan.patient_file = "p.yaml";
    plan.patient_text = "id: X\nweight: 70 parsecs\n";
    plan.protocol_file = input.protocol_file;
    plan.protocol_text = input.protocol_text;
    plan.overrides_json = "[]";
    plan.plan_json = input.plan_json;
    const auto r = records::reproduce_plan(plan);
    CHECK_FALSE(r.reproduced);
    CHECK(r.failure.find("patient text no longer loads") != std::string::npos);
  }

  TEST_CASE("json differences lists added removed and changed leaves") {
    const auto d = records::json_differences(R"({"a":1,"b":[1,2],"c":{"d":"x"}})",
                                             R"({"a":2,"b":[1],"c":{"d":"x","e":true}})");
    REQUIRE(d.size() == 3);
    CHECK(d[0].path == "/a");
    CHECK(d[1].path == "/b/1");
    CHECK(d[1].rerun == "(absent)");
    CHECK(d[2].path == "/c/e");
    CHECK(d[2].stored == "(absent)");
  }
}
