#include <doctest/doctest.h>
#include <sys/stat.h>

#include "records/schema.hpp"
#include "records/session_reader.hpp"
#include "records/store.hpp"
#include "records_fixture.hpp"

using namespace lb;
using lb::testing::count_rows;
using lb::testing::TempDir;

namespace {
records::SessionInput example_session() {
  auto load = records::parse_session(
      "patient: LB-ALF-0001\n"
      "started_at: 2026-11-20T08:00Z\n"
      "ended_at: 2026-11-20T11:30Z\n"
      "plasma_removed: 10000 mL\n"
      "replaced:\n  ffp: 10000 mL\n"
      "ffp_units: 40\n"
      "labs:\n  pre:\n    drawn_at: 2026-11-20T07:30Z\n    bilirubin: 4.2 mg/dL\n",
      "session.yaml");
  REQUIRE(load.session.has_value());
  return *load.session;
}

std::string pragma_text(records::Store& store, const std::string& name) {
  auto s = store.database().prepare("PRAGMA " + name);
  REQUIRE(s.step());
  return s.text(0);
}
}  // namespace

TEST_SUITE("records") {
  TEST_CASE("a new database is private and in WAL mode with the current schema") {
    TempDir dir;
    const auto path = dir.file("sub/dir/records.db");
    records::Store store(path);
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(pragma_text(store, "journal_mode") == "wal");
    CHECK(pragma_text(store, "foreign_keys") == "1");
    CHECK(pragma_text(store, "synchronous") == "2");  // FULL
    CHECK(pragma_text(store, "user_version") == std::to_string(records::schema_version()));
  }

  TEST_CASE("an existing database readable by others is made private when opened") {
    TempDir dir;
    const auto path = dir.file("sub/records.db");
    { records::Store(path).add_patient(records::PatientId("P1"), "nurse"); }
    REQUIRE(::chmod(path.c_str(), 0644) == 0);
    REQUIRE(::chmod(dir.file("sub").c_str(), 0755) == 0);
    records::Store again(path);
    CHECK(again.patients().size() == 1);
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    // A directory that exists is the user's: only directories LiverBridge creates are set.
    REQUIRE(::stat(dir.file("sub").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0755);
  }

  TEST_CASE("reopening keeps the data and does not migrate twice") {
    TempDir dir;
    const auto path = dir.file("records.db");
    { records::Store(path).add_patient(records::PatientId("P1"), "nurse"); }
    records::Store again(path);
    CHECK(again.patients().size() == 1);
    CHECK(count_rows(again, "audit") == 1);
  }

  TEST_CASE("a database from a newer LiverBridge is refused") {
    TempDir dir;
    const auto path = dir.file("records.db");
    {
      records::Store store(path);
      store.database().exec("PRAGMA user_version = 99");
    }
    CHECK_THROWS_WITH_AS(records::Store{path}, doctest::Contains("update LiverBridge"),
                         records::DbError);
  }

  TEST_CASE("a database that is not a LiverBridge records file is refused") {
    TempDir dir;
    const auto path = dir.file("other.db");
    {
      records::Database other(path, true);
      other.exec("CREATE TABLE t(x)");
    }
    CHECK_THROWS_WITH_AS(records::Store{path}, doctest::Contains("not a LiverBridge records"),
                         records::DbError);
  }

  TEST_CASE("default database path follows XDG") {
    CHECK(records::default_database_path("/x/data", "/home/u") == "/x/data/liverbridge/records.db");
    CHECK(records::default_database_path(nullptr, "/home/u") ==
          "/home/u/.local/share/liverbridge/records.db");
    CHECK(records::default_database_path("relative", "/home/u") ==
          "/home/u/.local/share/liverbridge/records.db");
    CHECK_THROWS_AS(records::default_database_path(nullptr, nullptr), records::InputError);
  }

  TEST_CASE("duplicate and unknown patients are refused and nothing is written") {
    TempDir dir;
    records::Store store(dir.file("records.db"));
    store.add_patient(records::PatientId("P1"), "nurse");
    CHECK_THROWS_WITH_AS(store.add_patient(records::PatientId("P1"), "nurse"),
                         doctest::Contains("already exists"), records::InputError);
    auto session = example_session();
    session.patient = records::PatientId("NOBODY");
    CHECK_THROWS_WITH_AS(store.add_session(session, "nurse"), doctest::Contains("unknown patient"),
                         records::InputError);
    CHECK(count_rows(store, "sessions") == 0);
    CHECK(count_rows(store, "audit") == 1);
  }

  TEST_CASE("a session needs an approved plan and is stored with its details") {
    TempDir dir;
    records::Store store(dir.file("records.db"));
    store.add_patient(records::PatientId("LB-ALF-0001"), "nurse");
    CHECK_THROWS_WITH_AS(store.add_session(example_session(), "nurse"),
                         doctest::Contains("no approved plan"), records::InputError);
    const auto plan_id = store.add_plan(lb::testing::example_plan());
    const auto id = store.add_session(example_session(), "nurse");
    const auto sessions = store.sessions_for(records::PatientId("LB-ALF-0001"));
    REQUIRE(sessions.size() == 1);
    CHECK(sessions[0].id == id);
    CHECK(sessions[0].plan_id == plan_id);
    CHECK(units::in_milliliters(sessions[0].data.plasma_removed.quantity().get<units::Volume>()) ==
          doctest::Approx(10000));
    CHECK(sessions[0].data.plasma_removed.text == "10000 mL");
    REQUIRE(sessions[0].data.replaced.size() == 1);
    CHECK(sessions[0].data.replaced[0].first == "ffp");
    REQUIRE(sessions[0].data.labs.size() == 1);
    CHECK(sessions[0].data.labs[0].value.text == "4.2 mg/dL");
    CHECK(sessions[0].data.labs[0].drawn_at.utc == "2026-11-20T07:30:00Z");
    CHECK(sessions[0].data.ffp_units == 40);
  }

  TEST_CASE(
      "a plan is stored under its own protocol hash and refused when the JSON names another") {
    TempDir dir;
    records::Store store(dir.file("records.db"));
    store.add_patient(records::PatientId("LB-ALF-0001"), "nurse");
    const auto input = lb::testing::example_plan();
    REQUIRE(input.protocol_sha256.size() == 64);
    const auto stored = store.plan(store.add_plan(input));
    REQUIRE(stored.has_value());
    CHECK(stored->protocol_sha256 == input.protocol_sha256);
    auto other = input;
    other.protocol_sha256 = std::string(64, '0');
    CHECK_THROWS_WITH_AS(store.add_plan(other), doctest::Contains("SHA-256 differs"),
                         records::InputError);
    other.protocol_sha256.clear();
    CHECK_THROWS_AS(store.add_plan(other), records::InputError);
    CHECK(store.plans_for(records::PatientId("LB-ALF-0001")).size() == 1);
  }

  TEST_CASE("end before start and negative volumes are refused by the store too") {
    TempDir dir;
    records::Store store(dir.file("records.db"));
    store.add_patient(records::PatientId("LB-ALF-0001"), "nurse");
    store.add_plan(lb::testing::example_plan());
    auto s = example_session();
    std::swap(s.started, s.ended);
    CHECK_THROWS_WITH_AS(store.add_session(s, "nurse"), doctest::Contains("before it starts"),
                         records::InputError);
    auto negative = example_session();
    negative.plasma_removed.value = units::AnyQuantity::of(units::milliliters(-1000));
    CHECK_THROWS_AS(store.add_session(negative, "nurse"), records::DbError);  // CHECK constraint
    CHECK(count_rows(store, "sessions") == 0);
    CHECK(count_rows(store, "session_labs") == 0);
  }

  TEST_CASE("the audit log and approved plans are append-only") {
    TempDir dir;
    records::Store store(dir.file("records.db"));
    store.add_patient(records::PatientId("LB-ALF-0001"), "nurse");
    store.add_plan(lb::testing::example_plan());
    CHECK_THROWS_WITH_AS(store.database().exec("UPDATE audit SET actor = 'someone else'"),
                         doctest::Contains("append-only"), records::DbError);
    CHECK_THROWS_WITH_AS(store.database().exec("DELETE FROM audit"),
                         doctest::Contains("append-only"), records::DbError);
    CHECK_THROWS_WITH_AS(store.database().exec("UPDATE plans SET approved_by = 'x'"),
                         doctest::Contains("immutable"), records::DbError);
    CHECK_THROWS_AS(store.database().exec("DELETE FROM patients"), records::DbError);
    CHECK(count_rows(store, "audit") == 2);
    CHECK(store.verify_audit_chain().empty());
  }

  TEST_CASE("a correction changes the value and records the previous one") {
    TempDir dir;
    records::Store store(dir.file("records.db"));
    store.add_patient(records::PatientId("LB-ALF-0001"), "nurse");
    store.add_plan(lb::testing::example_plan());
    const auto id = store.add_session(example_session(), "nurse");
    store.correct_session(id, "plasma_removed", "9.5 L", "pump log read again", "Dr Who");
    store.correct_session(id, "pre.bilirubin", "72 µmol/L", "lab re-issued in SI", "Dr Who");
    const auto s = store.sessions_for(records::PatientId("LB-ALF-0001")).at(0);
    CHECK(units::in_milliliters(s.data.plasma_removed.quantity().get<units::Volume>()) ==
          doctest::Approx(9500));
    CHECK(s.data.labs.at(0).value.text == "72 µmol/L");
    const auto trail = store.audit("session", id.raw());
    REQUIRE(trail.size() == 3);
    CHECK(trail[1].action == "correct");
    CHECK(trail[1].field == "plasma_removed");
    CHECK(trail[1].previous_value == "10000 mL");
    CHECK(trail[1].new_value == "9.5 L");
    CHECK(trail[1].reason == "pump log read again");
    CHECK(trail[1].actor == "Dr Who");
    CHECK(trail[2].previous_value == "4.2 mg/dL");
    CHECK(store.verify_audit_chain().empty());
  }

  TEST_CASE("bad corrections are refused and nothing is written") {
    TempDir dir;
    records::Store store(dir.file("records.db"));
    store.add_patient(records::PatientId("LB-ALF-0001"), "nurse");
    store.add_plan(lb::testing::example_plan());
    const auto id = store.add_session(example_session(), "nurse");
    const auto before = count_rows(store, "audit");
    CHECK_THROWS_WITH_AS(store.correct_session(id, "plasma_removed", "9.5 kg", "x", "Dr"),
                         doctest::Contains("volume"), records::InputError);
    CHECK_THROWS_WITH_AS(store.correct_session(id, "plasma_removed", "-1 L", "x", "Dr"),
                         doctest::Contains("zero or more"), records::InputError);
    CHECK_THROWS_WITH_AS(store.correct_session(id, "ended_at", "2026-11-20T07:00Z", "x", "Dr"),
                         doctest::Contains("end before it starts"), records::InputError);
    CHECK_THROWS_WITH_AS(store.correct_session(id, "plasma_removed", "9 L", "", "Dr"),
                         doctest::Contains("reason"), records::InputError);
    CHECK_THROWS_WITH_AS(store.correct_session(id, "colour", "red", "x", "Dr"),
                         doctest::Contains("cannot correct"), records::InputError);
    CHECK_THROWS_WITH_AS(
        store.correct_session(records::SessionId(id.raw() + 1), "plasma_removed", "9 L", "x", "Dr"),
        doctest::Contains("unknown session"), records::InputError);
    CHECK(count_rows(store, "audit") == before);
    CHECK(store.sessions_for(records::PatientId("LB-ALF-0001")).at(0).data.plasma_removed.text ==
          "10000 mL");
  }

  TEST_CASE("tampering with the audit log breaks the hash chain") {
    TempDir dir;
    records::Store store(dir.file("records.db"));
    store.add_patient(records::PatientId("P1"), "nurse");
    store.add_patient(records::PatientId("P2"), "nurse");
    // Anyone holding the file can drop the trigger; the chain still shows the edit.
    store.database().exec("DROP TRIGGER audit_no_update");
    store.database().exec("UPDATE audit SET actor = 'mallory' WHERE id = 1");
    CHECK(store.verify_audit_chain() == "audit entry 1: content does not match its hash");
  }
}
