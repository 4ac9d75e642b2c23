// The one way from what a user gives (a patient and a protocol, as texts or
// files, a course start and override reasons) to a plan. Every front end (the
// command line, the window, record capture, reproduce and `cohort
// --full-plan`) calls this and only renders what it returns, so the steps
// around build_plan are decided in one place: the protocol text is hashed
// here, overrides are checked here under one policy, and exceptions from the
// formulas become a typed refusal here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "eligibility/eligibility.hpp"
#include "patient/patient_loader.hpp"
#include "plan/plan.hpp"
#include "protocol/protocol_loader.hpp"
#include "schedule/calendar.hpp"

namespace lb::plan {

/// How the choices the user made (override reasons, course start) are held to the protocol.
enum class ChoicePolicy {
  /// Command line, record capture, reproduce, cohort: an override the protocol does not
  /// allow, an override without a reason or a course start that does not read is a refusal.
  strict,
  /// The window, where reasons typed under one protocol stay in the form when another is
  /// chosen and a start is half typed: a blank reason is no override; a reason for a rule
  /// this protocol does not allow overriding is set aside (PlanAttempt::set_aside says
  /// which and why); a start that does not read is left out (PlanAttempt::start_error).
  interactive,
};

/// Why no plan was made.
enum class Refusal {
  none,
  patient_invalid,   ///< the patient has errors (PlanAttempt::patient_diagnostics)
  protocol_invalid,  ///< the protocol has errors (PlanAttempt::protocol_diagnostics)
  override_refused,  ///< strict: an override the protocol does not allow, or without a reason
  start_invalid,     ///< strict: the course start does not read
  formula_refused,   ///< a formula cannot apply to this patient (build_plan threw)
  internal_error,    ///< any other exception: a bug
};
std::string_view to_string(Refusal r);

/// What the user chose besides the two files.
struct PlanChoices {
  /// Course start as typed ("2026-12-05T08:00", local wall time); blank: day numbers only.
  std::string course_start;
  /// (rule id, reason) for each relative contraindication the team overrides.
  eligibility::Overrides overrides;
  ChoicePolicy policy = ChoicePolicy::strict;
};

/// A protocol read once and hashed, for planning one patient or a whole cohort.
struct PreparedProtocol {
  std::optional<protocol::Protocol> protocol;  ///< set only when the text has no errors
  std::string file;
  std::string sha256;  ///< of the exact text read: the plan names the protocol by it
  diag::Diagnostics diagnostics;
};
/// The one place a plan's protocol hash is taken. `load` comes from parse_protocol,
/// load_protocol_file or resolve_protocol (all keep the exact text read).
PreparedProtocol prepare_protocol(const protocol::ProtocolLoad& load);

struct PlanSources {
  std::string patient_text;
  std::string patient_file;  ///< names the patient in diagnostics and in the plan
  std::string protocol_text;
  std::string protocol_file;
  PlanChoices choices;
};

struct PlanAttempt {
  std::optional<Plan> plan;  ///< set unless refused (a not_ready plan is a plan)
  Refusal refusal = Refusal::none;
  /// Why it was refused, one line each (the start, a formula), in words for a clinician;
  /// empty for patient_invalid/protocol_invalid (see the diagnostics) and override_refused.
  std::vector<std::string> problems;
  /// override_refused: each override the protocol does not allow, as a finding the front
  /// end words (the command line names its `--override`; eligibility::describe is neutral).
  std::vector<eligibility::OverrideProblem> refused_overrides;
  diag::Diagnostics patient_diagnostics;
  diag::Diagnostics protocol_diagnostics;
  /// The overrides the plan was made with (after the policy).
  eligibility::Overrides overrides;
  /// Interactive: override reasons not used, each with why.
  std::vector<std::string> set_aside;
  /// The course start used (unset: day numbers); why a typed start was not used, or "".
  std::optional<schedule::LocalTime> start;
  std::string start_error;

  [[nodiscard]] bool refused() const { return refusal != Refusal::none; }
};

/// Texts -> plan: parses both texts, then plan_from_read.
PlanAttempt plan_from_sources(const PlanSources& sources);

/// The same from a patient already read (a file through load_patient_file, keeping its
/// file diagnostics, or a cohort CSV row) and a prepared protocol (read once for many
/// patients). This is where overrides, the course start and exceptions are decided.
PlanAttempt plan_from_read(const patient::PatientLoad& patient, const std::string& patient_file,
                           const PreparedProtocol& protocol, const PlanChoices& choices);

/// The overrides a plan is made with, decided under `policy` (plan_from_read uses this; the
/// window lists them before approving). `refused` is filled only under the strict policy,
/// `set_aside` only under the interactive one.
struct OverrideDecision {
  eligibility::Overrides applied;
  std::vector<eligibility::OverrideProblem> refused;
  std::vector<std::string> set_aside;
};
OverrideDecision decide_overrides(const eligibility::Settings& rules,
                                  const eligibility::Overrides& asked, ChoicePolicy policy);

/// "RULE_ID=reason" as the command line takes it; nullopt when there is no rule id and '='.
std::optional<std::pair<model::RuleId, std::string>> parse_override_argument(std::string_view text);

}  // namespace lb::plan
