#include "report/printable.hpp"

#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "plan/plan.hpp"
#include "text/format.hpp"

namespace lb::report {

namespace {
using nlohmann::json;

constexpr const char* kStyle = R"css(
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; margin: 1.5cm; color: #000; }
h1 { font-size: 15pt; margin: 0 0 4pt 0; } h2 { font-size: 12pt; margin: 14pt 0 4pt 0; border-bottom: 1px solid #000; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0; }
th, td { border: 1px solid #777; padding: 2pt 4pt; text-align: left; vertical-align: top; }
th { background: #eee; } td.num { text-align: right; white-space: nowrap; }
.formula { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; }
.warn { font-weight: bold; } .disclaimer { border: 1px solid #000; padding: 4pt; margin: 6pt 0; }
.sign { display: flex; gap: 24pt; margin-top: 30pt; } .sign div { flex: 1; border-top: 1px solid #000; padding-top: 3pt; }
@page { size: A4; margin: 1.5cm; } @media print { body { margin: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
)css";

// Sections of the plan JSON that hold orders, in print order (README "JSON output").
constexpr std::pair<const char*, const char*> kOrderSections[] = {
    {"volumes", "Volumes"},
    {"exchange", "Exchange"},
    {"replacement", "Replacement fluids"},
    {"anticoagulation", "Anticoagulation and calcium"},
    {"separation", "Separation"},
    {"schedule", "Schedule"},
};

bool is_figure(const json& j) {
  return j.is_object() && j.contains("display") && j.contains("derivation");
}

void figure_rows(const json& section, std::ostringstream& o) {
  for (const auto& [key, value] : section.items()) {
    if (is_figure(value)) {
      const auto& d = value["derivation"];
      o << "<tr><td>" << html_escape(d.value("label", key)) << "</td><td class=\"num\">"
        << html_escape(value.value("display", "")) << "</td><td class=\"formula\">"
        << html_escape(d.value("formula", "")) << "</td></tr>\n";
    } else if (value.is_string() || value.is_number() || value.is_boolean()) {
      o << "<tr><td>" << html_escape(key) << "</td><td class=\"num\">"
        << html_escape(value.is_string() ? value.get<std::string>() : value.dump())
        << "</td><td></td></tr>\n";
    } else if (value.is_object()) {
      figure_rows(value, o);  // nested groups (e.g. predicted post-session values)
    }
  }
}

void eligibility(const json& plan, std::ostringstream& o) {
  o << "<h2>Eligibility</h2>\n";
  if (!plan.contains("eligibility") || plan["eligibility"].is_null()) {
    o << "<p>The protocol states no eligibility rules.</p>\n";
    return;
  }
  const auto& e = plan["eligibility"];
  o << "<p>Verdict: <b>" << html_escape(e.value("verdict", "")) << "</b></p>\n";
  o << "<table><tr><th>rule</th><th>outcome</th><th>message</th><th>override reason</th></tr>\n";
  for (const auto& r : e.value("rules", json::array())) {
    if (!r.value("triggered", false)) continue;
    const bool overridden = r.contains("override_reason") && r["override_reason"].is_string();
    o << "<tr><td>" << html_escape(r.value("id", "")) << "</td><td>"
      << html_escape(r.value("outcome", "")) << "</td><td>" << html_escape(r.value("message", ""))
      << "</td><td" << (overridden ? " class=\"warn\">" : ">")
      << (overridden ? html_escape(r["override_reason"].get<std::string>()) : "") << "</td></tr>\n";
  }
  o << "</table>\n";
}
}  // namespace

std::string html_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string render_printable_html(const records::CourseReview& course) {
  if (course.plans.empty()) {
    throw std::invalid_argument("patient '" + course.patient + "' has no approved plan to print");
  }
  const auto& latest = course.plans.back();
  const auto plan = json::parse(latest.plan.plan_json, nullptr, false);
  if (plan.is_discarded()) throw std::invalid_argument("the stored plan is not JSON");

  std::ostringstream o;
  o << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>LiverBridge plan "
    << html_escape(course.patient) << "</title>\n<style>" << kStyle << "</style></head><body>\n";
  o << "<h1>Plasma-exchange plan and course summary</h1>\n";
  o << "<p class=\"disclaimer\">" << html_escape(plan::kDisclaimer) << "</p>\n";
  o << "<table>\n<tr><th>Patient</th><td>" << html_escape(course.patient) << "</td></tr>\n"
    << "<tr><th>Protocol</th><td>" << html_escape(latest.plan.protocol_id) << " version "
    << html_escape(latest.plan.protocol_version) << "</td></tr>\n"
    << "<tr><th>Protocol SHA-256</th><td class=\"formula\">"
    << html_escape(latest.plan.protocol_sha256) << "</td></tr>\n"
    << "<tr><th>Plan</th><td>record " << latest.plan.id << ", status "
    << html_escape(plan.value("status", "")) << ", approved by "
    << html_escape(latest.plan.approved_by) << " at " << html_escape(latest.plan.approved_at)
    << "</td></tr>\n"
    << "<tr><th>Reproducibility</th><td>"
    << (latest.reproduction.reproduced
            ? "reproduced by LiverBridge " + html_escape(latest.reproduction.current_version)
            : "<b>NOT reproduced</b>: " +
                  html_escape(latest.reproduction.failure.empty()
                                  ? std::to_string(latest.reproduction.differences.size()) +
                                        " values differ"
                                  : latest.reproduction.failure))
    << "</td></tr>\n</table>\n";

  eligibility(plan, o);
  o << "<h2>Orders per session</h2>\n";
  for (const auto& [key, title] : kOrderSections) {
    if (!plan.contains(key) || !plan[key].is_object()) {
      if (std::string(key) == "schedule") o << "<p>Schedule: not part of this plan.</p>\n";
      continue;
    }
    o << "<h3>" << title << "</h3>\n<table><tr><th>order</th><th>value</th><th>formula</th></tr>\n";
    figure_rows(plan[key], o);
    o << "</table>\n";
  }
  const auto findings = [&](const char* key, const char* title) {
    if (!plan.contains(key) || plan[key].empty()) return;
    o << "<h3>" << title << "</h3>\n<ul>\n";
    for (const auto& f : plan[key]) {
      o << "<li class=\"warn\">" << html_escape(f.value("message", "")) << "</li>\n";
    }
    o << "</ul>\n";
  };
  findings("errors", "Errors");
  findings("warnings", "Warnings");

  o << "<h2>Sessions performed</h2>\n";
  if (course.sessions.empty()) {
    o << "<p>None yet.</p>\n";
  } else {
    o << "<table><tr><th>#</th><th>start</th><th>end</th><th>item</th><th>planned</th>"
         "<th>actual</th><th>deviation</th></tr>\n";
    for (const auto& s : course.sessions) {
      bool first = true;
      for (const auto& c : s.comparisons) {
        o << "<tr>";
        if (first) {
          o << "<td rowspan=\"" << s.comparisons.size() << "\">" << s.number
            << "</td><td rowspan=\"" << s.comparisons.size() << "\">" << html_escape(s.started)
            << "</td><td rowspan=\"" << s.comparisons.size() << "\">" << html_escape(s.ended)
            << "</td>";
          first = false;
        }
        o << "<td>" << html_escape(c.label) << "</td><td class=\"num\">" << html_escape(c.planned)
          << "</td><td class=\"num\">" << html_escape(c.actual) << "</td><td class=\"num"
          << (c.beyond_tolerance ? " warn" : "") << "\">"
          << (c.deviation ? text::fixed(*c.deviation * 100, 1) + " %" : "")
          << (c.beyond_tolerance ? " (beyond tolerance)" : "") << "</td></tr>\n";
      }
    }
    o << "</table>\n";
  }
  if (course.next_session_volume) {
    o << "<p><b>Next session, model estimate (not an order):</b> "
      << html_escape(text::shown(course.next_session_volume->how.shown)) << " from "
      << html_escape(course.next_session_basis) << ".</p>\n";
  }
  o << "<div class=\"sign\"><div>Prescribing physician (name, signature, date)</div>"
       "<div>Checked by (name, signature, date)</div><div>Apheresis nurse (name, signature, "
       "date)</div></div>\n";
  o << "</body></html>\n";
  return o.str();
}

}  // namespace lb::report
