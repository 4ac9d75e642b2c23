#include "simprint/debrief_html.hpp"

#include "print/page.hpp"
#include "print/printable.hpp"
#include "sim/debrief/clock.hpp"
#include "simprint/debrief_charts_svg.hpp"
#include "text/format.hpp"

namespace lb::simprint {

namespace {

namespace db = sim::debrief;
using report::html_escape;

std::string at(const std::optional<db::SimTime>& t) {
  return t ? db::clock(*t) : std::string("never");
}
std::string since(const std::optional<db::SimTime>& t, const std::optional<db::SimTime>& onset) {
  return t && onset ? db::span(*t - *onset) : std::string("—");
}

void stage(print::Page& p, const db::Debrief& d) {
  const auto& s = d.stage;
  p.section("Set the stage");
  p.kv_open();
  p.kv("Scenario", html_escape(s.title) + print::note_html(s.scenario + " version " + s.version));
  p.kv("Protocol", html_escape(s.protocol + " version " + s.protocol_version));
  p.kv("Seed", std::to_string(s.seed));
  p.kv("Duration", html_escape(db::span(s.duration_s)));
  p.kv("Program", html_escape("LiverBridge " + s.program_version));
  p.kv("Scenario SHA-256", "<span class=\"mono\">" + s.scenario_sha256 + "</span>");
  p.kv("Timeline SHA-256", "<span class=\"mono\">" + s.timeline_sha256 + "</span>" +
                               print::note_html("replayed and identical"));
  p.table_close();
  p.para(html_escape(s.summary));
  p.o << "<ul>\n";
  for (const auto& o : s.objectives) {
    p.o << "<li>" << html_escape(o.id + ": " + o.text) << "</li>\n";
  }
  p.o << "</ul>\n";
}

void description(print::Page& p, const db::Debrief& d) {
  p.section("Description");
  p.para("Lines marked <b>hidden</b> are the true state, not visible at the bedside.", "note");
  p.o << "<table class=\"narrative\"><thead><tr><th class=\"col\">Time</th><th "
         "class=\"col\">What happened</th></tr></thead><tbody>\n";
  for (const auto& n : d.description) {
    p.o << "<tr><td class=\"t\">" << db::clock(n.t) << "</td><td>"
        << (n.hidden ? "<b>hidden</b> " : "") << (n.flagged ? "<b>flagged</b> " : "")
        << html_escape(n.text) << "</td></tr>\n";
  }
  p.o << "</tbody></table>\n";
}

void objectives(print::Page& p, const db::Analysis& a) {
  p.sub("Objectives (from the onset, not from a lab result)");
  p.o << "<table><thead><tr><th class=\"col\">Objective</th><th class=\"col\">Status</th><th "
         "class=\"col\">Onset</th><th class=\"col\">Recognised</th><th "
         "class=\"col\">Treated</th></tr></thead><tbody>\n";
  for (const auto& o : a.objectives) {
    p.o << "<tr><td>" << html_escape(o.id + ": " + o.text) << "</td><td><b>"
        << db::kStatusNames.name(o.status) << "</b></td><td class=\"t\">" << at(o.onset)
        << (o.onset_event.empty() ? "" : print::note_html(o.onset_event)) << "</td><td>"
        << since(o.recognised, o.onset) << print::note_html(o.recognised_by) << "</td><td>"
        << since(o.treated, o.onset) << print::note_html(o.treated_by) << "</td></tr>\n";
  }
  p.o << "</tbody></table>\n";
  p.sub("Critical actions");
  p.o << "<table><thead><tr><th class=\"col\">Action</th><th class=\"col\">Window</th><th "
         "class=\"col\">Status</th><th class=\"col\">Taken</th></tr></thead><tbody>\n";
  for (const auto& c : a.critical_actions) {
    p.o << "<tr><td>" << html_escape(c.id) << print::note_html(text::join(c.any_of, " or "))
        << "</td><td>" << html_escape(db::span(c.within_s))
        << html_escape(c.after.empty() ? " of the start" : " of " + c.after) << "</td><td><b>"
        << db::kStatusNames.name(c.status) << "</b></td><td>"
        << (c.taken ? db::clock(*c.taken) + " " + html_escape(c.taken_action) : "—")
        << "</td></tr>\n";
  }
  p.o << "</tbody></table>\n";
}

void harm_alarms(print::Page& p, const db::Analysis& a) {
  const auto& h = a.harm;
  p.sub("Harm exposure");
  p.kv_open();
  p.kv("iCa below " + text::fixed(db::kIcaHarm.value, 1) + " mmol/L",
       text::fixed(units::in_minutes(h.ica_low), 1) + " min" +
           print::note_html(std::string(db::kIcaHarm.source)));
  p.kv("MAP below " + text::fixed(db::kMapHarm.value, 0) + " mmHg",
       text::fixed(units::in_minutes(h.map_low), 1) + " min" +
           print::note_html(std::string(db::kMapHarm.source)));
  p.kv("Lowest iCa; highest T/iCa", text::fixed(units::in_mmol_per_l(h.min_ica), 2) + " mmol/L; " +
                                        text::fixed(units::in_fraction(h.max_ca_ratio), 2));
  p.kv("pH range", text::fixed(units::in_fraction(h.min_ph), 2) + " to " +
                       text::fixed(units::in_fraction(h.max_ph), 2));
  p.kv("Lowest temperature",
       html_escape(text::fixed(sim::in_celsius(h.min_temperature), 1) + " °C"));
  p.kv("Calcium given; citrate load", text::fixed(sim::in_mmol(h.calcium_given), 1) + " mmol; " +
                                          text::fixed(sim::in_mmol(h.citrate_load), 0) + " mmol");
  p.table_close();
  const auto& al = a.alarms;
  p.sub("Alarms");
  std::string line = std::to_string(al.count) + " sounded, " + std::to_string(al.acknowledged) +
                     " acknowledged, " + std::to_string(al.silences) + " silences";
  if (al.median_to_acknowledge) {
    line += "; median time to acknowledge " +
            db::span(static_cast<db::SimTime>(units::in_seconds(*al.median_to_acknowledge)));
  }
  p.para(html_escape(line));
  for (const auto& u : al.unacknowledged_high) {
    p.para("<span class=\"warn\">Never acknowledged (high priority): " + html_escape(u) +
           "</span>");
  }
}

void lists(print::Page& p, const db::Analysis& a) {
  p.sub("Protocol deviations");
  if (a.deviations.empty()) p.missing("None.");
  p.o << "<ul>\n";
  for (const auto& d : a.deviations) {
    p.o << "<li>" << db::clock(d.t) << " " << html_escape(d.action + ": " + d.message) << "</li>\n";
  }
  p.o << "</ul>\n";
  if (!a.instructor_acts.empty()) {
    p.sub("Instructor acts (not scored)");
    p.o << "<ul>\n";
    for (const auto& i : a.instructor_acts) {
      p.o << "<li>" << db::clock(i.t) << " "
          << html_escape(i.action + (i.event.empty() ? "" : " (event " + i.event + ")"))
          << "</li>\n";
    }
    p.o << "</ul>\n";
  }
  p.sub("Prompts");
  p.o << "<ul>\n";
  for (const auto& pr : a.prompts) {
    p.o << "<li>" << html_escape(pr.text)
        << (pr.for_items.empty() ? "" : print::note_html("on " + text::join(pr.for_items)))
        << "</li>\n";
  }
  p.o << "</ul>\n";
}

void charts(print::Page& p, const db::Debrief& d) {
  p.sub("Charts");
  p.para(
      "Vertical lines: trainee actions (solid), instructor acts (dash-dot), alarms "
      "(dashed), events (dotted); hover a line for its name.",
      "note");
  for (const auto& s : d.analysis.charts) {
    p.o << chart_svg(s, d.analysis.markers, d.stage.duration_s);
  }
}

}  // namespace

std::string render_debrief_html(const db::Debrief& d) {
  print::Page p;
  p.o << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Debrief "
      << html_escape(d.stage.scenario) << ", seed " << d.stage.seed << "</title>\n<style>"
      << print::kStyle << "svg.chart { display: block; margin: 2pt 0; }</style></head><body>\n"
      << "<h1>Training simulation debrief</h1>\n<p class=\"sub\">" << html_escape(d.stage.title)
      << "</p>\n<p class=\"disclaimer\">Training simulation — "
      << "not for clinical decisions.</p>\n";
  stage(p, d);
  p.section("Reactions");
  p.para(d.reactions.self_rating ? "Self-rating before the scores: " +
                                       std::to_string(*d.reactions.self_rating) + " of 5"
                                 : std::string("Self-rating: not given."));
  description(p, d);
  p.section("Analysis");
  objectives(p, d.analysis);
  harm_alarms(p, d.analysis);
  lists(p, d.analysis);
  charts(p, d);
  const auto& s = d.analysis.scores;
  p.para(html_escape("Scores: critical actions " + text::fixed(100.0 * s.critical_actions, 0) +
                     " %, alarm handling " + text::fixed(100.0 * s.alarm_handling, 0) +
                     " %, harm avoided " + text::fixed(100.0 * s.harm, 0) + " %; composite " +
                     text::fixed(s.composite, 0) + " of 100."));
  p.section("Summary");
  p.o << "<ul>\n";
  for (const auto& t : d.summary.take_home) p.o << "<li>" << html_escape(t) << "</li>\n";
  p.o << "</ul>\n";
  for (const auto& r : d.summary.references) p.para(html_escape("See: " + r), "note");
  p.o << "<p class=\"foot\">Scenario " << html_escape(d.stage.scenario) << " · seed "
      << d.stage.seed << " · timeline " << d.stage.timeline_sha256.substr(0, 12)
      << " · training simulation, not for clinical decisions</p>\n</body></html>\n";
  return p.o.str();
}

}  // namespace lb::simprint
