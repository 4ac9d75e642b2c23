// The course as performed: each recorded session against the plan (as the
// records review compared it), the course summary and the signature lines.
#include <cmath>

#include "print/formats.hpp"
#include "print/printable.hpp"
#include "print/sections.hpp"
#include "text/format.hpp"

namespace lb::print {

namespace {
using report::html_escape;

std::string assessment_html(const records::Comparison& c) {
  if (c.beyond_tolerance) return "<span class=\"flag\">BEYOND TOLERANCE</span>";
  if (c.deviation && c.tolerance) return "within tolerance";
  return c.note.empty() ? "—" : html_escape(c.note);
}

void comparisons_table(Page& p, const records::SessionReview& s) {
  p.o << "<table class=\"performed\"><thead><tr><th class=\"col\">Item</th><th class=\"col "
         "num\">Planned</th><th class=\"col num\">Actual</th><th class=\"col "
         "num\">Deviation</th><th class=\"col num\">Tolerance</th><th "
         "class=\"col\">Assessment</th></tr></thead><tbody>\n";
  for (const auto& c : s.comparisons) {
    p.o << "<tr" << (c.beyond_tolerance ? " class=\"beyond\"" : "") << "><td>"
        << html_escape(c.label) << "</td><td class=\"num\">"
        << (c.planned.empty() ? "—" : html_escape(c.planned)) << "</td><td class=\"num\">"
        << (c.actual.empty() ? "—" : html_escape(c.actual)) << "</td><td class=\"num\">"
        << (c.deviation ? html_escape(signed_percent(*c.deviation)) : "—")
        << "</td><td class=\"num\">"
        << (c.tolerance ? "±" + text::fixed(units::in_percent(*c.tolerance), 0) + " %"
                        : "not stated")
        << "</td><td>" << assessment_html(c) << "</td></tr>\n";
  }
  p.o << "</tbody></table>\n";
}

void labs_table(Page& p, const records::SessionReview& s) {
  if (s.labs.empty()) return;
  p.o << "<table class=\"observed\"><thead><tr><th class=\"col\">Lab</th><th class=\"col "
         "num\">Pre</th><th class=\"col num\">Post</th><th class=\"col num\">Post drawn "
         "after the end</th><th class=\"col num\">Post/pre</th><th class=\"col\">Note</th>"
         "</tr></thead><tbody>\n";
  for (const auto& l : s.labs) {
    p.o << "<tr><td>" << html_escape(analyte_label(l.analyte)) << "</td><td class=\"num\">"
        << html_escape(l.pre) << "</td><td class=\"num\">" << html_escape(l.post)
        << "</td><td class=\"num\">" << text::fixed(units::in_hours(l.after_end), 1) << " h"
        << (l.equilibrated ? "" : " (early)") << "</td><td class=\"num\">"
        << (l.observed_ratio ? text::fixed(units::in_fraction(*l.observed_ratio), 2) : "—")
        << "</td><td>" << html_escape(l.note) << "</td></tr>\n";
  }
  p.o << "</tbody></table>\n";
}

void corrections_list(Page& p, const records::SessionReview& s) {
  if (s.corrections.empty()) return;
  p.para("<b>Corrections to this record</b> (from the audit trail):");
  p.o << "<ul>\n";
  for (const auto& c : s.corrections) {
    p.o << "<li>" << html_escape(c.field) << ": " << html_escape(c.previous_value) << " → "
        << html_escape(c.new_value) << ", by " << html_escape(c.actor) << " at "
        << html_escape(utc_when(c.at_utc)) << ", reason: " << html_escape(c.reason) << "</li>\n";
  }
  p.o << "</ul>\n";
}

struct Totals {
  std::optional<units::Volume> plasma;
  std::optional<units::Mass> albumin;
  std::optional<long> ffp_units;
};

/// What the recorded sessions delivered, from the typed session records.
Totals delivered(const std::vector<records::SessionRecord>& performed) {
  Totals t;
  for (const auto& s : performed) {
    if (const auto v = s.data.plasma_removed.quantity().as<units::Volume>()) {
      t.plasma = t.plasma.value_or(units::milliliters(0)) + *v;
    }
    if (s.data.ffp_units) t.ffp_units = t.ffp_units.value_or(0) + *s.data.ffp_units;
    if (const auto m = s.data.albumin_used ? s.data.albumin_used->quantity().as<units::Mass>()
                                           : std::nullopt) {
      t.albumin = t.albumin.value_or(units::Mass::from_value(0.0)) + *m;
    }
  }
  return t;
}

/// " of 40 units planned for the course" when the plan states the course total.
std::string of_planned(const report::StoredFigure& planned) {
  return planned.present() ? " of " + html_escape(planned.display) + " planned for the course"
                           : std::string();
}

void delivered_rows(Page& p, const StoredPlan& plan,
                    const std::vector<records::SessionRecord>& performed) {
  const auto t = delivered(performed);
  if (t.plasma) {
    p.kv("Plasma removed, total",
         html_escape(text::grouped(std::round(units::in_milliliters(*t.plasma)), 0)) +
             " mL (plan: " + html_escape(plan.exchange.volume_per_session.display) +
             " per session)");
  }
  if (t.ffp_units) {
    p.kv("FFP given, total",
         std::to_string(*t.ffp_units) + " units" +
             (plan.replacement ? of_planned(plan.replacement->ffp_units_course) : ""));
  }
  if (t.albumin) {
    p.kv("Albumin given, total",
         html_escape(text::fixed(units::in_grams(*t.albumin), 1)) + " g" +
             (plan.replacement ? of_planned(plan.replacement->albumin_grams_course) : ""));
  }
}

}  // namespace

void sessions_performed(Page& p, const records::CourseReview& course) {
  p.section("Sessions performed");
  if (course.sessions.empty()) {
    p.missing("No sessions recorded yet.");
    return;
  }
  for (const auto& s : course.sessions) {
    const std::string start = utc_readable(s.started);
    const std::string end = utc_readable(s.ended);
    p.sub("Session " + std::to_string(s.number) + ": " + html_escape(start) + " to " +
          html_escape(date_of(end) == date_of(start) ? clock_of(end) : end) +
          " UTC, under plan record " + s.plan_id.str());
    comparisons_table(p, s);
    std::string events;
    for (const auto& e : s.adverse_events) events += (events.empty() ? "" : ", ") + event_words(e);
    p.para("<b>Adverse events:</b> " +
           (events.empty() ? std::string("none recorded") : html_escape(events)) +
           (s.adverse_event_notes.empty() ? "" : ". Note: " + html_escape(s.adverse_event_notes)));
    labs_table(p, s);
    corrections_list(p, s);
  }
}

void course_summary(Page& p, const records::CourseReview& course, const StoredPlan& plan,
                    const std::vector<records::SessionRecord>& performed) {
  p.section("Course summary");
  p.kv_open();
  p.kv("Sessions performed",
       std::to_string(course.sessions.size()) +
           (plan.sessions_planned ? " of " + std::to_string(*plan.sessions_planned) + " planned"
                                  : std::string()));
  delivered_rows(p, plan, performed);
  std::string beyond;
  std::string events;
  for (const auto& s : course.sessions) {
    for (const auto& c : s.comparisons) {
      if (!c.beyond_tolerance) continue;
      beyond += (beyond.empty() ? "" : "; ") + std::string("session ") + std::to_string(s.number) +
                ": " + c.label + (c.deviation ? " " + signed_percent(*c.deviation) : "");
    }
    for (const auto& e : s.adverse_events) {
      events += (events.empty() ? "" : "; ") + std::string("session ") + std::to_string(s.number) +
                ": " + event_words(e);
    }
  }
  p.kv("Deviations beyond tolerance",
       beyond.empty() ? std::string("none")
                      : "<span class=\"warn\">" + html_escape(beyond) + "</span>");
  p.kv("Adverse events", events.empty() ? std::string("none recorded") : html_escape(events));
  if (course.next_session_volume) {
    p.kv("Next session: model estimate",
         "<b>" + html_escape(text::shown(course.next_session_volume->how.shown)) +
             "</b> per session, from " + html_escape(course.next_session_basis) +
             ". <span class=\"warn\">A model estimate for the team, not an order.</span>");
  } else {
    p.kv("Next session: model estimate",
         "none (needs a re-equilibrated post-session value of a modelled lab)");
  }
  p.kv("Audit trail",
       course.audit_chain_problem.empty()
           ? std::string("hash chain verified")
           : "<span class=\"flag\">PROBLEM</span>: " + html_escape(course.audit_chain_problem));
  p.table_close();
}

void signatures(Page& p) {
  p.o << "<div class=\"sign-block\">\n";
  p.section("Signatures");
  p.para("By signing, I confirm that I have checked the orders above against the patient.", "note");
  p.o << "<table class=\"sign\"><thead><tr><th class=\"col\"></th><th class=\"col\">Prescribing "
         "physician</th><th class=\"col\">Checked by</th><th class=\"col\">Apheresis "
         "nurse</th></tr></thead><tbody>\n";
  for (const char* line : {"Name", "Signature", "Date", "Time"}) {
    p.o << "<tr><th>" << line << "</th><td></td><td></td><td></td></tr>\n";
  }
  p.o << "</tbody></table>\n</div>\n";
}

}  // namespace lb::print
