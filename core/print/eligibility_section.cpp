// Eligibility: the stored verdict, every rule with its stored outcome and the
// values that decided it, and the overrides recorded at approval.
#include <nlohmann/json.hpp>

#include "print/formats.hpp"
#include "print/printable.hpp"
#include "print/sections.hpp"

namespace lb::print {

namespace {
using report::html_escape;

std::string decided_by_html(const report::StoredRule& rule) {
  std::string out;
  for (const auto& d : rule.decided_by) {
    std::string line = html_escape(d.name) + " = <b>" + html_escape(d.shown) + "</b>";
    if (!d.condition.empty()) {
      line += " <span class=\"note\">(rule: " + html_escape(d.condition) + ")</span>";
    }
    out += (out.empty() ? "" : "<br>") + line;
  }
  return out.empty() ? "<span class=\"muted\">no value</span>" : out;
}

void rules_table(Page& p, const std::vector<report::StoredRule>& rules) {
  p.o << "<table class=\"rules\"><thead><tr><th class=\"col\">Rule</th><th "
         "class=\"col\">Kind / severity</th><th class=\"col\">Outcome</th><th "
         "class=\"col\">Deciding values</th><th class=\"col\">Message (source)</th><th "
         "class=\"col\">Override reason</th></tr></thead><tbody>\n";
  for (const auto& r : rules) {
    p.o << "<tr class=\"rule" << (r.triggered ? " triggered" : "") << "\"><td class=\"mono\">"
        << html_escape(r.id) << "</td><td>" << html_escape(r.kind) << ", "
        << html_escape(r.severity) << "</td><td>" << html_escape(short_words(r.outcome))
        << (r.triggered ? "<br><span class=\"flag\">flagged</span>" : "") << "</td><td>"
        << decided_by_html(r) << "</td><td>" << html_escape(r.message)
        << (r.source.empty() ? "" : " <span class=\"note\">(" + html_escape(r.source) + ")</span>")
        << "</td><td" << (r.override_reason.empty() ? ">" : " class=\"warn\">")
        << html_escape(r.override_reason) << "</td></tr>\n";
  }
  p.o << "</tbody></table>\n";
  p.para(
      "Flagged: the rule counts against the verdict (an indication not met or a "
      "contraindication present).",
      "note");
}

/// The overrides of the plan record: [["rule", "reason"], ...] as the store keeps them.
std::string overrides_html(const std::string& overrides_json) {
  const auto overrides = nlohmann::json::parse(overrides_json, nullptr, false);
  std::string list;
  if (!overrides.is_array()) return list;
  for (const auto& pair : overrides) {
    if (pair.is_array() && pair.size() == 2 && pair[0].is_string() && pair[1].is_string()) {
      list += "<li><span class=\"mono\">" + html_escape(pair[0].get<std::string>()) +
              "</span>: " + html_escape(pair[1].get<std::string>()) + "</li>";
    }
  }
  return list;
}

}  // namespace

void eligibility(Page& p, const StoredPlan& plan, const records::PlanRecord& record) {
  p.section("Eligibility");
  if (!plan.eligibility) {
    p.missing("The protocol states no eligibility rules: no verdict.");
  } else {
    const auto& e = *plan.eligibility;
    bool overridden = false;
    for (const auto& r : e.rules) overridden = overridden || !r.override_reason.empty();
    p.para("Verdict: <b>" + html_escape(short_words(e.verdict)) + "</b>" +
           (overridden ? " (proceeding under the override recorded below)" : ""));
    if (!e.asfa_text.empty()) p.para("ASFA 2023: " + html_escape(e.asfa_text));
    if (e.rules.empty()) {
      p.missing("The protocol states no eligibility rules.");
    } else {
      rules_table(p, e.rules);
    }
  }
  const std::string list = overrides_html(record.overrides_json);
  if (list.empty()) {
    p.para("Overrides recorded at approval: none.");
  } else {
    p.para(
        "<b>Overrides recorded at approval</b> (relative contraindications the team chose to "
        "accept, with the reason):");
    p.o << "<ul>" << list << "</ul>\n";
  }
}

}  // namespace lb::print
