// Findings of the plan (errors and warnings with stable codes), each in words
// and colour; a finding about a figure unfolds that figure when clicked.
#include <imgui.h>

#include <cstdio>

#include "gui/gui_common.hpp"
#include "gui/panels.hpp"
#include "report/wording.hpp"

namespace lb::gui {

void draw_findings(AppState& s, const plan::Plan& plan) {
  std::size_t errors = 0, warnings = 0;
  for (const auto& f : plan.findings) {
    errors += f.severity == diag::Severity::error ? 1 : 0;
    warnings += f.severity == diag::Severity::warning ? 1 : 0;
  }
  char title[96];
  (void)std::snprintf(title, sizeof title, "Findings: %zu %s, %zu %s###findings", errors,
                      errors == 1 ? "error" : "errors", warnings,
                      warnings == 1 ? "warning" : "warnings");
  if (!ImGui::CollapsingHeader(title, ImGuiTreeNodeFlags_DefaultOpen)) return;
  if (plan.findings.empty()) {
    ImGui::TextColored(kColourOk, "No findings");
    return;
  }
  int i = 0;
  for (const auto& f : plan.findings) {
    ImGui::PushID(i++);
    ImGui::PushStyleColor(ImGuiCol_Text, severity_colour(f.severity));
    ImGui::PushFont(bold_font());
    ImGui::TextUnformatted(f.severity == diag::Severity::error ? "ERROR" : "WARNING");
    ImGui::PopFont();
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextWrapped("%s", f.message.c_str());
    // The code's short words with the code itself; its long words on hover.
    const report::Words words = report::finding_words(f.code);
    const std::string label =
        words.short_form.empty() ? f.code : std::string(words.short_form) + " (" + f.code + ")";
    ImGui::Indent(em(1));
    if (!f.figure.empty()) {
      if (ImGui::SmallButton("Show figure")) s.view.expanded.insert(f.figure);
      ImGui::SameLine();
    }
    ImGui::PushStyleColor(ImGuiCol_Text, kColourMuted);
    ImGui::TextWrapped("%s", label.c_str());  // narrow columns wrap rather than clip
    ImGui::PopStyleColor();
    tooltip(words.long_form);
    ImGui::Unindent(em(1));
    ImGui::PopID();
  }
}

}  // namespace lb::gui
