// Scores: every prognostic score of the plan (MELD family, UKELD, Child-Pugh,
// King's College, Clichy, CLIF-C, AARC, China stage) with its headline; each
// unfolds to the components with the values used, bounds applied, missing
// inputs, notes, version and source. A score never shows a number it lacks
// the inputs for: it says what is missing.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "gui/gui_common.hpp"
#include "gui/panels.hpp"
#include "report/scores_report.hpp"
#include "text/format.hpp"

namespace lb::gui {

namespace {

void list_rows(const char* name, const std::vector<std::string>& items, ImVec4 colour) {
  for (const auto& item : items) {
    ImGui::TextColored(kColourMuted, "%s", name);
    ImGui::SameLine(em(6));
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextWrapped("%s", item.c_str());
    ImGui::PopStyleColor();
  }
}

/// Where the values start: after the widest score name, so no name runs into
/// its value however narrow the column is.
float value_column_x(const std::vector<scores::ScoreResult>& results) {
  float widest = 0;
  for (const auto& r : results) widest = std::max(widest, ImGui::CalcTextSize(r.name.c_str()).x);
  return ImGui::GetCursorPosX() + ImGui::GetTreeNodeToLabelSpacing() + widest + em(1);
}

void draw_score(AppState& s, const scores::ScoreResult& r, float value_x) {
  ImGui::PushID(r.key.c_str());
  const bool open = ImGui::TreeNodeEx(
      "##score", ImGuiTreeNodeFlags_SpanAvailWidth | ImGuiTreeNodeFlags_FramePadding, "%s",
      r.name.c_str());
  record_rect(s, "score." + r.key);
  ImGui::SameLine(value_x);
  const std::string headline = report::score_headline(r);
  if (r.computed()) {
    ImGui::PushFont(bold_font());
    ImGui::PushTextWrapPos(0);  // long headlines (CLIF-C OF organ list) wrap in the value column
    ImGui::TextUnformatted(headline.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
  } else {
    ImGui::TextColored(kColourMuted, "%s", headline.c_str());
    if (!r.missing.empty() && !open) {
      tooltip("Missing: " + [&] {
        std::string m;
        for (const auto& x : r.missing) m += (m.empty() ? "" : "; ") + x;
        return m;
      }());
    }
  }
  if (open) {
    ImGui::Indent(em(0.5f));
    ImGui::PushTextWrapPos(0);
    if (!r.version.empty())
      list_rows("Version", {r.version}, ImGui::GetStyleColorVec4(ImGuiCol_Text));
    if (r.raw && r.value && std::abs(*r.raw - *r.value) > 1e-9) {
      list_rows("Unrounded", {text::fixed(*r.raw, 3)}, ImGui::GetStyleColorVec4(ImGuiCol_Text));
    }
    for (const auto& c : r.components) {
      std::string line = c.name + ": " + c.input;
      if (c.points) line += "  \u2192 " + text::fixed(*c.points, 2) + " points";
      list_rows("Input", {line}, ImGui::GetStyleColorVec4(ImGuiCol_Text));
    }
    list_rows("Bound", r.bounds_applied, kColourWarning);
    list_rows("Missing", r.missing, kColourWarning);
    list_rows("Note", r.notes, kColourMuted);
    if (!r.source.empty()) list_rows("Source", {r.source}, kColourMuted);
    ImGui::PopTextWrapPos();
    ImGui::Unindent(em(0.5f));
    ImGui::TreePop();
  }
  ImGui::PopID();
}

}  // namespace

void draw_scores_panel(AppState& s) {
  if (!s.plan.plan) {
    ImGui::TextColored(kColourError, "No plan: fix the errors in the patient form");
    return;
  }
  const scores::ScoreSet& set = s.plan.plan->scores;
  if (!s.plan.current) {
    ImGui::TextColored(kColourError, "NOT CURRENT: scores of the last valid inputs");
  }
  ImGui::PushStyleColor(ImGuiCol_Text, kColourMuted);
  ImGui::TextWrapped(
      "Computed from the patient's values with the protocol's score settings. Click a score for "
      "its components.");
  ImGui::PopStyleColor();
  const float value_x = value_column_x(set.results);
  for (const auto& r : set.results) draw_score(s, r, value_x);
}

}  // namespace lb::gui
