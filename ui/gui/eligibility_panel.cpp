// Eligibility, shown first: the verdict in words and colour, each rule that
// counts (triggered or undecidable) with the values that decided it, and for a
// triggered relative contraindication the override reason the team must record
// before the plan is marked ready. Rules that did not trigger are folded away.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <string>

#include "gui/gui_common.hpp"
#include "gui/panels.hpp"
#include "report/eligibility_report.hpp"

namespace lb::gui {

namespace {

using eligibility::Outcome;
using eligibility::RuleResult;
using eligibility::Severity;
using eligibility::Verdict;

bool has_unresolved(const eligibility::Eligibility& e) { return !e.unresolved_relative().empty(); }

ImVec4 verdict_colour(const eligibility::Eligibility& e) {
  switch (e.verdict) {
    case Verdict::eligible: return kColourOk;
    case Verdict::eligible_with_cautions: return kColourWarning;
    case Verdict::relative_contraindication:
      return has_unresolved(e) ? kColourError : kColourWarning;
    case Verdict::not_eligible: return kColourError;
    case Verdict::cannot_decide: return kColourWarning;
  }
  return kColourMuted;
}

/// The rule's outcome in words: what it means for this patient.
std::string outcome_words(const RuleResult& r) {
  if (r.outcome == Outcome::cannot_decide) return "CANNOT DECIDE";
  if (!r.triggered) return "clear";
  if (r.kind == eligibility::RuleKind::indication) return "INDICATION NOT MET";
  switch (r.severity) {
    case Severity::absolute: return "CONTRAINDICATED";
    case Severity::relative:
      return r.override_reason.empty() ? "RELATIVE: reason needed" : "RELATIVE: overridden";
    case Severity::caution: return "CAUTION";
  }
  return "";
}

ImVec4 outcome_colour(const RuleResult& r) {
  if (r.outcome == Outcome::cannot_decide) return kColourWarning;
  if (!r.triggered) return kColourOk;
  if (r.severity == Severity::caution) return kColourWarning;
  if (r.severity == Severity::relative && !r.override_reason.empty()) return kColourWarning;
  return kColourError;
}

void draw_override(AppState& s, const RuleResult& r) {
  std::string& reason = s.override_reasons[r.id.str()];
  ImGui::Indent(em(1));
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Override reason");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  const std::string id = "##override." + r.id.str();
  if (ImGui::InputTextWithHint(id.c_str(), "why the team proceeds (required)", &reason)) {
    s.needs_recompute = true;
  }
  record_rect(s, "override." + r.id.str());
  tooltip(
      "A relative contraindication needs a recorded reason before the plan is marked "
      "ready. The reason is printed in every export of the plan.");
  if (r.override_reason.empty()) {
    ImGui::TextColored(kColourError, "The plan stays NOT READY until a reason is recorded.");
  }
  ImGui::Unindent(em(1));
}

void draw_rule(AppState& s, const RuleResult& r) {
  ImGui::PushID(r.id.str().c_str());
  ImGui::PushStyleColor(ImGuiCol_Text, outcome_colour(r));
  ImGui::PushFont(bold_font());
  ImGui::TextUnformatted(outcome_words(r).c_str());
  ImGui::PopFont();
  ImGui::PopStyleColor();
  record_rect(s, "rule." + r.id.str());
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Text, kColourMuted);
  ImGui::TextWrapped("%s \u00b7 %s %s", r.id.str().c_str(),  // wraps in a narrow column
                     std::string(eligibility::to_string(r.severity)).c_str(),
                     std::string(eligibility::to_string(r.kind)).c_str());
  ImGui::PopStyleColor();
  ImGui::Indent(em(1));
  ImGui::TextWrapped("%s", r.message.c_str());
  for (const auto& e : r.decided_by) {
    ImGui::TextColored(kColourMuted, "\u2022");
    ImGui::SameLine();
    ImGui::TextWrapped("%s = %s  (rule: %s)", e.name.c_str(), e.display.c_str(),
                       e.condition.c_str());
  }
  if (!r.source.empty()) ImGui::TextColored(kColourMuted, "source: %s", r.source.c_str());
  ImGui::Unindent(em(1));
  if (r.triggered && r.severity == Severity::relative) draw_override(s, r);
  ImGui::PopID();
}

}  // namespace

void draw_eligibility_panel(AppState& s) {
  if (!s.plan.plan || !s.plan.plan->eligibility) return;
  const eligibility::Eligibility& e = *s.plan.plan->eligibility;
  heading("Eligibility");
  ImGui::SameLine();
  badge(report::verdict_words(e.verdict).short_form.data(), verdict_colour(e));
  record_rect(s, "eligibility.verdict");
  if (e.verdict == Verdict::relative_contraindication) {
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    if (has_unresolved(e)) {
      ImGui::TextColored(kColourError, "record a reason to proceed");
    } else {
      ImGui::TextColored(kColourWarning, "overridden, reason recorded");
    }
  }
  ImGui::PushTextWrapPos(0);
  ImGui::TextColored(kColourMuted, "ASFA 2023:");
  ImGui::SameLine();
  ImGui::TextWrapped("%s", e.asfa.text.c_str());
  ImGui::PopTextWrapPos();
  if (e.rules.empty()) {
    ImGui::TextColored(kColourMuted, "The protocol states no eligibility rules.");
    return;
  }
  int quiet = 0;
  for (const auto& r : e.rules) {
    if (r.triggered || r.outcome == Outcome::cannot_decide) {
      draw_rule(s, r);
    } else {
      ++quiet;
    }
  }
  if (quiet == 0) return;
  const std::string title = std::to_string(quiet) + (quiet == 1 ? " rule" : " rules") +
                            " clear (not triggered)###eligibility.clear";
  if (ImGui::TreeNodeEx(title.c_str(), ImGuiTreeNodeFlags_SpanAvailWidth)) {
    for (const auto& r : e.rules) {
      if (!r.triggered && r.outcome != Outcome::cannot_decide) draw_rule(s, r);
    }
    ImGui::TreePop();
  }
}

}  // namespace lb::gui
