// The whole state of the training-simulation screens in one value: the scenario library, the
// run (one attempt per branch, each a sim::run::Runner, with its snapshots), the time
// controls and what the trainee is typing. The panels (ui/sim/*_panel.cpp) draw it and call
// the functions below; all physiology, events, labs and alarms stay in core/sim. Nothing here
// reads a clock: tick() is given the wall time that passed (pacing, core/sim/run/pacing.hpp).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sim/debrief/debrief.hpp"
#include "sim/debrief_panel.hpp"
#include "sim/run/pacing.hpp"
#include "sim/run/prepare.hpp"
#include "sim/run/runner.hpp"

namespace lb::simui {

using sim::scenario::SimTime;

/// The screens of the simulation window.
enum class Screen { library, bedside, instructor, debrief };

/// Where a scenario of the library comes from.
enum class Origin { bundled, user };

/// One scenario the library offers (read when the library is loaded).
struct LibraryEntry {
  Origin origin = Origin::bundled;
  std::string file;
  std::string id, title, version, summary;
  std::vector<std::string> audience;
  std::string difficulty;  ///< introductory, intermediate, advanced; "" when not given
  SimTime duration_s = 0;
  std::vector<sim::scenario::Objective> objectives;
  std::string problem;  ///< why it cannot be run ("" when it reads)
};

/// A snapshot of a run: the whole runner at a simulated time (a copy continues exactly).
struct Snapshot {
  SimTime t = 0;
  sim::run::Runner runner;
};

/// A 12-lead ECG the trainee recorded: when, and the QTc it showed.
struct EcgRecord {
  SimTime t = 0;
  double qtc_ms = 0.0;
};

/// One attempt. Rewinding to a snapshot starts a new branch from it; the old one is kept.
struct Branch {
  int number = 1;           ///< "Attempt 1", "Attempt 2"...
  int parent = -1;          ///< the branch it was rewound from (-1: the first)
  SimTime branched_at = 0;  ///< simulated time of the snapshot it started from
  sim::run::Runner runner;
  std::vector<Snapshot> snapshots;
  SimTime next_snapshot = 0;
  std::vector<EcgRecord> ecgs;     ///< 12-lead ECGs the trainee recorded (QTc shown from them)
  std::vector<SimTime> flags;      ///< moments the instructor flagged for the debrief
  std::optional<int> self_rating;  ///< 1–5, asked on the debrief screen before any score
  std::optional<std::int64_t> saved_id;  ///< the training attempt it was stored as
};

/// The speeds the time controls offer (simulated seconds per wall second).
inline constexpr double kSpeeds[] = {1, 2, 5, 10, 60};
/// Snapshots are kept every this many simulated seconds (brief: every 5 simulated minutes).
inline constexpr SimTime kSnapshotEvery = 5 * 60;

/// One field of the action bar as typed: value text and the unit chosen beside it.
struct TypedField {
  std::string value;
  std::string unit;
};

struct SimState {
  bool active = false;  ///< the simulation window replaces the planner
  Screen screen = Screen::library;

  // ---- the library ----
  std::string scenarios_dir;       ///< bundled scenarios
  std::string user_scenarios_dir;  ///< <XDG data>/liverbridge/scenarios
  std::string protocols_dir;       ///< bundled protocols (scenarios name them by id)
  std::vector<LibraryEntry> library;
  int selected = -1;

  // ---- the run ----
  std::optional<sim::run::Prepared> prepared;
  std::string source;  ///< what is being run ("scenario alf-hvp-citrate", "the plan of ...")
  std::uint64_t seed = 20261204;
  std::vector<Branch> branches;
  int current = -1;             ///< index into branches
  std::string problems;         ///< why the last start failed (diagnostics), or ""
  std::string scenario_sha256;  ///< of the scenario file's bytes (the debrief's stage)

  // ---- the debrief (debrief_screen.cpp) ----
  std::optional<sim::debrief::Debrief> debrief;
  int debrief_branch = -1;  ///< the branch `debrief` was made for
  std::string debrief_problem;
  gui::DebriefView debrief_view;

  // ---- saving the attempt (save_attempt.cpp) ----
  /// The records database file whose training tables take the attempts (the window's --db,
  /// the same default as `liverbridge sim attempts save --db`).
  std::string attempts_db;
  std::string save_trainees;  ///< pseudonymous labels as typed, comma-separated
  std::string save_instructor, save_by;
  std::string save_message;  ///< the last save's outcome
  bool save_failed = false;

