// The debrief of one recorded run, in PEARLS order (docs/simulation-debrief.md): set the
// stage (what replays the run exactly), reactions (the trainee's self-rating, given before
// any score is shown), description (a narrative from the timeline), analysis (objectives,
// critical actions, deviations, harm, alarms, the scenario's prompts, charts with markers,
// scores), summary (take-home messages and references). Renderers: debrief_json.hpp,
// debrief_text.hpp; the window draws it with ui/sim/debrief_panel.hpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/debrief/alarm_handling.hpp"
#include "sim/debrief/checklist.hpp"
#include "sim/debrief/deviations.hpp"
#include "sim/debrief/harm.hpp"
#include "sim/debrief/replay.hpp"

namespace lb::sim::debrief {

/// The JSON schema of the debrief (docs/simulation-debrief.md); bumped on any change of it.
inline constexpr const char* kDebriefSchema = "liverbridge.sim-debrief/1";
/// Chart points every this many simulated seconds (the replay samples every step).
inline constexpr SimTime kChartEvery_s = 60;

struct Stage {
  std::string scenario, title, version, scenario_sha256;
  std::string protocol, protocol_version;
  std::uint64_t seed = 0;
  std::string program_version;
  std::string timeline_file, timeline_sha256;
  SimTime duration_s = 0;
  std::string summary;
  std::vector<scenario::Objective> objectives;
};

struct Reactions {
  std::optional<int> self_rating;  ///< 1 (went badly) to 5 (went well), given before scores
};

/// One line of the narrative. `hidden`: the trainee could not see it at the bedside (the
/// true state: an event's physiological onset, a note for the instructor).
struct NarrativeLine {
  SimTime t = 0;
  std::string text;
  bool hidden = false;
  bool flagged = false;  ///< a moment the instructor flagged for the debrief
};

struct Prompt {
  std::string text;
  std::vector<std::string> for_items;  ///< the late or missed critical actions it serves
};

struct ChartSeries {
  std::string id, label, unit;
  std::vector<SimTime> t;
  std::vector<double> value;
};
struct Marker {
  SimTime t = 0;
  std::string kind;  ///< action, instructor, alarm, event
  std::string label;
};

struct Scores {
  double critical_actions = 0.0, alarm_handling = 0.0, harm = 0.0;  ///< each 0–1
  scenario::ScoringWeights weights;
  double composite = 0.0;  ///< 0–100
};

struct InstructorAct {
  SimTime t = 0;
  std::string action, event;  ///< event: the scenario event that applied it, or ""
};

struct Analysis {
  std::vector<ObjectiveScore> objectives;
  std::vector<CheckedAction> critical_actions;
  std::vector<Deviation> deviations;
  std::vector<InstructorAct> instructor_acts;
  Harm harm;
  AlarmHandling alarms;
  std::vector<Prompt> prompts;
  std::vector<ChartSeries> charts;
  std::vector<Marker> markers;
  Scores scores;
  /// When the first result of a lab panel came back (the trainee's first sight of the state).
  std::optional<SimTime> first_result;
};

struct Summary {
  std::vector<std::string> take_home;
  std::vector<std::string> references;  ///< the protocol and the clinical reference
};

struct Debrief {
  Stage stage;
  Reactions reactions;
  std::vector<NarrativeLine> description;
  Analysis analysis;
  Summary summary;
};

struct DebriefInputs {
  const run::Prepared& prepared;
  const Timeline& timeline;
  const Replay& replay;
  std::string scenario_sha256;  ///< of the scenario file's bytes
  std::optional<int> self_rating;
};

Debrief build_debrief(const DebriefInputs& in);

/// The composite: 100 × Σ share × sub-score, with the scenario's `scoring` shares.
Scores composite_scores(const scenario::ScoringWeights& w, double critical_actions,
                        double alarm_handling, double harm);

}  // namespace lb::sim::debrief
