// The course review: for one patient, the approved plans (with whether each
// still reproduces), every performed session against its plan (deviations
// beyond the stated tolerances flagged), observed vs predicted labs, and a
// next-session suggestion from a re-fitted intravascular fraction, labelled
// as a model estimate. Pure: it reads records, computes, and renders nothing.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "records/course_refit.hpp"
#include "records/model.hpp"
#include "records/refit.hpp"
#include "records/reproduce.hpp"
#include "units/quantities.hpp"

namespace lb::records {

/// Review parameters stated when the plan was stored (PlanRecord::review_json).
struct ReviewParameters {
  /// Allowed relative deviation per compared item ("plasma_removed", "duration",
  /// "ffp_units", "anticoagulant_volume", "calcium_given"); items without one are
  /// shown but not assessed.
  std::map<std::string, units::Fraction> tolerances;
  /// Post labs drawn at least this long after the session ended count as re-equilibrated.
  units::Duration equilibration = kDefaultEquilibration;
};

/// Reads review_json; unknown keys and bad values throw InputError.
ReviewParameters parse_review_parameters(const std::string& review_json);
/// Builds review_json from "item=10%" tolerances and an equilibration time text
/// ("12 h"); throws InputError naming the bad option.
std::string make_review_json(const std::vector<std::string>& tolerances,
                             const std::string& equilibration);
/// The items a tolerance can be stated for.
const std::vector<std::string>& comparable_items();

struct Comparison {
  std::string item;                          ///< "plasma_removed", ...
  std::string label;                         ///< "Plasma removed"
  std::string planned;                       ///< display text, "" when the plan does not state it
  std::string actual;                        ///< display text, "" when not recorded
  std::optional<units::Fraction> deviation;  ///< (actual − planned) / planned
  std::optional<units::Fraction> tolerance;
  bool beyond_tolerance = false;
  std::string note;
};

struct LabReview {
  std::string analyte;
  std::string pre, post;                          ///< as entered
  std::optional<units::Fraction> observed_ratio;  ///< post / pre
  units::Duration after_end = units::seconds(0);  ///< from the session's end to the post draw
  bool equilibrated = false;
  std::optional<Refit> refit;  ///< when the protocol models the solute and the sample allows
  std::string note;
};

struct SessionReview {
  int number = 0;  ///< 1-based within the course
  SessionId session_id;
  PlanId plan_id;
  std::string started, ended;
  std::vector<Comparison> comparisons;
  std::vector<std::string> adverse_events;
  std::string adverse_event_notes;
  std::vector<LabReview> labs;
  std::vector<AuditEntry> corrections;
};

struct PlanReview {
  PlanRecord plan;
  Reproduction reproduction;
  ReviewParameters parameters;
};

struct CourseReview {
  PatientId patient;
  std::vector<PlanReview> plans;
  std::vector<SessionReview> sessions;
  /// From the latest session with a re-planned volume; empty when none.
  std::optional<explain::Derived<units::Volume>> next_session_volume;
  std::string next_session_basis;  ///< "bilirubin after session 2 (f fitted 0.38)"
  /// Per modelled lab: the next-session course refitted to the patient's own draws.
  std::vector<CourseRefit> refits;
  std::string audit_chain_problem;  ///< "" when the audit hash chain verifies
};

class Store;
/// Throws InputError for an unknown patient.
CourseReview review_course(Store& store, const PatientId& patient);

}  // namespace lb::records
