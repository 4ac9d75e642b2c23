#include "records/review_render.hpp"

#include <sstream>

#include "plan/plan.hpp"
#include "records/analytes.hpp"
#include "report/course_report.hpp"
#include "report/plan_json.hpp"
#include "text/format.hpp"
#include "text/markdown.hpp"
#include "text/utf8.hpp"

namespace lb::records {

namespace {
using nlohmann::json;

// Everything printed here was read from a database, and a database written before ids,
// names and reasons were checked (or edited by hand) may hold control characters or bytes
// that are not UTF-8: they are printed escaped, never sent raw to a terminal or a page.
std::string safe(const std::string& s) { return text::escaped(s); }
std::string md(const std::string& s) { return text::md_escape(text::escaped(s)); }

std::string percent(units::Fraction deviation) {
  const double p = units::in_percent(deviation);
  return (p > 0 ? "+" : "") + text::fixed(p, 1) + " %";
}

std::string reproduction_line(const Reproduction& r) {
  if (!r.failure.empty()) return "NOT REPRODUCIBLE: " + r.failure;
  if (r.reproduced) return "reproduced (re-run from the stored input gives the stored plan)";
  return "DIFFERS from the stored plan in " + std::to_string(r.differences.size()) +
         " value(s) (stored by LiverBridge " + r.stored_version + ", re-run by " +
         r.current_version + ")";
}

std::string tolerances_line(const ReviewParameters& p) {
  std::string t;
  for (const auto& [item, value] : p.tolerances) {
    t += (t.empty() ? "" : ", ") + item + " ±" + text::fixed(units::in_percent(value), 0) + " %";
  }
  return (t.empty() ? "none stated (deviations shown, not assessed)" : t) +
         "; labs re-equilibrated " + text::fixed(units::in_hours(p.equilibration), 0) +
         " h after the end";
}

std::string refit_line(const LabReview& l) {
  std::string s;
  if (l.refit) {
    s = "predicted " + text::fixed(units::in_fraction(l.refit->predicted_ratio.value), 3);
    if (l.refit->fitted_fraction) {
      s += ", fitted f " + text::fixed(units::in_fraction(l.refit->fitted_fraction->value), 2) +
           " (published: " + l.refit->published_fraction + ")";
    }
    if (l.refit->replanned_volume) {
      s +=
          ", re-planned " + text::shown(l.refit->replanned_volume->how.shown) + " (model estimate)";
    }
  }
  if (!l.note.empty()) s += (s.empty() ? "" : "; ") + l.note;
  return s;
}

std::string refit_heading(const CourseRefit& r) {
  return analyte_label(r.analyte) + (r.from ? ", from the latest draw " + draw_text(*r.from) : "");
}

json draw_json(const Draw& d) {
  return {
      {"session", d.session}, {"timing", d.timing}, {"drawn_at", d.drawn_at}, {"value", d.value}};
}

json refit_json(const CourseRefit& r) {
  json fitted = json::array();
  for (const auto& f : r.fitted) {
    json draws = json::array();
    for (const auto& d : f.draws) draws.push_back(draw_json(d));
    fitted.push_back({{"name", f.name},
                      {"value", f.value},
                      {"published", f.published},
                      {"draws", draws},
                      {"derivation", report::derivation_json(f.how)}});
  }
  json j = {{"analyte", r.analyte},
            {"model_estimate", true},
            {"from", r.from ? draw_json(*r.from) : json()},
            {"fitted", fitted},
            {"kept", r.kept},
            {"note", r.note}};
  if (r.next && !r.next->sessions.empty()) {
    const auto& v = r.next->sessions.front();
    j["next"] = {
        {"trend", r.next->generation_basis},
        {"post", report::banded_json(r.next->solute, v.post.how, v.post_band)},
        {"next_day", report::banded_json(r.next->solute, v.next_day.how, v.next_day_band)}};
  } else {
    j["next"] = nullptr;
  }
  return j;
}
}  // namespace

std::string fitted_line(const FittedParameter& p) {
  return p.name + ": " + p.value + " from " + draws_text(p.draws) + "; published: " + p.published;
}

std::string refit_estimate_line(const CourseRefit& r) {
  if (!r.next || r.next->sessions.empty()) return "no estimate: " + r.note;
  const auto& v = r.next->sessions.front();
  return "after one session like the latest: " + kinetics::band_text(r.next->solute, v.post_band) +
         " immediately after (not comparable with pre values), " +
         kinetics::band_text(r.next->solute, v.next_day_band) + " at the efficacy labs";
}

json review_json(const CourseReview& review) {
  json plans = json::array();
  for (const auto& p : review.plans) {
    json diffs = json::array();
    for (const auto& d : p.reproduction.differences) {
      diffs.push_back({{"path", d.path}, {"stored", d.stored}, {"rerun", d.rerun}});
    }
    json tolerances = json::object();
    for (const auto& [item, value] : p.parameters.tolerances) {
      tolerances[item] = units::in_fraction(value);
    }
    plans.push_back(
        {{"id", p.plan.id.raw()},
         {"protocol",
          {{"id", p.plan.protocol_id},
           {"version", p.plan.protocol_version},
           {"sha256", p.plan.protocol_sha256}}},
         {"approved_by", p.plan.approved_by},
         {"approved_at", p.plan.approved_at},
         {"overrides", json::parse(p.plan.overrides_json, nullptr, false)},
         {"course_start", p.plan.course_start.empty() ? json(nullptr) : json(p.plan.course_start)},
         {"software_version", p.plan.software_version},
         {"reproduction",
          {{"reproduced", p.reproduction.reproduced},
           {"failure", p.reproduction.failure},
           {"differences", diffs}}},
         {"tolerances", tolerances},
         {"equilibration_hours", units::in_hours(p.parameters.equilibration)}});
  }
  json sessions = json::array();
  for (const auto& s : review.sessions) {
    json comparisons = json::array();
    for (const auto& c : s.comparisons) {
      json j = {{"item", c.item},
                {"planned", c.planned},
                {"actual", c.actual},
                {"beyond_tolerance", c.beyond_tolerance},
                {"note", c.note}};
      j["deviation"] = c.deviation ? json(units::in_fraction(*c.deviation)) : json(nullptr);
      j["tolerance"] = c.tolerance ? json(units::in_fraction(*c.tolerance)) : json(nullptr);
      comparisons.push_back(j);
    }
    json labs = json::array();
    for (const auto& l : s.labs) {
      json j = {{"analyte", l.analyte},
                {"pre", l.pre},
                {"post", l.post},
                {"hours_after_end", units::in_hours(l.after_end)},
                {"equilibrated", l.equilibrated},
                {"note", l.note}};
      j["observed_ratio"] =
          l.observed_ratio ? json(units::in_fraction(*l.observed_ratio)) : json(nullptr);
      if (l.refit) {
        j["predicted_ratio"] = report::derivation_json(l.refit->predicted_ratio.how);
        if (l.refit->fitted_fraction) {
          j["fitted_fraction"] = report::derivation_json(l.refit->fitted_fraction->how);
          j["published_fraction"] = l.refit->published_fraction;
        }
        if (l.refit->replanned_volume) {
          j["replanned_volume"] = report::derivation_json(l.refit->replanned_volume->how);
        }
      }
      labs.push_back(j);
    }
    json corrections = json::array();
    for (const auto& e : s.corrections) {
      corrections.push_back({{"at", e.at_utc},
                             {"by", e.actor},
                             {"field", e.field},
                             {"previous", e.previous_value},
                             {"new", e.new_value},
                             {"reason", e.reason}});
    }
    sessions.push_back({{"number", s.number},
                        {"id", s.session_id.raw()},
                        {"plan", s.plan_id.raw()},
                        {"started_at", s.started},
                        {"ended_at", s.ended},
                        {"comparisons", comparisons},
                        {"adverse_events", s.adverse_events},
                        {"adverse_event_notes", s.adverse_event_notes},
                        {"labs", labs},
                        {"corrections", corrections}});
  }
  json out = {{"disclaimer", plan::kDisclaimer},
              {"patient", review.patient.str()},
              {"plans", plans},
              {"sessions", sessions},
              {"audit_chain_ok", review.audit_chain_problem.empty()},
              {"audit_chain_problem", review.audit_chain_problem}};
  json refits = json::array();
  for (const auto& r : review.refits) refits.push_back(refit_json(r));
  out["refits"] = refits;
  if (review.next_session_volume) {
    out["next_session"] = {{"basis", review.next_session_basis},
                           {"model_estimate", true},
                           {"volume", report::derivation_json(review.next_session_volume->how)}};
  } else {
    out["next_session"] = nullptr;
  }
  return out;
}

std::string render_review_text(const CourseReview& r) {
  std::ostringstream o;
  o << "Course review: patient " << safe(r.patient.str()) << "\n" << plan::kDisclaimer << "\n\n";
  for (const auto& p : r.plans) {
    o << "Plan " << p.plan.id.str() << ": protocol " << safe(p.plan.protocol_id) << " "
      << safe(p.plan.protocol_version) << " (sha256 " << safe(p.plan.protocol_sha256.substr(0, 12))
      << "…), approved by " << safe(p.plan.approved_by) << " at " << safe(p.plan.approved_at)
      << "\n";
    if (p.plan.overrides_json != "[]") o << "  overrides: " << safe(p.plan.overrides_json) << "\n";
    o << "  " << reproduction_line(p.reproduction) << "\n";
    for (const auto& d : p.reproduction.differences) {
      o << "    " << safe(d.path) << ": stored " << safe(d.stored) << ", now " << safe(d.rerun)
        << "\n";
    }
    o << "  tolerances: " << tolerances_line(p.parameters) << "\n";
  }
  if (r.plans.empty()) o << "No approved plan.\n";
  o << "\n";
  for (const auto& s : r.sessions) {
    o << "Session " << s.number << " (record " << s.session_id.str() << ", plan " << s.plan_id.str()
      << "): " << safe(s.started) << " to " << safe(s.ended) << "\n";
    o << "  " << text::pad_right("item", 32) << text::pad_right("planned", 14)
      << text::pad_right("actual", 14) << "deviation\n";
    for (const auto& c : s.comparisons) {
      o << (c.beyond_tolerance ? "!!" : "  ") << text::pad_right(safe(c.label), 32)
        << text::pad_right(c.planned.empty() ? "-" : safe(c.planned), 14)
        << text::pad_right(c.actual.empty() ? "-" : safe(c.actual), 14)
        << (c.deviation ? percent(*c.deviation) : "-")
        << (c.note.empty() ? "" : "  " + safe(c.note)) << "\n";
    }
    if (!s.adverse_events.empty()) {
      o << "  adverse events:";
      for (const auto& e : s.adverse_events) o << " " << safe(e);
      o << (s.adverse_event_notes.empty() ? "" : " (" + safe(s.adverse_event_notes) + ")") << "\n";
    }
    for (const auto& l : s.labs) {
      o << "  lab " << safe(analyte_label(l.analyte)) << ": " << safe(l.pre) << " -> "
        << safe(l.post) << " (" << text::fixed(units::in_hours(l.after_end), 1) << " h after end)";
      if (l.observed_ratio)
        o << ", post/pre " << text::fixed(units::in_fraction(*l.observed_ratio), 3);
      const auto line = refit_line(l);
      o << (line.empty() ? "" : "; " + safe(line)) << "\n";
    }
    for (const auto& e : s.corrections) {
      o << "  corrected " << safe(e.field) << ": " << safe(e.previous_value) << " -> "
        << safe(e.new_value) << " by " << safe(e.actor) << " at " << safe(e.at_utc) << " ("
        << safe(e.reason) << ")\n";
    }
    o << "\n";
  }
  if (r.sessions.empty()) o << "No session recorded.\n\n";
  if (r.next_session_volume) {
    o << "Next session (MODEL ESTIMATE, not an order): "
      << text::shown(r.next_session_volume->how.shown) << " from " << safe(r.next_session_basis)
      << "\n";
    o << "  " << r.next_session_volume->how.formula << "\n";
  } else {
    o << "Next session: no model estimate (no re-equilibrated pre/post pair the protocol models)\n";
  }
  if (!r.refits.empty()) {
    o << "Next-session course refitted to the patient's own draws (MODEL ESTIMATE, not an "
         "order):\n";
  }
  for (const auto& f : r.refits) {
    o << "  " << refit_heading(f) << "\n";
    for (const auto& p : f.fitted) {
      o << "    fitted " << safe(fitted_line(p)) << "\n";
      o << "      " << safe(p.how.formula) << "\n";
    }
    for (const auto& k : f.kept) o << "    kept " << k << "\n";
    o << "    " << refit_estimate_line(f) << "\n";
  }
  o << (r.audit_chain_problem.empty() ? "Audit trail: hash chain verified\n"
                                      : "Audit trail: " + safe(r.audit_chain_problem) + "\n");
  return o.str();
}

std::string render_review_markdown(const CourseReview& r) {
  std::ostringstream o;
  o << "# Course review: patient " << md(r.patient.str()) << "\n\n> " << plan::kDisclaimer
    << "\n\n";
  o << "## Plans\n\n";
  for (const auto& p : r.plans) {
    o << "* **Plan " << p.plan.id.str() << "**: protocol `" << safe(p.plan.protocol_id) << "` "
      << md(p.plan.protocol_version) << " (sha256 `" << safe(p.plan.protocol_sha256)
      << "`), approved by " << md(p.plan.approved_by) << " at " << md(p.plan.approved_at) << "\n";
    if (p.plan.overrides_json != "[]")
      o << "  * overrides: `" << safe(p.plan.overrides_json) << "`\n";
    o << "  * " << reproduction_line(p.reproduction) << "\n";
    for (const auto& d : p.reproduction.differences) {
      o << "    * `" << safe(d.path) << "`: stored `" << safe(d.stored) << "`, now `"
        << safe(d.rerun) << "`\n";
    }
    o << "  * tolerances: " << tolerances_line(p.parameters) << "\n";
  }
  for (const auto& s : r.sessions) {
    o << "\n## Session " << s.number << " (" << md(s.started) << " to " << md(s.ended) << ")\n\n";
    o << "| item | planned | actual | deviation | note |\n|---|---|---|---|---|\n";
    for (const auto& c : s.comparisons) {
      const std::string dev = c.deviation ? percent(*c.deviation) : "-";
      o << "| " << md(c.label) << " | " << (c.planned.empty() ? "-" : md(c.planned)) << " | "
        << (c.actual.empty() ? "-" : md(c.actual)) << " | "
        << (c.beyond_tolerance ? "**" + dev + "**" : dev) << " | " << md(c.note) << " |\n";
    }
    if (!s.adverse_events.empty()) {
      o << "\nAdverse events:";
      for (const auto& e : s.adverse_events) o << " " << md(e);
      o << (s.adverse_event_notes.empty() ? "" : " (" + md(s.adverse_event_notes) + ")") << "\n";
    }
    if (!s.labs.empty()) {
      o << "\n| lab | pre | post | h after end | post/pre | model |\n|---|---|---|---|---|---|\n";
      for (const auto& l : s.labs) {
        o << "| " << md(analyte_label(l.analyte)) << " | " << md(l.pre) << " | " << md(l.post)
          << " | " << text::fixed(units::in_hours(l.after_end), 1) << " | "
          << (l.observed_ratio ? text::fixed(units::in_fraction(*l.observed_ratio), 3) : "-")
          << " | " << md(refit_line(l)) << " |\n";
      }
    }
    for (const auto& e : s.corrections) {
      o << "\n* corrected `" << safe(e.field) << "`: " << md(e.previous_value) << " → "
        << md(e.new_value) << " by " << md(e.actor) << " at " << md(e.at_utc) << " ("
        << md(e.reason) << ")";
    }
    if (!s.corrections.empty()) o << "\n";
  }
  o << "\n## Next session\n\n";
  if (r.next_session_volume) {
    o << "**Model estimate, not an order:** " << text::shown(r.next_session_volume->how.shown)
      << " from " << md(r.next_session_basis) << " (`" << r.next_session_volume->how.formula
      << "`)\n";
  } else {
    o << "No model estimate (no re-equilibrated pre/post pair the protocol models).\n";
  }
  if (!r.refits.empty()) {
    o << "\n### Refitted to the patient's own draws (model estimate, not an order)\n";
  }
  for (const auto& f : r.refits) {
    o << "\n**" << text::md_escape(refit_heading(f)) << "**\n\n";
    for (const auto& p : f.fitted) {
      o << "* fitted " << md(fitted_line(p)) << " (`" << safe(p.how.formula) << "`)\n";
    }
    for (const auto& k : f.kept) o << "* kept " << text::md_escape(k) << "\n";
    o << "* " << text::md_escape(refit_estimate_line(f)) << "\n";
  }
  o << "\n"
    << (r.audit_chain_problem.empty() ? "Audit trail: hash chain verified.\n"
                                      : "Audit trail: " + md(r.audit_chain_problem) + "\n");
  return o.str();
}

}  // namespace lb::records
