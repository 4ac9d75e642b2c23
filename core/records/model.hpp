// What the session records hold, as value types. Every quantity keeps the SI
// number (for arithmetic) and the text the user entered ("5000 mL"), so the
// record shows what was written and the review computes in SI.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/ids.hpp"
#include "records/timestamp.hpp"
#include "units/any_quantity.hpp"
#include "units/dimension.hpp"
#include "units/quantities.hpp"

namespace lb::records {

/// Post-session labs drawn at least this long after a session ended count as re-equilibrated
/// (ASFA 2023 ALF fact sheet: efficacy labs >= 12 h after TPE; LiverBridge clinical reference
/// §7.3). The default of a plan's review parameters, which a team may state otherwise.
inline const units::Duration kDefaultEquilibration = units::hours(12.0);

using model::PatientId;
using model::PlanId;
using model::SessionId;

/// A recorded value: the quantity (its dimension checked at every typed read) and the text as
/// entered ("5000 mL"). The store keeps the SI number and the dimension in two columns;
/// store_sessions.cpp, store_corrections.cpp and export.cpp are that boundary.
struct RecordedQuantity {
  units::AnyQuantity value = units::AnyQuantity::of(units::Volume::from_value(0.0));
  std::string text;  ///< as entered, e.g. "5000 mL"
  /// `.get<Q>()` and `.as<Q>()` check the dimension.
  [[nodiscard]] const units::AnyQuantity& quantity() const { return value; }
  [[nodiscard]] units::Dimension dimension() const { return value.dimension(); }
};

/// Adverse events are a fixed list (so they can be counted across courses);
/// details go in the free-text note.
const std::vector<std::string>& adverse_event_names();

struct LabValue {
  std::string timing;  ///< "pre" or "post"
  std::string analyte;
  RecordedQuantity value;  ///< plain numbers (INR) use Dimension::fraction, text without unit
  Timestamp drawn_at;
};

struct SessionInput {
  PatientId patient;           ///< pseudonymous id
  std::optional<PlanId> plan;  ///< the patient's latest plan when absent
  Timestamp started, ended;
  RecordedQuantity plasma_removed;
  std::vector<std::pair<std::string, RecordedQuantity>> replaced;  ///< fluid -> volume
  std::optional<RecordedQuantity> blood_flow;
  std::optional<int> ffp_units;
  std::optional<RecordedQuantity> albumin_used;  ///< mass of albumin given
  std::optional<std::string> anticoagulant;
  std::optional<RecordedQuantity> anticoagulant_volume;
  std::optional<std::string> calcium_salt;
  std::optional<RecordedQuantity> calcium_given;  ///< mass of the salt
  std::vector<std::string> adverse_events;
  std::string adverse_event_notes;
  std::vector<LabValue> labs;
};

struct PatientRecord {
  std::int64_t id = 0;  ///< the row (the audit log names the patient by it)
  PatientId pseudonym;
  std::string created_at, created_by;
};

struct PlanInput {
  PatientId patient;  ///< pseudonymous id
  std::string patient_file, patient_text;
  std::string protocol_file, protocol_text;
  /// The plan's protocol hash (plan::Plan's, taken once by plan::prepare_protocol);
  /// the store keeps it and checks it against the plan JSON, it does not hash again.
  std::string protocol_sha256;
  std::string plan_json;       ///< report::render_json of the computed plan
  std::string overrides_json;  ///< [[rule, reason], ...]
  std::string review_json;     ///< stated tolerances and assumed fractions (docs/records.md)
  std::string approved_by;
  std::string course_start;  ///< "2026-12-05T08:00" (local wall time) or "" for day numbers
};

struct PlanRecord {
  PlanId id;
  PatientId patient;
  std::string patient_file, patient_text;
  std::string protocol_file, protocol_text, protocol_sha256, protocol_id, protocol_version;
  std::string plan_json, overrides_json, review_json;
  std::string software_version;
  std::string approved_by, approved_at;
  std::string course_start;  ///< as PlanInput::course_start
};

struct SessionRecord {
  SessionId id;
  PlanId plan_id;
  SessionInput data;
  std::string recorded_by, recorded_at;
};

struct AuditEntry {
  std::int64_t id = 0;
  std::string at_utc, actor, entity;
  std::int64_t entity_id = 0;
  std::string action, field, previous_value, new_value, reason;
  std::string prev_hash, row_hash;
};

}  // namespace lb::records
