// The bridge decision view of the selected patient (records screens, "Bridge view" tab): the
// four blocks of bridge::layout_view (the words of `liverbridge bridge`), each rule a row with
// its status and the criteria and values it used, its wording, boundary, outcome, population and
// source one click away; unverified rules listed collapsed. Status colours are neutral: none
// means "stop", "list" or "futile". The clinician's "seen" goes to the audit trail.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "bridge/layout.hpp"
#include "gui/gui_common.hpp"
#include "gui/panels.hpp"

namespace lb::gui {

namespace {

void wrapped(const ImVec4* colour, const std::string& text) {
  if (colour != nullptr) ImGui::PushStyleColor(ImGuiCol_Text, *colour);
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  if (colour != nullptr) ImGui::PopStyleColor();
}

const ImVec4* status_colour(const std::string& status) {
  if (status == "met") return &kColourAccent;
  if (status == "sources disagree") return &kColourWarning;
  if (status == "not met") return nullptr;
  return &kColourMuted;  // not evaluable, listed, shown
}

/// The lines always visible under a row: what was compared and with which values.
bool summary_line(const std::string& label) {
  return label == "criterion" || label == "value" || label == "not evaluable" ||
         label == "readings" || label == "measured" || label == "predicted" || label == "band";
}

void draw_row(const bridge::LayoutRow& row, int index) {
  ImGui::PushID(index);
  ImGui::PushFont(bold_font());
  ImGui::TextColored(status_colour(row.status) ? *status_colour(row.status)
                                               : ImGui::GetStyleColorVec4(ImGuiCol_Text),
                     "%s", row.status.c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextUnformatted(row.title.c_str());
  ImGui::Indent(em(1));
  if (row.collapsed) {
    if (ImGui::TreeNode("unverified: wording and source")) {
      for (const auto& [label, line] : row.lines) wrapped(&kColourMuted, label + ": " + line);
      ImGui::TreePop();
    }
  } else {
    for (const auto& [label, line] : row.lines) {
      if (summary_line(label)) wrapped(label == "value" ? &kColourMuted : nullptr, line);
    }
    if (ImGui::TreeNode("rule, boundary, outcome, population, source")) {
      for (const auto& [label, line] : row.lines) {
        if (!summary_line(label)) wrapped(nullptr, label + ": " + line);
      }
      ImGui::TreePop();
    }
  }
  ImGui::Unindent(em(1));
  ImGui::Spacing();
  ImGui::PopID();
}

void draw_seen(AppState& s) {
  auto& b = s.records.bridge;
  ImGui::SetNextItemWidth(em(14));
  ImGui::InputTextWithHint("##seen_by", "Seen by (name)", &b.seen_by);
  record_rect(s, "bridge.seen_by");
  ImGui::SameLine();
  if (ImGui::Button("Mark as seen")) acknowledge_bridge_view(s);
  record_rect(s, "bridge.seen");
  tooltip("Writes who saw this view, and when, to the audit trail. No decision is recorded.");
  if (!b.seen_error.empty()) wrapped(&kColourError, b.seen_error);
  if (!b.seen_result.empty()) wrapped(&kColourOk, b.seen_result);
}

}  // namespace

void draw_records_bridge(AppState& s) {
  ensure_bridge_view(s);
  auto& b = s.records.bridge;
  ImGui::SetNextItemWidth(em(14));
  ImGui::InputTextWithHint("Re-assessment time##bridge_at", "now, or 2026-11-22T08:00Z",
                           &b.at_input);
  record_rect(s, "bridge.at");
  draw_seen(s);
  if (!b.error.empty()) wrapped(&kColourError, b.error);
  for (const auto& p : b.problems) wrapped(&kColourError, p);
  if (!b.view) return;
  // Its own child without horizontal scrolling, so that long lines wrap at the visible edge.
  ImGui::BeginChild("bridge.body", ImVec2(0, 0), false);
  const auto layout = bridge::layout_view(*b.view);
  ImGui::PushFont(bold_font());
  wrapped(nullptr, layout.heading);
  ImGui::PopFont();
  for (const auto& p : layout.preface) wrapped(&kColourMuted, p);
  int index = 0;
  for (const auto& section : layout.sections) {
    ImGui::Separator();
    heading(section.title.c_str());
    record_rect(s, "bridge.section." + section.title);
    for (const auto& note : section.notes) {
      wrapped(note.rfind("sources disagree", 0) == 0 ? &kColourWarning : &kColourMuted, note);
    }
    for (const auto& row : section.rows) draw_row(row, index++);
  }
  ImGui::EndChild();
}

}  // namespace lb::gui
