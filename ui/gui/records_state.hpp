// The session-records screens' state (docs/records.md "GUI"): which records
// database is shown, its patients, the selected patient's course review, the
// session entry form and the correction form. The actions here call
// core/records (Store, parse_session, review_course) and nothing else: the
// GUI validates and stores exactly as `liverbridge record ...` does.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "bridge/rule.hpp"
#include "bridge/view.hpp"
#include "diag/diagnostic.hpp"
#include "gui/patient_form.hpp"
#include "records/model.hpp"
#include "records/review.hpp"

namespace lb::gui {

struct AppState;

enum class RecordsTab { course, session, audit, bridge };

/// A performed session as typed: one entry per key of the session file
/// ("started_at", "plasma_removed", "replaced.ffp", "labs.pre.bilirubin",
/// "labs.post.drawn_at"...), value plus the unit chosen beside it.
struct SessionFormState {
  std::map<std::string, FieldInput, std::less<>> fields;
  std::string plan;  ///< plan id as text; "" = the patient's latest plan
  std::set<std::string, std::less<>> adverse_events;
  std::string who;             ///< for the audit log (the CLI's --by)
  diag::Diagnostics problems;  ///< the session reader's, from the last attempt
  std::string error;           ///< why nothing was stored (store refusal, missing who)
  std::string result;          ///< "Session 3 recorded ..." after a write
  std::string yaml;            ///< the session file text last submitted (for "Show file")
};

struct CorrectionFormState {
  records::SessionId session_id;  ///< empty() = none chosen
  std::string field;              ///< e.g. "plasma_removed", "post.bilirubin"
  FieldInput value;
  std::string reason, who;
  std::string error, result;
};

/// "Approve and store plan" (records_approve.cpp): what `liverbridge record plan` takes
/// beyond the planner's own inputs.
struct ApproveFormState {
  bool open_requested = false;  ///< open the modal next frame
  std::string approved_by;      ///< required (the CLI's --approved-by)
  /// Review tolerance per comparable item as the CLI's --tolerance takes it ("10%"); "" = none.
  std::map<std::string, std::string, std::less<>> tolerances;
  std::string equilibration;      ///< the CLI's --equilibration ("" = the default 12 h)
  bool patient_in_db = false;     ///< the form's patient is in the records database
  std::string error;              ///< why nothing was stored (shown in the modal)
  diag::Diagnostics diagnostics;  ///< capture_plan's, from the last attempt
};

/// The bridge decision view of the selected patient (records_bridge*.cpp, docs/bridge-rules.md).
struct BridgeViewState {
  std::string computed_for;                      ///< "patient|time" of `view`; cleared to recompute
  std::string at_input;                          ///< re-assessment time as typed ("" = now)
  std::shared_ptr<const bridge::RuleSet> rules;  ///< the view's rows point into it
  std::optional<bridge::BridgeView> view;
  std::string error;                  ///< why no view is shown (rule file, time, records)
  std::vector<std::string> problems;  ///< the patient files' `bridge:` sections, file:line:col
  std::string seen_by, seen_result, seen_error;
};

struct RecordsPatientRow {
  records::PatientId pseudonym;
  std::string created_at, created_by;
  std::size_t plans = 0, sessions = 0;
};

struct RecordsState {
  bool active = false;  ///< the records screens replace the planner's columns
  RecordsTab tab = RecordsTab::course;
  bool select_tab = false;  ///< bring `tab` to the front next frame

  std::string db_path;        ///< the database shown
  std::string db_path_input;  ///< typed in "Open another database"
  bool loaded = false;        ///< the list below was read from db_path
  bool db_exists = false;
  std::string db_error;  ///< opening or reading failed (shown, nothing else drawn)
  std::vector<RecordsPatientRow> patients;

  records::PatientId selected;  ///< empty() = none
  std::optional<records::CourseReview> review;
  std::vector<records::SessionRecord> sessions;
  std::vector<records::AuditEntry> audit;  ///< the selected patient's, oldest first
  std::string audit_chain_problem;         ///< "" when the hash chain verifies
  std::string patient_error;               ///< reading the selected patient failed

