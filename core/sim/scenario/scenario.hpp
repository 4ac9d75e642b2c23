// A training scenario (schema liverbridge.sim/1, docs/simulation-scenarios.md): which patient
// on which protocol, what the instructor scheduled, which random and conditional events can
// happen, which alarms and lab panels exist, and what the trainee is expected to learn and do.
// Read by scenario_loader.hpp; the runner (core/sim/run) plays it.
//
// Times are whole simulated seconds from the start of the run (`SimTime`): the simulator steps
// in whole seconds, so an event time is a step index and two runs agree to the step.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "diag/diagnostic.hpp"
#include "sim/alarms/alarm_board.hpp"
#include "sim/model/action.hpp"
#include "text/enum_names.hpp"

namespace lb::sim::scenario {

/// Whole simulated seconds from the start of the run.
using SimTime = std::int64_t;

inline constexpr const char* kSchema = "liverbridge.sim/1";

enum class DeviceKind { centrifugal, membrane };
/// What a random event's probability is per: a planned session, an hour of session, a unit
/// of FFP given, a litre of blood processed.
enum class HazardBasis { session, hour, ffp_unit, litre_processed };
enum class Op { less, less_equal, greater, greater_equal, equal };

inline constexpr auto kDeviceNames = text::enum_names<DeviceKind>(
    {{DeviceKind::centrifugal, "centrifugal"}, {DeviceKind::membrane, "membrane"}});
inline constexpr auto kBasisNames =
    text::enum_names<HazardBasis>({{HazardBasis::session, "session"},
                                   {HazardBasis::hour, "hour"},
                                   {HazardBasis::ffp_unit, "ffp_unit"},
                                   {HazardBasis::litre_processed, "litre_processed"}});
inline constexpr auto kOpNames = text::enum_names<Op>({{Op::less, "<"},
                                                       {Op::less_equal, "<="},
                                                       {Op::greater, ">"},
                                                       {Op::greater_equal, ">="},
                                                       {Op::equal, "=="}});
/// How much a scenario asks of the trainee (the library shows it beside the duration).
enum class Difficulty { introductory, intermediate, advanced };
inline constexpr auto kDifficultyNames =
    text::enum_names<Difficulty>({{Difficulty::introductory, "introductory"},
                                  {Difficulty::intermediate, "intermediate"},
                                  {Difficulty::advanced, "advanced"}});
static_assert(kDeviceNames.unique() && kBasisNames.unique() && kOpNames.unique() &&
              kDifficultyNames.unique());

/// A value of one observable, in that observable's unit (sim/model/observables.hpp).
struct VariableValue {
  std::string variable;
  double value = 0.0;
  std::string unit;  ///< the observable's unit ("" for a plain number such as pH)
};

/// `var op value` holding for at least `for_s` seconds.
struct Comparison {
  VariableValue threshold;
  Op op = Op::less;
  SimTime for_s = 0;
};
/// A trainee action (by its name) taken, and `delay_s` seconds passed since.
struct ActionTrigger {
  std::string action;
  SimTime delay_s = 0;
};
/// The closed condition grammar: a comparison, an action trigger, or any/all of conditions.
struct Condition {
  enum class Kind { compare, action, any, all };
  Kind kind = Kind::compare;
  Comparison compare;
  ActionTrigger action;
  std::vector<Condition> children;
  diag::Location where;
};

/// What an event does. `alarm` raises a scenario alarm as the event's own condition (it clears
/// when one of `cleared_by` is taken); `note` writes an instructor hint on the timeline;
/// `action` is a typed action applied to the engine (read by the action reader, so a scenario
/// names actions as scripts do).
struct Effect {
  enum class Kind { alarm, note, action };
  Kind kind = Kind::note;
  std::string alarm;
  std::vector<std::string> cleared_by;
  std::string text;
  std::optional<Action> action;
  diag::Location where;
};

struct ScheduledEvent {
  std::string id;
  SimTime at = 0;
  std::vector<Effect> effects;
  std::string debrief_note;
};
struct RandomEvent {
  std::string id;
  double probability = 0.0;  ///< 0 < p < 1, per `basis`
  HazardBasis basis = HazardBasis::session;
  std::vector<Effect> effects;
  std::string debrief_note;
};
struct ConditionalEvent {
  std::string id;
  Condition when;
  bool once = true;
  std::vector<Effect> effects;
  std::string debrief_note;
};

struct AlarmRule {
  alarms::AlarmSpec spec;
  std::optional<Condition> when;  ///< none: raised by events only
};

/// A lab panel the trainee can order: its turnaround and the assay noise (one standard
/// deviation per reported variable, in that variable's unit).
struct LabPanel {
  std::string panel;  ///< sim::names::kLabKind name
  SimTime latency_s = 0;
  std::vector<VariableValue> noise_sd;
  /// The scenario author's teaching expectation of how often the trainee orders this panel
  /// while the session runs (`expected_every`); unset: not checked.
  std::optional<SimTime> expected_every_s = std::nullopt;
};

struct Objective {
  std::string id, text;
};
/// An action the trainee should take: `action` (by name; `any_of` lists alternatives) within
/// `within_s` of the start, or of event `after` when given; full credit up to `full_s`.
struct CriticalAction {
  std::string id;
  std::vector<std::string> any_of;
  std::string after;  ///< event id, or "" for the start of the run
  SimTime within_s = 0;
  double weight = 1.0;
  std::string objective;  ///< learning objective id it serves, or ""
  /// The debrief prompt for this item, asked when it was late or missed ("" when none).
  std::string prompt;
};
/// Shares of the composite score (sum 1): critical actions, alarm handling, harm avoided.
struct ScoringWeights {
  double critical_actions = 1.0;
  double alarm_handling = 0.0;
  double harm = 0.0;
};
struct Debrief {
  /// Reflection prompts for the whole run (item prompts are on the critical actions).
  std::vector<std::string> prompts;
  std::vector<std::string> take_home;
};

/// What the scenario author expects of the trainee beyond the protocol (`expectations`),
/// checked by the debrief's deviations; each is off unless the scenario sets it.
struct Expectations {
  bool warmer_with_ffp = false;  ///< the blood warmer on whenever FFP runs
};
/// The distribution a per-patient parameter is drawn from ("citrate_clearance: {mean: 0.15
/// L/min, sd: 0.05 L/min, min: 0.08 L/min, max: 0.4 L/min}"): a normal distribution held to
/// [min, max] (sim/run/patient_draws.hpp). Every number is in the parameter's unit.
struct ParameterDraw {
  double mean = 0.0;
  double sd = 0.0;  ///< ≥ 0
  std::optional<double> min;
  std::optional<double> max;
};

/// A physiology parameter override: a fixed value ("citrate_clearance: 0.15 L/min") or a
/// distribution drawn once per run from the run's seed (`draw`; `value` is then its mean).
struct ParameterOverride {
  std::string id;
  double value = 0.0;  ///< in the parameter's unit
  std::string unit;
  diag::Location where;
  std::optional<ParameterDraw> draw = std::nullopt;
};

struct Scenario {
  std::string id, title, version, summary;
  std::vector<std::string> audience;
  std::optional<Difficulty> difficulty;  ///< the header's `difficulty`, when given
  SimTime duration_s = 0;
  /// The patient: a file (resolved against the scenario's folder) or an inline mapping
  /// (its YAML text, read by the patient loader).
  std::string patient_file;
  std::string patient_inline;
  std::string protocol;  ///< bundled id or file (resolved against the scenario's folder)
  int session = 1;
  std::optional<DeviceKind> device;
  std::vector<ParameterOverride> parameters;
  std::vector<VariableValue> start;
  /// Where each value of `start` is written (same order), for errors found when it is applied.
  std::vector<diag::Location> start_where;
  std::vector<AlarmRule> alarms;
  std::vector<LabPanel> labs;
  std::vector<ScheduledEvent> scheduled;
  std::vector<RandomEvent> random;
  std::vector<ConditionalEvent> conditional;
  std::vector<Objective> objectives;
  std::vector<CriticalAction> critical_actions;
  ScoringWeights weights;
  Expectations expectations;
  Debrief debrief;
  std::string file;  ///< where it was read from
};

}  // namespace lb::sim::scenario
