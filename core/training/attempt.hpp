// A stored training-simulation attempt, as value types. An attempt is what a trainee did in one
// run of a scenario: the timeline (JSON Lines, as `liverbridge sim run` and the window write
// it), optionally the trace CSV and the debrief JSON, who took part (pseudonymous labels, never
// a patient id) and the figures a listing needs. The types name no simulation type: the store
// reads the timeline's documented lines as JSON, so it does not change when the physiology does
// (docs/records.md, "Training attempts").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/ids.hpp"
#include "records/timestamp.hpp"

namespace lb::training {

/// A stored attempt (its row in the records database's training_attempts table).
using AttemptId = model::Id<struct AttemptIdTag, std::int64_t>;

/// A text with the name it is reported under ("timeline.jsonl"): problems are given as
/// name:line:col.
struct NamedText {
  std::string name;
  std::string text;
};

/// What the caller hands over to save an attempt.
struct AttemptInput {
  NamedText timeline;  ///< required; the first line is the run's `start` line
  /// The timeline hash the caller holds (the debrief or the window computed it); when given
  /// it must equal the SHA-256 of `timeline.text`. The store always computes its own.
  std::string timeline_sha256;
  /// Required: SHA-256 (hex) of the scenario file's bytes the run was made from (the
  /// timeline names the scenario's id and version, not its content).
  std::string scenario_sha256;
  std::optional<NamedText> trace;    ///< the trace CSV of the run
  std::optional<NamedText> debrief;  ///< the debrief JSON (liverbridge.sim-debrief/…)
  /// Pseudonymous labels of the trainees ("trainee A", "TR-07"), in order; may be empty.
  std::vector<std::string> trainees;
  std::string instructor;          ///< "" when none
  std::optional<int> self_rating;  ///< 1 (went badly) to 5 (went well), given before scores
  /// A "rewind and retry" branch: the attempt it branched from and the simulated second of
  /// the snapshot it restarted at. Both or neither.
  std::optional<AttemptId> parent;
  std::optional<std::int64_t> branch_at_s;
  std::optional<records::Timestamp> started, ended;  ///< wall-clock times of the run
  /// The LiverBridge version that ran the attempt; "" takes the debrief's
  /// `stage.program_version`, else this program's version.
  std::string program_version;
  std::string saved_by;  ///< required: who saves it
};

/// Figures read from the timeline (and, when a debrief is given, from it), kept in columns
/// so that a listing needs neither the texts nor the simulation.
struct AttemptFigures {
  std::int64_t duration_s = 0;  ///< simulated seconds: the last line's `t`
  bool complete = false;        ///< the timeline ends with its `end` line
  int trainee_actions = 0;      ///< `action` lines by the trainee
  int instructor_acts =
      0;           ///< instructor lines and `action` lines by the instructor (never scored)
  int alarms = 0;  ///< alarm transitions to `active`
  std::optional<double> composite_score;  ///< debrief analysis.scores.composite
  std::optional<int> objectives_met, objectives_total;
};

/// An attempt without its texts: one row of a listing.
struct AttemptSummary {
  AttemptId id;
  std::string scenario_id, scenario_version, scenario_sha256;
  std::string seed;  ///< decimal, as in the timeline (an unsigned 64-bit number)
  std::string program_version;
  std::string timeline_sha256;
  AttemptFigures figures;
  std::vector<std::string> trainees;
  std::string instructor;
  std::optional<int> self_rating;
  std::optional<AttemptId> parent;
  std::optional<std::int64_t> branch_at_s;
  std::string started_at, ended_at;  ///< canonical UTC, "" when not given
  std::string saved_by, saved_at;
  bool has_trace = false, has_debrief = false;
};

/// A whole attempt: the summary and the stored texts.
struct AttemptRecord {
  AttemptSummary summary;
  std::string timeline_jsonl;
  std::optional<std::string> trace_csv, debrief_json;
};

}  // namespace lb::training
