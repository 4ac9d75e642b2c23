// Labs overdue (deviation_detectors.hpp): for each panel the scenario expects every so often
// (labs[].expected_every, the author's teaching expectation), each gap longer than that
// between the session's start, or the trainee's previous order of the panel, and the next
// order while the session runs; a last gap to the session's end (or the end of the run) too.
// The session runs while the device pumps or is paused (Sample::mode); a course of sessions
// is checked session by session. Orders by the instructor are not the trainee's.
#include <algorithm>

#include "sim/debrief/clock.hpp"
#include "sim/debrief/deviation_detectors.hpp"

namespace lb::sim::debrief {

namespace {

struct Window {
  SimTime from = 0, to = 0;
};

/// The stretches of the run in which a session runs (pumping or paused). A sample is the
/// state at the start of its step, so a session that begins during a step (the first one
/// at the start of the run) is counted from that step's start.
std::vector<Window> sessions(const std::vector<Sample>& samples, SimTime run_end) {
  std::vector<Window> out;
  std::optional<SimTime> from;
  SimTime step_before = 0;
  for (const auto& s : samples) {
    const bool on = s.mode == DeviceMode::running || s.mode == DeviceMode::paused;
    if (on && !from) from = std::min(step_before, s.t);
    if (!on && from) {
      out.push_back({*from, s.t});
      from.reset();
    }
    step_before = s.t;
  }
  if (from) out.push_back({*from, run_end});
  return out;
}

std::vector<SimTime> orders_of(const Timeline& t, const std::string& panel) {
  std::vector<SimTime> out;
  for (const auto& a : t.actions) {
    if (a.name == "order_lab" && a.by == scenario::Actor::trainee && !a.refused && a.lab == panel) {
      out.push_back(a.t);
    }
  }
  return out;
}

}  // namespace

std::vector<Deviation> labs_overdue(const scenario::Scenario& scenario, const Timeline& timeline,
                                    const std::vector<Sample>& samples) {
  std::vector<Deviation> out;
  const auto windows = sessions(samples, timeline.end);
  for (const auto& lab : scenario.labs) {
    if (!lab.expected_every_s) continue;
    const SimTime every = *lab.expected_every_s;
    const auto orders = orders_of(timeline, lab.panel);
    const std::string expected = "; the scenario expects one every " + span(every);
    for (const auto& w : windows) {
      SimTime since = w.from;
      bool first = true;
      const auto gap = [&](SimTime until, const std::string& until_what) {
        if (until - since <= every) return;
        out.push_back({since + every, "order_lab", kLabOverdue,
                       lab.panel + " not ordered for " + span(until - since) + " (" +
                           (first ? "the session's start at " : "the order at ") + clock(since) +
                           " to " + until_what + " at " + clock(until) + ")" + expected});
      };
      for (const SimTime o : orders) {
        if (o < w.from || o >= w.to) continue;
        gap(o, "the next order");
        since = o;
        first = false;
      }
      gap(w.to, w.to == timeline.end ? "the end of the run" : "the session's end");
    }
  }
  return out;
}

}  // namespace lb::sim::debrief
