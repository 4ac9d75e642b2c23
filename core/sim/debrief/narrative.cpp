#include "sim/debrief/narrative.hpp"

#include <algorithm>

#include "sim/debrief/clock.hpp"
#include "sim/debrief/phrases.hpp"
#include "text/format.hpp"

namespace lb::sim::debrief {

namespace {

std::string alarm_text(const AlarmLine& a) {
  const std::string name = "alarm " + a.alarm + " (" + a.priority + " priority)";
  if (a.from == "inactive" && a.cause == "injected") return name + " raised by the instructor";
  if (a.from == "inactive") return name + " sounded";
  if (a.cause == "silence_ended") return name + " sounded again after the silence";
  if (a.cause == "cleared") return name + " cleared";
  if (a.cause == "acknowledged") return name + " acknowledged";
  if (a.cause == "silenced") return name + " silenced";
  return name + ": " + a.from + " to " + a.to + " (" + a.cause + ")";
}

/// What an instructor line did, as a sentence ("The instructor froze the run").
std::string instructor_text(const InstructorLine& l) {
  if (l.act == "freeze") return "The instructor froze the run";
  if (l.act == "unfreeze") return "The instructor let the run go on";
  if (l.act == "flag") {
    const std::string note = l.field("note");
    return "Flagged by the instructor for the debrief" + (note.empty() ? "" : ": " + note);
  }
  if (l.act == "rewind") {
    return "Attempt " + l.field("attempt") + " restarted here from a snapshot of attempt " +
           l.field("from_attempt") + " (rewind and retry)";
  }
  if (l.act == "inject_event") return "The instructor injected event " + words(l.field("event"));
  if (l.act == "suppress_event") {
    return "The instructor suppressed event " + words(l.field("event"));
  }
  if (l.act == "set_parameter") {
    return "The instructor set parameter " + l.field("parameter") + " to " + l.field("value") +
           " " + l.field("unit");
  }
  if (l.act == "end_scenario") return "The instructor ended the scenario";
  return "Instructor: " + words(l.act);
}

/// The first step at which `below` holds, if any.
template <class F>
std::optional<SimTime> first(const std::vector<Sample>& samples, F below) {
  for (const auto& s : samples) {
    if (below(s)) return s.t;
  }
  return std::nullopt;
}

}  // namespace

std::vector<NarrativeLine> narrative(const Timeline& t, const std::vector<Sample>& samples) {
  std::vector<NarrativeLine> out;
  // In the runner's order within a step: the script's actions, then each event with what it
  // applied and its notes, results, alarms.
  const auto action_line = [&](const ActionLine& a) {
    std::string who = a.by == scenario::Actor::trainee ? "The trainee " : "The instructor ";
    if (!a.event.empty()) who = "Event " + words(a.event) + ": the instructor ";
    std::string line = who + action_phrase(a);
    if (a.refused) line += " (refused: " + text::join(a.deviations) + ")";
    if (!a.refused && !a.deviations.empty()) {
      line += " (deviation: " + text::join(a.deviations) + ")";
    }
    if (!a.result.empty()) line += " (" + a.result + ")";
    out.push_back({a.t, line, false, false});
  };
  for (const auto& a : t.actions) {
    if (a.event.empty()) action_line(a);
  }
  for (const auto& l : t.instructor) {
    out.push_back({l.t, instructor_text(l), false, l.act == "flag"});
  }
  for (const auto& e : t.events) {
    const bool physiological = e.type == "conditional";
    out.push_back(
        {e.t, words(e.id) + (physiological ? " began" : " happened") + " (" + e.type + " event)",
         physiological, false});
    for (const auto& a : t.actions) {
      if (a.event == e.id && a.t == e.t) action_line(a);
    }
    for (const auto& n : t.notes) {
      if (n.event == e.id && n.t == e.t)
        out.push_back({n.t, "Instructor note: " + n.text, true, false});
    }
  }
  for (const auto& r : t.lab_results) {
    out.push_back({r.t,
                   "Result: " + panel_words(r.panel) + " drawn at " + clock(r.drawn) + ": " +
                       result_phrase(r),
                   false, false});
  }
  for (const auto& a : t.alarms) out.push_back({a.t, alarm_text(a), false, false});
  if (const auto low = first(
          samples, [](const Sample& s) { return units::mmol_per_l(s.ica) < kIcaHarmLevel; })) {
    out.push_back({*low,
                   "Ionised calcium fell below " + text::fixed(kIcaHarm.value, 1) +
                       " mmol/L (true state, not visible at the bedside)",
                   true, false});
  }
  if (const auto low =
          first(samples, [](const Sample& s) { return units::mm_hg(s.map) < kMapHarmLevel; })) {
    out.push_back({*low,
                   "Mean arterial pressure fell below " + text::fixed(kMapHarm.value, 0) +
                       " mmHg on the monitor",
                   false, false});
  }
  out.push_back({t.end, "End of the run", false, false});
  // Time order; at one time, the timeline's own order (stable sort of lines added by kind).
  std::stable_sort(out.begin(), out.end(),
                   [](const NarrativeLine& a, const NarrativeLine& b) { return a.t < b.t; });
  return out;
}

}  // namespace lb::sim::debrief
