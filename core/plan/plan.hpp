// A plan: what the protocol prescribes for this patient, as a tree of
// explained figures (derivations referencing each other by id) plus the
// findings (warnings and errors) a clinician must see before using it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "diag/finding.hpp"
#include "eligibility/eligibility.hpp"
#include "explain/derivation.hpp"
#include "patient/patient.hpp"
#include "protocol/protocol.hpp"
#include "schedule/course.hpp"
#include "scores/score_set.hpp"
#include "session/session_plan.hpp"
#include "units/quantities.hpp"
#include "volume/exchange_volume.hpp"

namespace lb::plan {

/// Codes from the engines' tables (volume/, session/, plan/finding_codes.hpp).
using Finding = diag::Finding;

/// ready: no findings; ready_with_warnings: warnings only; not_ready: errors.
enum class Status { ready, ready_with_warnings, not_ready };
std::string_view to_string(Status s);
/// The status as the plan JSON spells it (a stored plan), or nullopt.
std::optional<Status> parse_status(std::string_view word);

struct ProtocolInfo {
  std::string id, version, title, file, sha256;
  std::vector<protocol::Source> sources;
  std::vector<protocol::Caveat> unverified;
  std::vector<patient::Diagnosis> indications;
  protocol::ExchangeRule rule = protocol::ExchangeRule::plasma_volumes;
};

struct Plan {
  ProtocolInfo protocol;
  patient::Patient patient;
  std::string patient_file;
  explain::Derived<units::BodyMassIndex> bmi;
  explain::Derived<units::Mass> ideal_body_weight;
  explain::Derived<units::Volume> total_blood_volume;
  explain::Derived<units::Volume> plasma_volume;
  volume::ExchangeVolume exchange;
  std::vector<Finding> findings;
  /// Set by plan::add_eligibility (plan/plan_eligibility.hpp); shown first in every output.
  std::optional<eligibility::Eligibility> eligibility;
  /// Every prognostic score, computed with the protocol's score settings.
  scores::ScoreSet scores;
  /// Run time of one session: set by the separation engine (plan/plan_session.hpp);
  /// the schedule uses it. Unset when the protocol has no separation section.
  std::optional<explain::Derived<units::Duration>> session_duration;
  /// Replacement orders, anticoagulation and separation (plan/plan_session.hpp); unset when
  /// the protocol has none of those sections.
  std::optional<session::SessionPlan> session;
  /// Sessions in time, predicted labs, stop criteria and the per-session eligibility
  /// re-check (plan/plan_course.hpp); unset when the protocol has no schedule or kinetics.
  std::optional<course::Course> course;

  [[nodiscard]] Status status() const;
  /// Every derivation in display order (BMI, IBW, TBV, PV, exchange, PV multiple).
  [[nodiscard]] std::vector<const explain::Derivation*> figures() const;
};

/// Computes the plan. Throws std::invalid_argument / std::domain_error when a
/// formula cannot apply to the patient (e.g. Devine IBW extrapolated to 0 kg
/// for a very short patient); callers report that as bad input.
/// `protocol_file` and `protocol_sha256` identify the exact
/// protocol text; `patient_file` names the patient file (both for the record).
Plan make_plan(const patient::Patient& patient, const std::string& patient_file,
               const protocol::Protocol& protocol, const std::string& protocol_file,
               const std::string& protocol_sha256);

/// The statement every output carries.
inline constexpr const char* kDisclaimer =
    "LiverBridge is a planning and training aid. Every order needs clinical sign-off.";

}  // namespace lb::plan