  // ---- time ----
  double speed = 1.0;
  bool paused = true;
  bool frozen = false;  ///< the instructor froze the run (the trainee cannot resume it)
  double wall_s = 0.0;  ///< wall time given to tick() since the pacer started
  sim::run::Pacer pacer{1.0};
  SimTime paced_from = 0;         ///< simulated time at which the pacer started
  bool slowed_for_alarm = false;  ///< set when a high-priority alarm slowed the run to ×1
  bool high_alarm_was_sounding = false;
  bool force_speed = false;  ///< benchmark: keep the chosen speed even during a session
  bool all_panels = false;   ///< benchmark: the instructor console beside the bedside

  // ---- the trainee's and instructor's typing ----
  int action = 0;                                         ///< index into the action bar's list
  std::map<std::string, TypedField, std::less<>> fields;  ///< by "action.key"
  std::string action_problem;                             ///< why the last action was refused
  std::string message;                                    ///< last result, shown in the bar
  int instructor_event = 0;
  int instructor_parameter = 0;
  std::string parameter_value;
  std::string flag_note;
};

// ---- the library --------------------------------------------------------------------------
/// Reads the bundled and user scenarios (sorted by origin, then id).
void load_library(SimState& s);

// ---- starting a run ----------------------------------------------------------------------
/// A scenario file: `ref` when it is a file, else the library entry with id `ref`; "" if none.
std::string resolve_scenario(SimState& s, const std::string& ref);
/// Runs library entry `index`; false (and `problems` set) when it cannot be prepared.
bool start_scenario(SimState& s, int index);
/// Runs the scenario file at `path`; the same.
bool start_scenario_file(SimState& s, const std::string& path);
/// Runs the planner's patient and protocol as a session of the plan-session scenario (the
/// bundled training template: its alarms and lab panels, no events).
bool start_from_plan(SimState& s, const std::string& patient_text, const std::string& patient_file,
                     const std::string& protocol_text, const std::string& protocol_file);

// ---- the run -----------------------------------------------------------------------------
[[nodiscard]] Branch* current_branch(SimState& s);
[[nodiscard]] const Branch* current_branch(const SimState& s);
/// The runner of the current branch, or nullptr when nothing runs.
[[nodiscard]] sim::run::Runner* runner(SimState& s);
[[nodiscard]] const sim::run::Runner* runner(const SimState& s);

/// Advances the run by `wall_dt` seconds of wall time at the current speed (nothing when
/// paused or frozen); keeps snapshots; slows to ×1 when a high-priority alarm starts.
void tick(SimState& s, double wall_dt);
/// Runs (unpaced) until simulated time `t` or the end.
void run_until(SimState& s, SimTime t);
/// Runs until the next lab result is reported (or the run ends); false when none is pending.
bool skip_to_next_result(SimState& s);
void set_speed(SimState& s, double speed);
void set_paused(SimState& s, bool paused);
/// ×60 is for the time between sessions: false while a session is connected.
[[nodiscard]] bool speed_allowed(const SimState& s, double speed);

/// A trainee's or instructor's act now (logged on the timeline by the runner).
void take(SimState& s, const sim::scenario::ScriptEntry& entry);
/// Replays a recorded run through the window's route: each entry due by `until` taken at its
/// time (as a click at that moment would), then the run continues to `until`.
void replay(SimState& s, const sim::scenario::Script& script, SimTime until);

// ---- the instructor ----------------------------------------------------------------------
void freeze(SimState& s, bool frozen);
void flag_moment(SimState& s, const std::string& note);
void end_scenario(SimState& s);
/// Starts a new branch from snapshot `index` of the current branch (the old branch is kept).
bool rewind_to(SimState& s, std::size_t index);

// ---- saving --------------------------------------------------------------------------
/// Stores the current branch's finished attempt in the training tables of `attempts_db`
/// (timeline, trace, the debrief when it was made from this timeline, the labels typed, the
/// self-rating; a retry is linked to its parent when that was saved). `save_message` says
/// what happened; false when nothing was written.
bool save_attempt(SimState& s);

/// "01:05:30" for a simulated time.
std::string clock_text(SimTime t);

}  // namespace lb::simui
