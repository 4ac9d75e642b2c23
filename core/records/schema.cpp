#include "records/schema.hpp"

#include <string>
#include <vector>

namespace lb::records {

namespace {
// 'LBRD': marks the file as a LiverBridge records database (`file` and
// sqlite3 show it), so a wrong --db is refused rather than written into.
constexpr int kApplicationId = 0x4C425244;

// Migration i (1-based) brings user_version from i-1 to i. Never edit a
// released migration: add a new one.
const std::vector<std::string>& migrations() {
  static const std::vector<std::string> kMigrations = {
      R"sql(
CREATE TABLE patients(
  id INTEGER PRIMARY KEY,
  pseudonym TEXT NOT NULL UNIQUE CHECK(length(pseudonym) BETWEEN 1 AND 64),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL CHECK(length(created_by) > 0)
) STRICT;

CREATE TABLE plans(
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patients(id),
  patient_file TEXT NOT NULL,
  patient_text TEXT NOT NULL,
  protocol_file TEXT NOT NULL,
  protocol_text TEXT NOT NULL,
  protocol_sha256 TEXT NOT NULL CHECK(length(protocol_sha256) = 64),
  protocol_id TEXT NOT NULL,
  protocol_version TEXT NOT NULL,
  plan_json TEXT NOT NULL CHECK(json_valid(plan_json)),
  overrides_json TEXT NOT NULL CHECK(json_valid(overrides_json)),
  review_json TEXT NOT NULL CHECK(json_valid(review_json)),
  software_version TEXT NOT NULL,
  approved_by TEXT NOT NULL CHECK(length(approved_by) > 0),
  approved_at TEXT NOT NULL
) STRICT;

CREATE TABLE sessions(
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patients(id),
  plan_id INTEGER NOT NULL REFERENCES plans(id),
  started_at TEXT NOT NULL,
  ended_at TEXT NOT NULL,
  plasma_removed_si REAL NOT NULL CHECK(plasma_removed_si >= 0),
  plasma_removed_text TEXT NOT NULL,
  blood_flow_si REAL CHECK(blood_flow_si > 0),
  blood_flow_text TEXT,
  ffp_units INTEGER CHECK(ffp_units >= 0),
  albumin_used_si REAL CHECK(albumin_used_si >= 0),
  albumin_used_text TEXT,
  anticoagulant TEXT,
  anticoagulant_volume_si REAL CHECK(anticoagulant_volume_si >= 0),
  anticoagulant_volume_text TEXT,
  calcium_salt TEXT,
  calcium_given_si REAL CHECK(calcium_given_si >= 0),
  calcium_given_text TEXT,
  adverse_event_notes TEXT NOT NULL DEFAULT '',
  recorded_by TEXT NOT NULL CHECK(length(recorded_by) > 0),
  recorded_at TEXT NOT NULL,
  CHECK(ended_at > started_at)
) STRICT;

CREATE TABLE session_fluids(
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  fluid TEXT NOT NULL,
  volume_si REAL NOT NULL CHECK(volume_si >= 0),
  volume_text TEXT NOT NULL,
  PRIMARY KEY(session_id, fluid)
) STRICT;

CREATE TABLE session_events(
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  event TEXT NOT NULL,
  PRIMARY KEY(session_id, event)
) STRICT;

CREATE TABLE session_labs(
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  timing TEXT NOT NULL CHECK(timing IN ('pre', 'post')),
  analyte TEXT NOT NULL,
  si_value REAL NOT NULL,
  dimension TEXT NOT NULL,
  value_text TEXT NOT NULL,
  drawn_at TEXT NOT NULL,
  PRIMARY KEY(session_id, timing, analyte)
) STRICT;

CREATE TABLE audit(
  id INTEGER PRIMARY KEY,
  at_utc TEXT NOT NULL,
  actor TEXT NOT NULL CHECK(length(actor) > 0),
  entity TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  action TEXT NOT NULL CHECK(action IN ('create', 'correct')),
  field TEXT NOT NULL,
  previous_value TEXT NOT NULL,
  new_value TEXT NOT NULL,
  reason TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  row_hash TEXT NOT NULL UNIQUE
) STRICT;

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER plans_no_update BEFORE UPDATE ON plans
BEGIN SELECT RAISE(ABORT, 'approved plans are immutable: store a new plan'); END;
CREATE TRIGGER plans_no_delete BEFORE DELETE ON plans
BEGIN SELECT RAISE(ABORT, 'approved plans are immutable: store a new plan'); END;
CREATE TRIGGER patients_no_delete BEFORE DELETE ON patients
BEGIN SELECT RAISE(ABORT, 'patients are never deleted'); END;
CREATE TRIGGER sessions_no_delete BEFORE DELETE ON sessions
BEGIN SELECT RAISE(ABORT, 'sessions are never deleted: correct them'); END;

CREATE INDEX sessions_by_patient ON sessions(patient_id, started_at);
CREATE INDEX plans_by_patient ON plans(patient_id, id);
CREATE INDEX audit_by_entity ON audit(entity, entity_id);
)sql",
      // 2: the course start a plan was computed with (`record plan --start`), so a
      // dated plan re-runs to the same calendar. NULL: day numbers only.
      R"sql(
ALTER TABLE plans ADD COLUMN course_start TEXT
  CHECK(course_start IS NULL OR course_start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]');
)sql",
      // 3: stored training-simulation attempts (core/training/, docs/records.md). Their own
      // tables, joined to nothing clinical: no patient, plan, session or audit row names an
      // attempt, so no review, export, print, bridge view or audit listing can reach one.
      R"sql(
CREATE TABLE training_attempts(
  id INTEGER PRIMARY KEY,
  scenario_id TEXT NOT NULL CHECK(length(scenario_id) > 0),
  scenario_version TEXT NOT NULL CHECK(length(scenario_version) > 0),
  scenario_sha256 TEXT NOT NULL CHECK(length(scenario_sha256) = 64),
  seed TEXT NOT NULL CHECK(length(seed) BETWEEN 1 AND 20 AND seed NOT GLOB '*[^0-9]*'),
  program_version TEXT NOT NULL CHECK(length(program_version) > 0),
  timeline_sha256 TEXT NOT NULL CHECK(length(timeline_sha256) = 64),
  timeline_jsonl TEXT NOT NULL CHECK(length(timeline_jsonl) > 0),
  trace_csv TEXT,
  debrief_json TEXT CHECK(debrief_json IS NULL OR json_valid(debrief_json)),
  duration_s INTEGER NOT NULL CHECK(duration_s >= 0),
  complete INTEGER NOT NULL CHECK(complete IN (0, 1)),
  trainee_actions INTEGER NOT NULL CHECK(trainee_actions >= 0),
  instructor_acts INTEGER NOT NULL CHECK(instructor_acts >= 0),
  alarms INTEGER NOT NULL CHECK(alarms >= 0),
  composite_score REAL,
  objectives_met INTEGER CHECK(objectives_met >= 0),
  objectives_total INTEGER CHECK(objectives_total >= 0),
  instructor TEXT,
  self_rating INTEGER CHECK(self_rating BETWEEN 1 AND 5),
  parent_id INTEGER REFERENCES training_attempts(id),
  branch_at_s INTEGER CHECK(branch_at_s >= 0),
  started_at TEXT,
  ended_at TEXT,
  saved_by TEXT NOT NULL CHECK(length(saved_by) > 0),
  saved_at TEXT NOT NULL,
  CHECK((parent_id IS NULL) = (branch_at_s IS NULL)),
  CHECK(ended_at IS NULL OR started_at IS NULL OR ended_at >= started_at)
) STRICT;

CREATE TABLE training_attempt_trainees(
  attempt_id INTEGER NOT NULL REFERENCES training_attempts(id),
  position INTEGER NOT NULL CHECK(position >= 1),
  label TEXT NOT NULL CHECK(length(label) BETWEEN 1 AND 64),
  PRIMARY KEY(attempt_id, position),
  UNIQUE(attempt_id, label)
) STRICT;

CREATE TRIGGER training_attempts_no_update BEFORE UPDATE ON training_attempts
BEGIN SELECT RAISE(ABORT, 'training attempts are kept as saved: a retry is a new attempt'); END;
CREATE TRIGGER training_attempts_no_delete BEFORE DELETE ON training_attempts
BEGIN SELECT RAISE(ABORT, 'training attempts are kept as saved: a retry is a new attempt'); END;
CREATE TRIGGER training_attempt_trainees_no_update BEFORE UPDATE ON training_attempt_trainees
BEGIN SELECT RAISE(ABORT, 'training attempts are kept as saved'); END;
CREATE TRIGGER training_attempt_trainees_no_delete BEFORE DELETE ON training_attempt_trainees
BEGIN SELECT RAISE(ABORT, 'training attempts are kept as saved'); END;

CREATE INDEX training_attempts_by_scenario ON training_attempts(scenario_id, id);
CREATE INDEX training_attempts_by_parent ON training_attempts(parent_id);
CREATE INDEX training_attempt_trainees_by_label ON training_attempt_trainees(label);
)sql",
  };
  return kMigrations;
}

