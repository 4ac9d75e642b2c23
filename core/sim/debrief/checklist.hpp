// The critical-actions checklist and the learning objectives of a run (docs/simulation-
// debrief.md "Scoring"). Only the trainee's acts count: the instructor's acts and the actions
// events apply are never scored for or against the trainee.
//
// A critical action's window opens at the start of the run, or at the first time its `after`
// event happened (the physiological onset for a conditional event such as citrate_toxicity,
// not the time a lab result showed it). It is met when the trainee takes one of its actions
// within `within` of the opening, late when the first such action comes after that, missed
// when none comes, and not due when its event did not happen in this run. Credit: 1 when met,
// falling linearly from 1 at the window's end to 0 at twice the window after its opening when
// late, 0 when missed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/debrief/timeline.hpp"
#include "sim/scenario/scenario.hpp"
#include "text/enum_names.hpp"

namespace lb::sim::debrief {

enum class Status { met, late, missed, not_due };
inline constexpr auto kStatusNames = text::enum_names<Status>({{Status::met, "met"},
                                                               {Status::late, "late"},
                                                               {Status::missed, "missed"},
                                                               {Status::not_due, "not_due"}});

struct CheckedAction {
  std::string id, objective, after;
  std::vector<std::string> any_of;
  SimTime within_s = 0;
  double weight = 1.0;
  std::optional<SimTime> opens;  ///< none: `after` did not happen
  std::optional<SimTime> taken;  ///< the first qualifying trainee action
  std::string taken_action;
  Status status = Status::missed;
  double credit = 0.0;
};

/// An objective's onset is the earliest opening of its critical actions' windows. What counts
/// as recognising its problem, by the trainee at or after the onset: one of the objective's
/// own critical actions (treatment is recognition), `declare`, `call_for_help`, acknowledging
/// a sounding alarm, or an assessment that shows the onset's condition: a lab panel reporting
/// a variable the opening conditional event names (a ratio through either of its parts), an
/// ECG when that is QTc, calcium or potassium. Silencing an alarm is not recognition. An
/// objective whose windows open at the start of the run has no onset to notice: only its own
/// critical actions recognise it. Time to
/// treatment: to the first of the objective's critical actions at or after the onset.
struct ObjectiveScore {
  std::string id, text;
  std::optional<SimTime> onset;  ///< earliest opening of its critical actions' windows
  std::string onset_event;       ///< the event of that opening ("" for the start of the run)
  std::optional<SimTime> recognised, treated;
  std::string recognised_by, treated_by;  ///< the action names
  Status status = Status::not_due;        ///< not_due also when no critical action serves it
  std::vector<std::string> critical_actions;
};

std::vector<CheckedAction> check_critical_actions(const scenario::Scenario& s, const Timeline& t);

std::vector<ObjectiveScore> score_objectives(const scenario::Scenario& s, const Timeline& t,
                                             const std::vector<CheckedAction>& checked);

/// Σ weight·credit ÷ Σ weight over the critical actions that came due (1 when none did).
double checklist_score(const std::vector<CheckedAction>& checked);

}  // namespace lb::sim::debrief
