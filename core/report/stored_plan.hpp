// The typed reader of a stored plan: the plan JSON that report::plan_json wrote
// (plan_json.cpp, its one writer) read back into typed values, so what prints a
// stored plan never re-decides facts from untyped JSON. Quantities come back as
// lb::units types (any unit the JSON states, converted and dimension-checked),
// codes as the enums that wrote them, findings with their stable codes.
//
// Plans are stored for years: every fallback for an older layout is in the
// reader (stored_plan_reader.cpp), nowhere else; `format` says which layout it read.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eligibility/eligibility.hpp"
#include "patient/patient.hpp"
#include "plan/plan.hpp"
#include "protocol/protocol.hpp"
#include "units/quantities.hpp"

namespace lb::report {

/// The layouts of stored plan JSON. Plans written since the layout number was
/// added carry it as `plan_format` (kFormatKey); older ones are told apart by
/// what they hold.
enum class StoredFormat {
  /// Before the stable order fields: unit sizes, albumin strength and the
  /// inlet:AC ratio only inside the derivations of the figures that used them.
  derivation_inputs = 1,
  /// replacement.ffp_unit_volume, .albumin_concentration, .albumin_vial_mass and
  /// anticoagulation.inlet_ac_ratio as fields of their own (current).
  stable_orders = 2,
};
std::string_view to_string(StoredFormat f);
/// The key of the layout number in the plan JSON, and the layout plan_json writes.
inline constexpr const char* kFormatKey = "plan_format";
inline constexpr StoredFormat kCurrentFormat = StoredFormat::stable_orders;

/// A code of the plan JSON: the text as stored and, when the program knows it,
/// the enum (an unknown code from a newer program keeps its text).
template <class E>
struct StoredCode {
  std::string text;
  std::optional<E> value;
  bool operator==(E e) const { return value == e; }
};

/// One input of a figure's derivation.
struct StoredInput {
  std::string name;
  std::string display;          ///< "250 mL"; a text input's text
  std::optional<double> value;  ///< in `unit`
  std::string unit;
};

/// A figure as the plan showed it and how it was derived.
struct StoredFigure {
  std::string display;  ///< "4824 mL", "" when the plan lacks the figure
  std::string band;     ///< predicted labs: "model estimate 157–218 µmol/L" ("" otherwise)
  std::optional<double> value;  ///< as stored, in `unit`
  std::string unit;
  std::string label, method, formula;
  std::string source;  ///< the citation; names "unverified" for an unverified default
  std::vector<std::string> warnings;
  std::vector<StoredInput> inputs;

