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
    out.push_back({a.t, line, false});
  };
  for (const auto& a : t.actions) {
    if (a.event.empty()) action_line(a);
  }
  for (const auto& e : t.events) {
    const bool physiological = e.type == "conditional";
    out.push_back(
        {e.t, words(e.id) + (physiological ? " began" : " happened") + " (" + e.type + " event)",
         physiological});
    for (const auto& a : t.actions) {
      if (a.event == e.id && a.t == e.t) action_line(a);
    }
    for (const auto& n : t.notes) {
      if (n.event == e.id && n.t == e.t) out.push_back({n.t, "Instructor note: " + n.text, true});
    }
  }
  for (const auto& r : t.lab_results) {
    out.push_back({r.t,
                   "Result: " + panel_words(r.panel) + " drawn at " + clock(r.drawn) + ": " +
                       result_phrase(r),
                   false});
  }
  for (const auto& a : t.alarms) out.push_back({a.t, alarm_text(a), false});
  if (const auto low = first(
          samples, [](const Sample& s) { return units::mmol_per_l(s.ica) < kIcaHarmLevel; })) {
    out.push_back({*low,
                   "Ionised calcium fell below " + text::fixed(kIcaHarm.value, 1) +
                       " mmol/L (true state, not visible at the bedside)",
                   true});
  }
  if (const auto low =
          first(samples, [](const Sample& s) { return units::mm_hg(s.map) < kMapHarmLevel; })) {
    out.push_back({*low,
                   "Mean arterial pressure fell below " + text::fixed(kMapHarm.value, 0) +
                       " mmHg on the monitor",
                   false});
  }
  out.push_back({t.end, "End of the run", false});
  // Time order; at one time, the timeline's own order (stable sort of lines added by kind).
  std::stable_sort(out.begin(), out.end(),
                   [](const NarrativeLine& a, const NarrativeLine& b) { return a.t < b.t; });
  return out;
}

}  // namespace lb::sim::debrief
