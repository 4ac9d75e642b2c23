// The course as planned: the schedule (dated, or in hours from session 1), the
// predicted labs per solute and the stop criteria.
#include "print/formats.hpp"
#include "print/printable.hpp"
#include "print/sections.hpp"

namespace lb::print {

namespace {
using report::html_escape;

struct ScheduleCells {
  std::string date, start, end, labs;
};

ScheduleCells cells(const report::StoredSession& row, bool dated) {
  ScheduleCells c;
  if (dated && row.start) {
    const std::string st = local_when(*row.start);
    const std::string en = local_when(row.end.value_or(""));
    c.date = date_of(st);
    c.start = clock_of(st);
    c.end = clock_of(en) + (date_of(en) != c.date ? " (" + date_of(en) + ")" : "");
    c.labs = without_year(local_when(row.labs_due.value_or("")));
  } else {
    c.start = "+" + row.start_offset.display;
    c.end = "+" + row.end_offset.display;
    c.labs = "+" + row.labs_due_offset.display;
  }
  return c;
}

void schedule_intro(Page& p, const report::StoredSchedule& s) {
  std::string intro = html_escape(s.summary);
  intro += s.start ? ", starting " + html_escape(local_when(*s.start)) + " (local time)"
                   : ". No start date was given: times are hours from the start of session 1.";
  p.para(intro);
  std::string facts;
  if (s.session_duration.present()) {
    facts +=
        "Session time used for the schedule: " + html_escape(s.session_duration.display) + ". ";
  }
  if (s.labs_after.present()) {
    facts += "Efficacy labs " + html_escape(s.labs_after.display) +
             " after the end of each session (ASFA 2023: at least 12 h, after redistribution).";
  }
  if (!facts.empty()) p.para(facts, "note");
}

}  // namespace

void schedule_section(Page& p, const StoredPlan& plan) {
  p.section("Schedule");
  if (!plan.schedule) {
    p.missing("No schedule: the plan is for one session; book each session separately.");
    return;
  }
  const auto& s = *plan.schedule;
  const bool dated = s.start.has_value();
  schedule_intro(p, s);

  // The FFP column only when the plan orders FFP units.
  const report::StoredFigure* ffp_units = nullptr;
  if (plan.replacement && plan.replacement->ffp_units.present() &&
      plan.replacement->ffp_units.quantity.value_or(0) > 0) {
    ffp_units = &plan.replacement->ffp_units;
  }
  p.o << "<table class=\"schedule\"><thead><tr><th class=\"col num\">#</th><th "
         "class=\"col num\">Day</th>"
      << (dated ? "<th class=\"col\">Date</th>" : "")
      << "<th class=\"col\">Start</th><th class=\"col\">End</th><th class=\"col num\">Exchange "
         "volume</th>"
      << (ffp_units != nullptr ? "<th class=\"col num\">FFP units</th>" : "")
      << "<th class=\"col\">Efficacy labs due</th><th class=\"col\">Re-assess</th><th "
         "class=\"col\">Eligibility re-check</th></tr></thead><tbody>\n";
  for (const auto& row : s.sessions) {
    const auto c = cells(row, dated);
    p.o << "<tr class=\"session-row\"><td class=\"num\">" << row.number << "</td><td class=\"num\">"
        << row.day << "</td>" << (dated ? "<td class=\"t\">" + html_escape(c.date) + "</td>" : "")
        << "<td class=\"t\">" << html_escape(c.start)
        << (row.moved.empty() ? "" : note_html(row.moved)) << "</td><td class=\"t\">"
        << html_escape(c.end) << "</td><td class=\"num\">"
        << html_escape(row.exchange_volume.display) << "</td>"
        << (ffp_units != nullptr ? "<td class=\"num\">" + html_escape(ffp_units->display) + "</td>"
                                 : "")
        << "<td class=\"t\">" << html_escape(c.labs) << "</td><td>"
        << (row.reassess ? "<span class=\"flag\">RE-ASSESS</span>" : "no") << "</td><td>"
        << html_escape(row.eligibility_text) << "</td></tr>\n";
  }
  if (s.sessions.empty()) {
    p.o << "<tr><td colspan=\"10\" class=\"muted\">no sessions scheduled</td></tr>\n";
  }
  p.o << "</tbody></table>\n";
  std::string warnings;
  for (const auto& w : s.warnings) warnings += "<li class=\"warn\">" + html_escape(w) + "</li>";
  if (!warnings.empty()) p.o << "<ul>" << warnings << "</ul>\n";
}

void predicted_labs(Page& p, const StoredPlan& plan) {
  p.section("Predicted labs");
  if (plan.kinetics.empty()) {
    p.missing("The protocol models no lab values: no prediction.");
    return;
  }
  p.para(
      "Before the session → immediately after* → at the efficacy labs. <b>*Immediately-post "
      "values are not comparable with pre-session values</b>: the extravascular pool refills "
      "the plasma afterwards; judge the effect on the efficacy labs.",
      "note");
  p.o << "<table class=\"labs\"><thead><tr><th class=\"col\">Lab (model)</th><th "
         "class=\"col num\">Session</th><th class=\"col num\">Before</th><th class=\"col "
         "num\">Immediately after*</th><th class=\"col num\">At the efficacy labs</th></tr>"
         "</thead><tbody>\n";
  std::string not_predicted;
  for (const auto& k : plan.kinetics) {
    if (!k.predicted) {
      not_predicted +=
          "<li>" + html_escape(analyte_label(k.solute)) + ": " + html_escape(k.reason) + "</li>";
      continue;
    }
    // Predicted values carry their band ("model estimate 157–218 µmol/L"), never a bare point;
    // plans stored before bands existed show their single value.
    const auto at = [](const std::vector<report::StoredFigure>& list, std::size_t j) {
      if (j >= list.size()) return std::string();
      return html_escape(list[j].band.empty() ? list[j].display : list[j].band);
    };
    for (std::size_t i = 0; i < k.pre.size(); ++i) {
      p.o << "<tr>";
      if (i == 0) {
        p.o << "<td rowspan=\"" << k.pre.size() << "\"><b>" << html_escape(analyte_label(k.solute))
            << "</b>" << note_html(code_words(k.model)) << "</td>";
      }
      p.o << "<td class=\"num\">" << i + 1 << "</td><td class=\"num\">" << at(k.pre, i)
          << "</td><td class=\"num\">" << at(k.post, i) << "*</td><td class=\"num\">"
          << at(k.next_day, i) << "</td></tr>\n";
    }
  }
  p.o << "</tbody></table>\n";
  if (!not_predicted.empty()) p.o << "<p>Not predicted:</p><ul>" << not_predicted << "</ul>\n";
}

void stop_criteria(Page& p, const StoredPlan& plan) {
  p.section("Stop criteria");
  if (!plan.schedule || plan.schedule->stop_criteria.empty()) {
    p.missing("The protocol states no stop criteria: the team decides when to stop.");
    return;
  }
  p.o << "<ul>\n";
  for (const auto& s : plan.schedule->stop_criteria) {
    std::string when = s.text;
    if (s.met_after) {
      when += " (predicted to be met after session " + std::to_string(*s.met_after) + ")";
    }
    p.o << "<li><b>" << html_escape(s.criterion) << "</b>: " << html_escape(when) << "</li>\n";
  }
  p.o << "</ul>\n";
}

}  // namespace lb::print
