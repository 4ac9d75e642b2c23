// The whole plan for one patient under one protocol, as every front end
// (command line, GUI, session records) asks for it: volumes, eligibility and
// scores, then the session orders and the course. One entry point, so that
// the GUI, the CLI and a re-run of a stored plan cannot disagree.
#pragma once

#include <optional>
#include <string>

#include "eligibility/eligibility.hpp"
#include "patient/patient.hpp"
#include "plan/plan.hpp"
#include "protocol/protocol.hpp"
#include "schedule/calendar.hpp"

namespace lb::plan {

struct PlanRequest {
  const patient::Patient& patient;
  std::string patient_file;
  const protocol::Protocol& protocol;
  std::string protocol_file;
  std::string protocol_sha256;
  /// (rule id, reason) for each relative contraindication the team overrides.
  eligibility::Overrides overrides;
  /// Course start (`--start`, local wall time); unset: day numbers only, no dates.
  /// Default-initialised so that existing positional initialisers stay warning-free.
  std::optional<schedule::LocalTime> start = std::nullopt;
};

/// Throws std::invalid_argument / std::domain_error when a formula cannot
/// apply to the patient (see make_plan); callers report that as bad input.
Plan build_plan(const PlanRequest& request);

}  // namespace lb::plan