int read_int_pragma(Database& db, const char* name) {
  auto stmt = db.prepare(std::string("PRAGMA ") + name);
  return stmt.step() ? static_cast<int>(stmt.integer(0)) : 0;
}
}  // namespace

int schema_version() { return static_cast<int>(migrations().size()); }

void migrate(Database& db) {
  db.write_transaction([&] {
    const int app = read_int_pragma(db, "application_id");
    const int version = read_int_pragma(db, "user_version");
    if (app != 0 && app != kApplicationId) {
      throw DbError(SQLITE_MISMATCH, db.path() + " is not a LiverBridge records database");
    }
    if (app == 0 && version == 0) {
      // A new file must be empty: never adopt someone else's database.
      auto tables = db.prepare("SELECT count(*) FROM sqlite_schema");
      if (tables.step() && tables.integer(0) != 0) {
        throw DbError(SQLITE_MISMATCH, db.path() + " is not a LiverBridge records database");
      }
    }
    if (version > schema_version()) {
      throw DbError(SQLITE_MISMATCH, db.path() + " has records schema version " +
                                         std::to_string(version) +
                                         "; this LiverBridge knows up to " +
                                         std::to_string(schema_version()) + ": update LiverBridge");
    }
    for (int v = version; v < schema_version(); ++v) {
      db.exec(migrations()[static_cast<std::size_t>(v)]);
      db.exec("PRAGMA user_version = " + std::to_string(v + 1));
    }
    if (app == 0) db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
  });
}

}  // namespace lb::records
