// A recorded run read back from its timeline (JSON Lines, docs/simulation-scenarios.md "The
// timeline and the trace"): the start line (scenario, version, seed, duration), every action
// with who took it, every event, note, lab order and result, alarm transition and the end.
// The debrief scores from this record and replays it (replay.hpp) for the physiology, which
// the timeline does not carry. Problems are file:line:col diagnostics, all at once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diag/diagnostic.hpp"
#include "sim/scenario/script_loader.hpp"

namespace lb::sim::debrief {

using scenario::SimTime;

struct StartLine {
  std::string scenario, version;
  /// SHA-256 of the scenario text that was run; "" in timelines written before it was kept.
  std::string scenario_sha256;
  std::uint64_t seed = 0;
  SimTime duration_s = 0;
};

struct ActionLine {
  SimTime t = 0;
  std::string name;
  scenario::Actor by = scenario::Actor::trainee;
  std::string event;  ///< the event that applied it ("" for a script or live action)
  std::string alarm;  ///< alarm acts: the alarm
  std::string problem, lab;
  std::vector<std::string> deviations;  ///< validation warnings (deviation codes)
  bool refused = false;
  std::string result;  ///< "the alarm was not sounding", ...
  std::string json;    ///< the whole line (replay.hpp rebuilds the script entry from it)
  int line = 0;
};

struct EventLine {
  SimTime t = 0;
  std::string id, type;  ///< type: scheduled, random, conditional
};
struct NoteLine {
  SimTime t = 0;
  std::string event, text;
};
struct LabOrderLine {
  SimTime t = 0;
  std::string panel;
  int order = 0;
  std::optional<SimTime> due;  ///< none: the scenario's lab does not run the panel
};
struct LabResultLine {
  SimTime t = 0, drawn = 0;
  std::string panel;
  int order = 0;
  std::vector<std::pair<std::string, double>> values;
};
/// An instructor's act written by the window ({"kind": "instructor", "act": ...}): freeze,
/// unfreeze, flag (with a note), rewind, inject_event, suppress_event, set_parameter,
/// end_scenario. The replay repeats each at its place in the file (replay.hpp).
struct InstructorLine {
  SimTime t = 0;
  std::string act;
  std::vector<std::pair<std::string, std::string>> fields;  ///< the other keys, in file order
  int line = 0;
  /// The value of field `key`, "" when absent.
  [[nodiscard]] std::string field(std::string_view key) const;
};
struct AlarmLine {
  SimTime t = 0;
  std::string alarm, priority, from, to, cause;
};

struct Timeline {
  StartLine start;
  std::vector<ActionLine> actions;
  std::vector<EventLine> events;
  std::vector<NoteLine> notes;
  std::vector<LabOrderLine> lab_orders;
  std::vector<LabResultLine> lab_results;
  std::vector<AlarmLine> alarms;
  std::vector<InstructorLine> instructor;
  SimTime end = 0;
  std::string sha256;  ///< of the file's bytes: the replay must reproduce it
  std::string file;

  /// The first time event `id` happened, if it did.
  [[nodiscard]] std::optional<SimTime> first_event(std::string_view id) const;
};

struct TimelineLoad {
  std::optional<Timeline> timeline;
  diag::Diagnostics diagnostics;
};

TimelineLoad parse_timeline(std::string_view text, const std::string& file);

}  // namespace lb::sim::debrief
