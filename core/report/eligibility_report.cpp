#include "report/eligibility_report.hpp"

#include <cmath>

#include "plan/plan_eligibility.hpp"
#include "report/id_json.hpp"
#include "text/format.hpp"
#include "text/markdown.hpp"

namespace lb::report {

namespace {

std::string rule_line(const eligibility::RuleResult& r) {
  return r.id.str() + " (" + std::string(eligibility::to_string(r.kind)) + ", " +
         std::string(eligibility::to_string(r.severity)) +
         "): " + std::string(outcome_words(r.outcome).short_form);
}

const char* kNoRules = "the protocol states no eligibility rules";

}  // namespace

void eligibility_text(std::string& out, const plan::Plan& plan) {
  if (!plan.eligibility) return;
  const auto& e = *plan.eligibility;
  const std::string title = "Eligibility";
  out += "\n" + title + "\n" + std::string(title.size(), '-') + "\n";
  out += "  Verdict   " + std::string(verdict_words(e.verdict).short_form) + "\n";
  out += "  ASFA 2023 " + e.asfa.text + "\n";
  if (e.rules.empty()) out += "  " + std::string(kNoRules) + "\n";
  for (const auto& r : e.rules) {
    out += "  " + rule_line(r) + "\n";
    out += "      " + r.message + " [" + r.source + "]\n";
    for (const auto& d : r.decided_by) {
      out += "      " + d.name + " = " + d.display + "  (" + d.condition + ")\n";
    }
    if (!r.override_reason.empty()) out += "      OVERRIDDEN: " + r.override_reason + "\n";
  }
}

void eligibility_markdown(std::string& out, const plan::Plan& plan) {
  if (!plan.eligibility) return;
  const auto& e = *plan.eligibility;
  out += "## Eligibility\n\n";
  out += "- **Verdict:** " + std::string(verdict_words(e.verdict).short_form) + "\n";
  out += "- **ASFA 2023:** " + text::md_escape(e.asfa.text) + "\n\n";
  if (e.rules.empty()) {
    out += std::string(kNoRules) + ".\n\n";
    return;
  }
  out +=
      "| Rule | Kind | Severity | Outcome | Decided by | Message | Source | Override |\n"
      "|---|---|---|---|---|---|---|---|\n";
  for (const auto& r : e.rules) {
    out += "| " + text::md_escape(r.id.str()) + " | " +
           std::string(eligibility::to_string(r.kind)) + " | " +
           std::string(eligibility::to_string(r.severity)) + " | " +
           std::string(eligibility::to_string(r.outcome)) + " | " +
           text::md_escape(plan::decided_by_text(r)) + " | " + text::md_escape(r.message) + " | " +
           text::md_escape(r.source) + " | " + text::md_escape(r.override_reason) + " |\n";
  }
  out += "\n";
}

nlohmann::json eligibility_json(const plan::Plan& plan) {
  if (!plan.eligibility) return nullptr;
  const auto& e = *plan.eligibility;
  nlohmann::json rules = nlohmann::json::array();
  for (const auto& r : e.rules) {
    nlohmann::json by = nlohmann::json::array();
    for (const auto& d : r.decided_by) {
      nlohmann::json j = {{"name", d.name},
                          {"display", d.display},
                          {"condition", d.condition},
                          {"outcome", eligibility::to_string(d.outcome)}};
      if (d.value) {
        j["value"] = std::round(*d.value * 1e6) / 1e6;
        j["unit"] = d.unit;
      }
      by.push_back(j);
    }
    rules.push_back(
        {{"id", r.id},
         {"kind", eligibility::to_string(r.kind)},
         {"severity", eligibility::to_string(r.severity)},
         {"outcome", eligibility::to_string(r.outcome)},
         {"triggered", r.triggered},
         {"decided_by", by},
         {"message", r.message},
         {"source", r.source},
         {"override_reason", r.override_reason.empty() ? nlohmann::json(nullptr)
                                                       : nlohmann::json(r.override_reason)}});
  }
  nlohmann::json asfa = {{"listed", e.asfa.listed},
                         {"indication", e.asfa.indication},
                         {"procedure", e.asfa.procedure},
                         {"text", e.asfa.text},
                         {"source", e.asfa.source}};
  asfa["category"] = e.asfa.listed ? nlohmann::json(e.asfa.category) : nlohmann::json(nullptr);
  asfa["grade"] = e.asfa.listed ? nlohmann::json(e.asfa.grade) : nlohmann::json(nullptr);
  return {{"verdict", eligibility::to_string(e.verdict)},
          {"decisive", e.decisive()},
          {"rules", rules},
          {"asfa", asfa}};
}

}  // namespace lb::report