  std::string new_patient_id, new_patient_who, new_patient_error;

  SessionFormState session_form;
  CorrectionFormState correction;
  ApproveFormState approve;
  BridgeViewState bridge;
};

/// The default database: <data dir>/records.db (the CLI's default), else $XDG_DATA_HOME/...
std::string default_records_path(const AppState& s);
/// Shows `path` (does not create it): reads its patients when it exists.
void open_records_database(AppState& s, const std::string& path);
/// Re-reads the patient list and the selected patient's course and audit trail.
void refresh_records(AppState& s);
/// Selects a patient and reads its course review, sessions and audit trail.
void select_records_patient(AppState& s, const records::PatientId& pseudonym);
/// Adds a patient (creates the database file when it does not exist yet).
bool add_records_patient(AppState& s);
/// Builds the session file from the form, reads it with records::parse_session
/// and stores it when there are no errors; else nothing is written and the
/// reader's messages are kept in the form.
bool submit_session_form(AppState& s);
/// Stores the correction through Store::correct_session (previous value to the audit log).
bool submit_correction(AppState& s);

// ---- the bridge view (records_bridge_state.cpp) ------------------------------------------
/// Computes the selected patient's bridge view when it is not current for the patient and
/// the typed time (reads the bundled rule file and the records; writes nothing).
void ensure_bridge_view(AppState& s);
/// Writes the clinician's "seen" (who, when, for which time and rule file) to the audit trail.
bool acknowledge_bridge_view(AppState& s);

// ---- approve and store the planner's plan (records_approve.cpp) ---------------------------
/// Why the current plan cannot be approved now ("" when it can): no plan, not current,
/// errors in the form or the course start, NOT READY, no records database.
std::string approve_unavailable_reason(const AppState& s);
/// The patient id typed in the form (trimmed).
std::string form_patient_id(const AppState& s);
/// Opens the approve modal (checks whether the patient is in the database).
void begin_approve(AppState& s);
/// Adds the form's patient to the records database (actor: "Approved by").
bool add_approve_patient(AppState& s);
/// As `liverbridge record plan`: records::capture_plan from the form's YAML, the selected
/// protocol's exact text, the override reasons and the course start, then Store::add_plan.
/// Returns the plan id; on refusal nothing is stored and approve.error says why.
std::optional<records::PlanId> approve_and_store_plan(AppState& s);

/// `--view NAME`: plan, plan-approve, schedule, scores, records, records-session,
/// records-audit, records-bridge.
const std::vector<std::string>& view_names();
/// Applies a view name; false for an unknown one.
bool apply_view(AppState& s, std::string_view view);

// ---- the session form's fields ---------------------------------------------------------
enum class SessionFieldKind { time, quantity, number, text };
struct SessionFieldSpec {
  std::string key;    ///< session-file key path
  std::string label;  ///< shown
  SessionFieldKind kind = SessionFieldKind::quantity;
  std::vector<std::string> units;  ///< quantity: selectable units, the first the default
  bool required = false;
};
/// Every field of the session file except patient, plan and adverse_events, in file order.
const std::vector<SessionFieldSpec>& session_field_specs();
const SessionFieldSpec* find_session_field(std::string_view key);
/// Units offered for a correctable field ("plasma_removed", "post.bilirubin"); empty for
/// a time or words, {""} for a plain number.
std::vector<std::string> correction_units(std::string_view field);
/// The correctable fields of a session (docs/records.md), lab fields only for labs it has.
std::vector<std::string> correctable_fields(const records::SessionRecord& session);
/// The session file (docs/records.md) for the form; empty values are left out.
std::string session_form_yaml(const SessionFormState& form, const std::string& patient);
/// A form with every field empty, each unit at its default.
SessionFormState empty_session_form();

}  // namespace lb::gui
