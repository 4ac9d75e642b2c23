// Turns a patient file and a protocol file into the plan record to store:
// the exact texts, the plan computed from them by plan::plan_from_sources
// (strict: an override the protocol does not allow is refused), and its
// JSON. The command line and the GUI both store plans through this, so that
// what is stored is exactly what a re-run will compare against.
#pragma once

#include <optional>
#include <string>

#include "diag/diagnostic.hpp"
#include "eligibility/eligibility.hpp"
#include "plan/plan.hpp"
#include "records/model.hpp"

namespace lb::records {

struct PlanCapture {
  std::optional<PlanInput> input;  ///< set when the plan could be computed and is not not_ready
  std::optional<plan::Plan> plan;
  diag::Diagnostics diagnostics;  ///< problems in the patient or protocol text
  std::string error;              ///< why nothing can be stored (empty when input is set)
};

/// What a plan is captured from: one named field each, so that a patient file
/// cannot be passed where the protocol text goes.
struct PlanCaptureRequest {
  PatientId patient;  ///< who the plan is for; the patient file must name the same id
  std::string patient_text, patient_file;
  std::string protocol_text, protocol_file;
  eligibility::Overrides overrides;
  std::string review_json;  ///< the stated review parameters (docs/records.md)
  std::string approved_by;
  /// "2026-12-05T08:00" (local wall time; "" for day numbers) dates the course; it is
  /// stored with the plan so that a re-run is dated alike.
  std::string course_start;
};

/// A plan whose status is not_ready is computed but not offered for storing.
PlanCapture capture_plan(const PlanCaptureRequest& request);

/// The overrides as stored with a plan: [[rule, reason], ...].
std::string overrides_json(const eligibility::Overrides& overrides);
/// Reads them back; nullopt when the text is not that shape.
std::optional<eligibility::Overrides> overrides_from_json(const std::string& text);

}  // namespace lb::records
