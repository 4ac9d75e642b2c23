#include "sim/debrief/debrief_text.hpp"

#include <algorithm>
#include <sstream>

#include "sim/debrief/clock.hpp"
#include "text/format.hpp"

namespace lb::sim::debrief {

namespace {

std::string at(const std::optional<SimTime>& t) { return t ? clock(*t) : std::string("never"); }

std::string after(const std::optional<SimTime>& t, const std::optional<SimTime>& onset) {
  if (!t || !onset) return "-";
  return span(*t - *onset);
}

void stage(std::ostringstream& o, const Stage& s) {
  o << "1. Set the stage\n"
    << "  Scenario: " << s.title << " (" << s.scenario << " version " << s.version << ")\n"
    << "  Protocol: " << s.protocol << " version " << s.protocol_version << "\n"
    << "  Seed " << s.seed << ", LiverBridge " << s.program_version << ", duration "
    << span(s.duration_s) << "\n"
    << "  Scenario SHA-256 " << s.scenario_sha256 << "\n"
    << "  Timeline SHA-256 " << s.timeline_sha256 << " (replayed and identical)\n";
  for (const auto& ob : s.objectives) o << "  Objective " << ob.id << ": " << ob.text << "\n";
  o << "\n";
}

void objectives(std::ostringstream& o, const Analysis& a) {
  o << "  Objectives (onset is the physiological or scheduled onset, not a lab result):\n";
  for (const auto& x : a.objectives) {
    if (!x.onset) {
      o << "  - " << x.id << " not due: "
        << (x.critical_actions.empty() ? "no critical action serves it"
                                       : "the events that open it did not happen in this run")
        << "\n";
      continue;
    }
    o << "  - " << x.id << " " << kStatusNames.name(x.status) << ": onset " << at(x.onset)
      << (x.onset_event.empty() ? " (start of the run)" : " (" + x.onset_event + ")")
      << "; recognised " << after(x.recognised, x.onset)
      << (x.recognised_by.empty() ? "" : " (" + x.recognised_by + ")") << "; treated "
      << after(x.treated, x.onset) << (x.treated_by.empty() ? "" : " (" + x.treated_by + ")")
      << "\n";
  }
  o << "  Critical actions:\n";
  for (const auto& c : a.critical_actions) {
    o << "  - " << c.id << " [" << text::join(c.any_of, " or ") << "] within " << span(c.within_s)
      << (c.after.empty() ? " of the start" : " of " + c.after) << ": "
      << kStatusNames.name(c.status);
    if (c.taken) o << " (" << c.taken_action << " at " << clock(*c.taken) << ")";
    o << "\n";
  }
}

void harm_alarms(std::ostringstream& o, const Analysis& a) {
  const auto& h = a.harm;
  o << "  Harm exposure:\n"
    << "  - iCa below " << text::fixed(kIcaHarm.value, 1) << " mmol/L for "
    << text::fixed(units::in_minutes(h.ica_low), 1) << " min (lowest "
    << text::fixed(units::in_mmol_per_l(h.min_ica), 2) << " mmol/L)\n"
    << "  - MAP below " << text::fixed(kMapHarm.value, 0) << " mmHg for "
    << text::fixed(units::in_minutes(h.map_low), 1) << " min\n"
    << "  - highest T/iCa " << text::fixed(units::in_fraction(h.max_ca_ratio), 2) << "; pH "
    << text::fixed(units::in_fraction(h.min_ph), 2) << " to "
    << text::fixed(units::in_fraction(h.max_ph), 2) << "; lowest temperature "
    << text::fixed(in_celsius(h.min_temperature), 1) << " °C\n"
    << "  - calcium given " << text::fixed(in_mmol(h.calcium_given), 1) << " mmol; citrate load "
    << text::fixed(in_mmol(h.citrate_load), 0) << " mmol\n";
  const auto& al = a.alarms;
  o << "  Alarms: " << al.count << " sounded, " << al.acknowledged << " acknowledged, "
    << al.silences << " silences";
  if (al.median_to_acknowledge) {
    o << ", median time to acknowledge "
      << span(static_cast<SimTime>(units::in_seconds(*al.median_to_acknowledge)));
  }
  o << "\n";
  for (const auto& u : al.unacknowledged_high) o << "  - never acknowledged (high): " << u << "\n";
}

void analysis(std::ostringstream& o, const Analysis& a) {
  o << "4. Analysis\n";
  objectives(o, a);
  o << "  Protocol deviations:" << (a.deviations.empty() ? " none\n" : "\n");
  for (const auto& d : a.deviations) {
    o << "  - " << clock(d.t) << " " << d.action << ": " << d.message << "\n";
  }
  harm_alarms(o, a);
  if (!a.instructor_acts.empty()) {
    o << "  Instructor acts (not scored):\n";
    for (const auto& i : a.instructor_acts) {
      o << "  - " << clock(i.t) << " " << i.action
        << (i.event.empty() ? "" : " (event " + i.event + ")") << "\n";
    }
  }
  o << "  Prompts:\n";
  for (const auto& p : a.prompts) {
    o << "  - " << p.text;
    if (!p.for_items.empty()) o << " [" << text::join(p.for_items) << "]";
    o << "\n";
  }
  const auto& s = a.scores;
  o << "  Scores: critical actions " << text::fixed(100.0 * s.critical_actions, 0)
    << " %, alarm handling " << text::fixed(100.0 * s.alarm_handling, 0) << " %, harm avoided "
    << text::fixed(100.0 * s.harm, 0) << " %; composite " << text::fixed(s.composite, 0)
    << " of 100 (shares " << text::fixed(100.0 * s.weights.critical_actions, 0) << "/"
    << text::fixed(100.0 * s.weights.alarm_handling, 0) << "/"
    << text::fixed(100.0 * s.weights.harm, 0) << ")\n\n";
}

}  // namespace

std::string debrief_text(const Debrief& d) {
  std::ostringstream o;
  const bool flagged = std::any_of(d.description.begin(), d.description.end(),
                                   [](const NarrativeLine& n) { return n.flagged; });
  o << "Training simulation debrief - not for clinical decision making\n\n";
  stage(o, d.stage);
  o << "2. Reactions\n  Self-rating: "
    << (d.reactions.self_rating ? std::to_string(*d.reactions.self_rating) + " of 5"
                                : std::string("not given"))
    << "\n\n3. Description (* the true state, not visible at the bedside"
    << (flagged ? "; ! flagged by the instructor" : "") << ")\n";
  for (const auto& n : d.description) {
    o << "  " << clock(n.t) << (n.hidden ? " * " : n.flagged ? " ! " : "   ") << n.text << "\n";
  }
  o << "\n";
  analysis(o, d.analysis);
  o << "5. Summary\n";
  for (const auto& t : d.summary.take_home) o << "  - " << t << "\n";
  for (const auto& r : d.summary.references) o << "  See: " << r << "\n";
  return o.str();
}

}  // namespace lb::sim::debrief
