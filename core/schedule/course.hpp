// The course of treatment in a plan: each session's timing (and calendar
// dates when a start was given), exchange volume, efficacy lab draw and the
// eligibility re-check with the predicted labs; the predicted course of each
// solute; and the stop criteria evaluated against the predictions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "eligibility/eligibility.hpp"
#include "explain/derivation.hpp"
#include "kinetics/predict.hpp"
#include "protocol/course_settings.hpp"
#include "schedule/calendar.hpp"
#include "schedule/sessions.hpp"

namespace lb::course {

/// The eligibility re-check before one session, with the labs the kinetics
/// predict for it (session 1: the patient's own labs).
struct SessionCheck {
  bool evaluated = false;  ///< false when the protocol has no eligibility rules
  eligibility::Verdict verdict = eligibility::Verdict::eligible;
  std::vector<model::RuleId> rules;  ///< the rules that decided a verdict other than eligible
  std::string text;  ///< "expected to still meet criteria", or which rule fails or cannot decide
};

struct CourseSession {
  schedule::TimedSession timing;
  std::optional<schedule::LocalTime> start_at, end_at, labs_at;  ///< when --start was given
  units::Volume exchange_volume;
  std::string exchange_ref;  ///< derivation id of the exchange volume
  SessionCheck check;
};

struct StopOutcome {
  protocol::StopCriterion criterion;
  std::optional<int>
      met_after;     ///< first session after whose efficacy labs it is met (0: before 1)
  std::string text;  ///< "expected to be met after session 2 (predicted 4.6 mg/dL)"
};

struct NotPredicted {
  protocol::Solute solute = protocol::Solute::bilirubin;
  std::string reason;
};

struct Course {
  std::optional<schedule::LocalTime> start;  ///< --start, local wall time
  explain::Derived<units::Duration> session_duration;
  protocol::ScheduleSettings settings;
  std::vector<CourseSession> sessions;
  std::vector<kinetics::SolutePrediction> kinetics;
  std::vector<NotPredicted> not_predicted;
  std::vector<StopOutcome> stop_criteria;
  std::vector<std::string> warnings;  ///< timing problems (also plan findings)
};

/// "3 sessions, daily", "5 sessions, alternate days", "days 1, 2, 4, 8".
std::string pattern_text(const protocol::ScheduleSettings& s);
/// "bilirubin below 5 mg/dL", "transplant".
std::string criterion_text(const protocol::StopCriterion& c);

}  // namespace lb::course
