// The run of a scenario: the engine (sim/model/engine.hpp) stepped with everything around it,
// in this fixed order at each step's time t:
//   1. the action script's entries due at t (validated against the protocol, then applied;
//      lab orders go to the lab queue; alarm acts to the alarm board),
//   2. scheduled and pre-rolled random events due at t (random: events/schedule.hpp),
//   3. conditional events on the state at t and the actions taken (events/conditions.hpp),
//   4. lab results due at t,
//   5. alarm conditions (state, lab results and event-raised alarms) and the alarm board,
//   6. a trace row every trace interval,
//   7. one engine step (1 s in a session, up to 60 s between sessions).
// Everything is written to the timeline (JSON Lines: every event, action, alarm transition and
// lab result, each with its simulated time) and the trace (CSV of the observables).
//
// Nothing here reads a clock: advance() is one unit of work, so ×1, ×10 and a paused run that
// resumes give the same timeline (pacing.hpp paces a run to wall time outside this class).
// Simulated runs never touch the records store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/alarms/alarm_board.hpp"
#include "sim/events/conditions.hpp"
#include "sim/events/schedule.hpp"
#include "sim/labs/lab_queue.hpp"
#include "sim/model/engine.hpp"
#include "sim/run/json_line.hpp"
#include "sim/run/patient_draws.hpp"
#include "sim/run/prepare.hpp"
#include "sim/scenario/script_loader.hpp"

namespace lb::sim::run {

using scenario::SimTime;

struct RunOptions {
  std::uint64_t seed = 0;
  scenario::Script script;
  SimTime trace_every_s = 10;
};

class Runner {
 public:
  Runner(const Prepared& prepared, RunOptions options);

  /// One unit of work: the events, actions, labs and alarms at the current time, then one
  /// engine step; at the scenario's end, the closing line instead. No-op once finished.
  void advance();
  void run_to_end();
  [[nodiscard]] bool finished() const { return finished_; }
  [[nodiscard]] SimTime now() const;

  [[nodiscard]] const std::string& timeline() const { return timeline_; }
  [[nodiscard]] const std::string& trace() const { return trace_; }
  [[nodiscard]] const std::vector<events::RolledEvent>& schedule() const { return rolled_; }
  /// The parameters drawn for this run's patient from the seed (patient_draws.hpp), in the
  /// scenario's order; the timeline's `parameter` lines after the start line list them.
  [[nodiscard]] const std::vector<DrawnParameter>& drawn() const { return drawn_; }
  /// The engine at the current time (read-only): the debrief samples its state and ledgers
  /// between units of work (sim/debrief/replay.hpp).
  [[nodiscard]] const Engine& engine() const { return engine_; }
  /// The highest-priority alarm sounding now (the UI slows to ×1 on a high one).
  [[nodiscard]] std::optional<alarms::Priority> sounding() const {
    return board_.highest_sounding();
  }

  // ---- a run driven by people (the training window; runner_interactive.cpp) --------------
  // A runner is a value: a copy is a snapshot of the whole run (engine, events, labs, alarms,
  // timeline), and the copy continues exactly as the original would.

  /// Takes `entry` now, as a script entry due at now() (its own `at` is not used), so a run
  /// driven from the window is the run of the script of what was done.
  void take(const scenario::ScriptEntry& entry);
  /// Writes an instructor act ({"kind": "instructor", "act": ...} plus `fields` as text) to
  /// the timeline at now(): never a trainee action, so never scored against the trainee.
  void log_instructor(std::string_view act,
                      const std::vector<std::pair<std::string, std::string>>& fields = {});
  /// Fires the scenario's event `id` (scheduled, random or conditional) now, as the
  /// instructor; false when the scenario has no such event.
  bool inject_event(const std::string& id);
  /// Keeps event `id` from firing for the rest of the run; false when the scenario has no
  /// such event.
  bool suppress_event(const std::string& id);
  /// Overrides a physiology parameter from now on (in its documented unit); false when no
  /// parameter has that id. The state carries over unchanged.
  bool set_parameter(const std::string& id, double value);
  /// Ends the run now with the closing line (the instructor's "end scenario").
  void end_now();

  [[nodiscard]] const State& state() const { return state_; }
  [[nodiscard]] const alarms::AlarmBoard& alarm_board() const { return board_; }
  [[nodiscard]] const labs::LabQueue& lab_queue() const { return labs_; }
  /// Every lab result reported so far, in the order reported.
  [[nodiscard]] const std::vector<labs::LabResult>& reported() const { return reported_; }
  [[nodiscard]] const scenario::Scenario& scenario() const { return scenario_; }
  [[nodiscard]] const SessionSetup& session() const { return session_; }
  /// Whether each pre-rolled random event (schedule()) has fired.
  [[nodiscard]] const std::vector<bool>& random_fired() const { return random_fired_; }
  /// Whether each of the scenario's scheduled events has fired.
  [[nodiscard]] const std::vector<bool>& scheduled_fired() const { return scheduled_fired_; }
  /// Event ids the instructor suppressed.
  [[nodiscard]] const std::vector<std::string>& suppressed() const { return suppressed_; }

 private:
  struct Conditional {
    events::ConditionTracker tracker;
    bool was_true = false;
    bool fired = false;
    bool suppressed = false;  ///< by the instructor
  };
  struct RaisedAlarm {
    std::string alarm;
    std::vector<std::string> cleared_by;
    std::string event;
  };

  void write(const JsonLine& line);
  void write_start();
  void evaluate(SimTime t);
  void apply_script(SimTime t);
  void apply_action(SimTime t, const Action& a, scenario::Actor actor, const std::string& cause);
  void apply_alarm_command(SimTime t, const scenario::AlarmCommand& c, scenario::Actor actor);
  void due_events(SimTime t);
  void fire(SimTime t, const std::string& event_id, const char* type,
            const std::vector<scenario::Effect>& effects);
  void conditional_events(SimTime t);
  void lab_results(SimTime t);
  void update_alarms(SimTime t);
  void trace_row(SimTime t);
  [[nodiscard]] std::optional<double> observe(std::string_view name) const;
  [[nodiscard]] events::Lookup state_lookup() const;

  void start_if_needed();

  scenario::Scenario scenario_;
  SessionSetup session_;
  patient::Patient patient_;     ///< to rebuild the engine on a parameter override
  protocol::Protocol protocol_;  ///< the same: the clotting-factor kinetics read parameters
  SoluteModels solutes_;         ///< the same (built again from the drawn values, runner.cpp)
  RunOptions options_;
  std::vector<DrawnParameter> drawn_;  ///< before engine_: its parameters carry the draws
  Engine engine_;
  units::Volume ffp_unit_volume_;
  std::vector<events::RolledEvent> rolled_;
  std::vector<bool> random_fired_;
  std::vector<bool> scheduled_fired_;
  std::vector<Conditional> conditionals_;
  std::vector<std::optional<events::ConditionTracker>> alarm_trackers_;
  std::vector<RaisedAlarm> raised_;
  alarms::AlarmBoard board_;
  labs::LabQueue labs_;
  std::vector<labs::LabResult> reported_;
  std::vector<std::string> suppressed_;
  events::ActionLog actions_;
  std::size_t next_entry_ = 0;
  std::size_t transitions_written_ = 0;
  SimTime next_trace_ = 0;
  State state_;  ///< the engine's state at the current time (refreshed after each step)
  bool started_ = false;
  bool finished_ = false;
  std::string timeline_;
  std::string trace_;
  std::string scenario_sha256_;  ///< of the scenario text run (on the start line)
};

}  // namespace lb::sim::run
