// An existing records database gains the attempt tables when it is opened: the fixture
// tests/data/records/schema-2.db was written by LiverBridge before schema 3 (`record patient`,
// `record plan`, `record session`, `record correct` of the example course), so this is the
// upgrade a ward's file goes through.
#include <doctest/doctest.h>

#include <filesystem>

#include "attempt_fixture.hpp"
#include "records/review.hpp"
#include "records/schema.hpp"
#include "training/attempt_store.hpp"

namespace {

using namespace lb;

int user_version(records::Store& store) {
  auto s = store.database().prepare("PRAGMA user_version");
  REQUIRE(s.step());
  return static_cast<int>(s.integer(0));
}

bool has_table(records::Store& store, const std::string& name) {
  auto s =
      store.database().prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?");
  s.bind(1, name);
  return s.step();
}

/// A private copy of the fixture (opening migrates it in place).
std::string fixture_copy(const testing::TempDir& dir) {
  const std::string db = dir.file("old.db");
  std::filesystem::copy_file(std::string(LB_TEST_DATA_DIR) + "/records/schema-2.db", db);
  std::filesystem::permissions(
      db, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  return db;
}

}  // namespace

TEST_SUITE("training") {
  TEST_CASE("a schema-2 records file opens at schema 3 with its records intact") {
    testing::TempDir dir;
    const std::string db = fixture_copy(dir);
    {
      // Read the fixture as it is, without migrating it: it really is schema 2.
      records::Database raw(db, false);
      auto s = raw.prepare("PRAGMA user_version");
      REQUIRE(s.step());
      CHECK(s.integer(0) == 2);
      auto t = raw.prepare("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'training%'");
      REQUIRE(t.step());
      CHECK(t.integer(0) == 0);
    }
    training::SqliteAttemptStore attempts(db);
    CHECK(attempts.attempts({}).empty());
    const auto id = attempts.save(testing::golden_attempt("LB-ALF-0001"));
    CHECK(attempts.attempt(id)->summary.seed == "20261204");

    records::Store store(db);
    CHECK(records::schema_version() == 3);
    CHECK(user_version(store) == 3);
    CHECK(has_table(store, "training_attempts"));
    CHECK(has_table(store, "training_attempt_trainees"));
    REQUIRE(store.patients().size() == 1);
    CHECK(store.patients()[0].pseudonym == testing::kExamplePatientId);
    CHECK(store.plans_for(testing::kExamplePatientId).size() == 1);
    const auto sessions = store.sessions_for(testing::kExamplePatientId);
    REQUIRE(sessions.size() == 1);
    CHECK(sessions[0].data.plasma_removed.text == "10.2 L");  // the correction, kept
    CHECK(store.verify_audit_chain().empty());
    CHECK(store.audit().size() == 4);  // patient, plan, session, correction: no attempt
    const auto review = records::review_course(store, testing::kExamplePatientId);
    CHECK(review.audit_chain_problem.empty());
  }

  TEST_CASE("the migration to schema 3 runs once") {
    testing::TempDir dir;
    const std::string db = fixture_copy(dir);
    { training::SqliteAttemptStore first(db); }
    training::SqliteAttemptStore again(db);  // a second CREATE TABLE would throw here
    records::Store store(db);
    CHECK(user_version(store) == 3);
  }
}
