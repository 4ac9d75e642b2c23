// The session-records store: patients, approved plans, performed sessions and
// the append-only audit log, in one SQLite file. Every write runs in one
// BEGIN IMMEDIATE transaction together with its audit entries, so a crash
// leaves either the whole record or none of it. Bad input (unknown patient,
// unknown field, wrong unit) throws InputError before anything is committed.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "records/model.hpp"
#include "records/sqlite.hpp"

namespace lb::records {

/// Refused user input; nothing was written.
class InputError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// $XDG_DATA_HOME/liverbridge/records.db, else $HOME/.local/share/liverbridge/records.db.
/// Arguments are the environment values (null when unset); throws InputError when neither is set.
std::string default_database_path(const char* xdg_data_home, const char* home);

class Store {
 public:
  /// Opens or creates the database (parent directories 0700, file 0600), sets
  /// WAL, synchronous=FULL, foreign keys, busy timeout, and migrates.
  explicit Store(const std::string& path);

  std::int64_t add_patient(const PatientId& pseudonym, const std::string& actor);
  [[nodiscard]] std::optional<PatientRecord> find_patient(const PatientId& pseudonym);
  [[nodiscard]] std::vector<PatientRecord> patients();

  /// Stores an approved plan; `plan.plan_json` must hold protocol.id/version/sha256.
  PlanId add_plan(const PlanInput& plan);
  [[nodiscard]] std::optional<PlanRecord> plan(PlanId id);
  [[nodiscard]] std::vector<PlanRecord> plans_for(const PatientId& pseudonym);

  SessionId add_session(const SessionInput& session, const std::string& actor);
  [[nodiscard]] std::vector<SessionRecord> sessions_for(const PatientId& pseudonym);

  /// Corrects one field of a session (names: docs/records.md, e.g. "plasma_removed",
  /// "ended_at", "replaced.ffp", "post.bilirubin"); the previous value goes to the audit log.
  void correct_session(SessionId session_id, const std::string& field, const std::string& value,
                       const std::string& reason, const std::string& actor);

  /// A clinician's "seen" of a view of the patient's course (`what`, e.g. "bridge view at
  /// 2026-11-22T08:00:00Z, rules sha256 …"): one audit entry with who and when. It records
  /// that the view was seen, never a decision.
  void acknowledge(const PatientId& patient, const std::string& what, const std::string& actor);

  /// Audit entries, oldest first; all when entity is empty.
  [[nodiscard]] std::vector<AuditEntry> audit(const std::string& entity = "",
                                              std::int64_t entity_id = 0);
  /// Recomputes the hash chain; returns the first broken entry's description, or "".
  [[nodiscard]] std::string verify_audit_chain();

  Database& database() { return db_; }

 private:
  void append_audit(const std::string& actor, const std::string& entity, std::int64_t entity_id,
                    const std::string& action, const std::string& field,
                    const std::string& previous_value, const std::string& new_value,
                    const std::string& reason);
  std::int64_t patient_id_or_throw(const PatientId& pseudonym);
  SessionInput load_session_details(SessionId session_id, SessionInput base);

  Database db_;
};

}  // namespace lb::records