  [[nodiscard]] bool present() const { return !display.empty(); }
  [[nodiscard]] const StoredInput* input(std::string_view name) const;
};

/// A figure with its value as a typed quantity (nullopt when absent or when the
/// stored unit is not of the quantity's dimension). `Q` = double for counts.
template <class Q>
struct Stored : StoredFigure {
  std::optional<Q> quantity;
};

struct StoredPatient {
  std::string sex;  ///< "male", "female"
  StoredCode<patient::Diagnosis> diagnosis;
  StoredFigure age, weight, height, hematocrit;
};

struct StoredCaveat {
  std::string key, note;
};

struct StoredProtocol {
  std::string id, version, title, sha256;
  std::vector<StoredCaveat> unverified;
};

struct StoredEvidence {
  std::string name;
  std::string shown;  ///< as the rule's unit shows it; "yes"/"no" for flags
  std::string condition;
};

struct StoredRule {
  std::string id, kind, severity;
  StoredCode<eligibility::Outcome> outcome;
  bool triggered = false;  ///< counts against the verdict
  std::vector<StoredEvidence> decided_by;
  std::string message, source, override_reason;
};

struct StoredEligibility {
  StoredCode<eligibility::Verdict> verdict;
  std::string asfa_text;
  std::vector<StoredRule> rules;
};

struct StoredVolumes {
  StoredFigure bmi;
  Stored<units::Mass> ideal_body_weight;
  Stored<units::Volume> total_blood_volume, plasma_volume;
};

struct StoredExchange {
  StoredCode<protocol::ExchangeRule> rule;
  Stored<units::Volume> volume_per_session;
  StoredFigure plasma_volumes_per_session;
};

struct StoredReplacement {
  StoredCode<protocol::ReplacementMix> mix;
  std::string ffp_last;
  std::optional<int> sessions;
  Stored<units::Volume> replacement_volume, ffp_volume, albumin_volume;
  Stored<double> ffp_units, albumin_vials;
  Stored<units::Mass> albumin_grams;
  Stored<units::Volume> ffp_volume_course;
  Stored<double> ffp_units_course, albumin_vials_course;
  Stored<units::Mass> albumin_grams_course;
  /// What the orders are counted in: protocol settings, shown and typed (the
  /// derivation fields are empty). Older formats: from the derivations that used them.
  Stored<units::Volume> ffp_unit_volume;
  Stored<units::MassConcentration> albumin_concentration;
  Stored<units::Mass> albumin_vial_mass;
};

struct StoredAnticoagulation {
  StoredCode<protocol::Anticoagulant> method;
  std::string solution;           ///< "ACD-A"
  Stored<double> inlet_ac_ratio;  ///< inlet volume per volume of AC (a plain number)
  Stored<units::Volume> ac_volume;
  Stored<units::Flow> ac_rate;
  Stored<units::MassConcentration> citrate_concentration;
  Stored<units::Mass> citrate_from_ac, citrate_from_ffp;
  Stored<units::DoseRate> citrate_rate, citrate_rate_limit;
  Stored<units::Mass> calcium_gluconate;
  StoredFigure calcium_ratio;  ///< total/ionised calcium, a plain ratio
  std::vector<std::string> ionised_calcium_checks;
  StoredFigure heparin_bolus, heparin_per_hour, heparin_per_session;
};

struct StoredSeparation {
  StoredCode<protocol::SeparationTechnique> technique;
  Stored<units::Flow> flow;  ///< inlet (centrifugal) or blood (membrane) flow; see its label
  std::optional<bool> inlet_capped;
  Stored<units::Flow> inlet_flow_cap, whole_blood_flow, plasma_removal_rate;
  Stored<units::Volume> whole_blood_processed;
  Stored<units::Duration> duration;
  Stored<units::Fraction> extracorporeal_fraction_tbv, ac_returned_fraction;
};

struct StoredSession {
  int number = 0, day = 0;
  /// Local wall times ("2026-12-05T08:00") when the course has a start date.
  std::optional<std::string> start, end, labs_due;
  StoredFigure start_offset, end_offset, labs_due_offset;  ///< hours from session 1
  Stored<units::Volume> exchange_volume;
  bool reassess = false;
  std::string moved;             ///< why the session moved, "" when it did not
  std::string eligibility_text;  ///< the re-check before it
};

struct StoredStop {
  std::string criterion, text;
  std::optional<int> met_after;  ///< predicted session after which it is met
};

struct StoredSchedule {
  std::string summary;
  std::optional<int> sessions_planned;
  std::optional<std::string> start;  ///< local wall time
  StoredFigure session_duration, labs_after;
  std::vector<StoredSession> sessions;
  std::vector<StoredStop> stop_criteria;
  std::vector<std::string> warnings;
};

struct StoredSolute {
  std::string solute;  ///< "bilirubin"
  bool predicted = false;
  std::string reason;  ///< why not predicted
  StoredCode<protocol::KineticModel> model;
  std::vector<StoredFigure> pre, post, next_day;  ///< one per session
};

struct StoredFinding {
  diag::Severity severity = diag::Severity::warning;
  std::string code;  ///< "citrate.rate_above_limit"
  std::string message;
  std::string figure;  ///< id of the derivation it concerns
};

struct StoredPlan {
  StoredFormat format = StoredFormat::stable_orders;
  std::string liverbridge_version;
  StoredCode<plan::Status> status;
  StoredPatient patient;
  StoredProtocol protocol;
  std::optional<StoredEligibility> eligibility;  ///< nullopt: the protocol states no rules
  StoredVolumes volumes;
  StoredExchange exchange;
  std::optional<StoredReplacement> replacement;
  std::optional<StoredAnticoagulation> anticoagulation;
  std::optional<StoredSeparation> separation;
  std::optional<StoredSchedule> schedule;
  std::vector<StoredSolute> kinetics;   ///< in the JSON's (alphabetical) order
  std::vector<StoredFinding> findings;  ///< errors first, then warnings, as stored
  /// Sessions in the course: the schedule's, else (no schedule) the replacement's count.
  std::optional<int> sessions_planned;

  /// True when the plan raised the finding with this stable code.
  [[nodiscard]] bool has_finding(std::string_view code) const;
};

/// The stored plan, or why it cannot be read (not JSON, not an object, not a plan: no
/// liverbridge_version, no protocol, volumes or exchange object, or an unknown status).
struct StoredPlanRead {
  std::optional<StoredPlan> plan;
  std::string error;
};
StoredPlanRead read_stored_plan(std::string_view json_text);

}  // namespace lb::report
