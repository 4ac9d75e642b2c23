// Protocol editor: the chosen protocol's YAML, validated by the core loader on
// every edit (errors listed with line numbers; click one to move the cursor
// there); every valid edit re-plans. Saving is atomic.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>
#include <string>
#include <utility>

#include "gui/gui_common.hpp"
#include "gui/panels.hpp"

namespace lb::gui {

namespace {

/// Byte offset of 1-based (line, column) in `text`, clamped to the text.
int offset_of(const char* text, int length, int line, int column) {
  int offset = 0;
  for (int l = 1; l < line && offset < length; ++offset) {
    if (text[offset] == '\n') ++l;
  }
  int c = 1;
  while (c < column && offset < length && text[offset] != '\n') {
    ++offset;
    ++c;
  }
  return offset;
}

int editor_callback(ImGuiInputTextCallbackData* data) {
  auto* s = static_cast<AppState*>(data->UserData);
  if (s->view.editor_jump) {
    const auto [line, column] = *s->view.editor_jump;
    const int at = offset_of(data->Buf, data->BufTextLen, line, column);
    data->CursorPos = at;
    data->SelectionStart = at;
    data->SelectionEnd = at;
    s->view.editor_jump.reset();
  }
  return 0;
}

}  // namespace

void draw_protocol_editor(AppState& s) {
  if (!s.view.show_protocol_editor) {
    s.view.editor_has_focus = false;
    return;
  }
  ProtocolEntry* e = selected_protocol(s);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(
      ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.30f, vp->WorkPos.y + vp->WorkSize.y * 0.08f),
      ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x * 0.62f, vp->WorkSize.y * 0.80f),
                           ImGuiCond_FirstUseEver);
  std::string title = "Protocol editor";
  if (e != nullptr) title += " \u2014 " + e->id + (e->modified() ? " (modified, unsaved)" : "");
  title += "###protocol-editor";
  if (!ImGui::Begin(title.c_str(), &s.view.show_protocol_editor)) {
    s.view.editor_has_focus = false;
    ImGui::End();
    return;
  }
  s.view.editor_has_focus = ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows);
  if (e == nullptr) {
    ImGui::TextUnformatted("No protocol is chosen.");
    ImGui::End();
    return;
  }
  ImGui::TextColored(kColourMuted, "%s", e->path.c_str());
  const bool bundled = e->origin == ProtocolOrigin::bundled;
  ImGui::BeginDisabled(!e->modified() || bundled);
  if (ImGui::Button("Save")) save_protocol(s);
  ImGui::EndDisabled();
  if (bundled) tooltip("Bundled protocols are read-only: Save as writes your own copy");
  ImGui::SameLine();
  if (ImGui::Button("Save as\u2026")) begin_prompt(s, PromptKind::save_protocol_as);
  ImGui::SameLine();
  ImGui::BeginDisabled(!e->modified());
  if (ImGui::Button("Revert")) {
    e->text = e->saved_text;
    protocol_text_edited(s);
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (e->modified()) {
    ImGui::TextColored(kColourWarning, "\u25cf modified, unsaved");
  } else {
    ImGui::TextColored(kColourOk, "saved");
  }

  const auto& diags = s.plan.protocol_diagnostics;
  const float list_h = em(diags.empty() ? 2.0f : 7.5f);
  const float text_h = ImGui::GetContentRegionAvail().y - list_h - em(0.5f);
  if (s.view.editor_focus) {
    ImGui::SetKeyboardFocusHere();
    s.view.editor_focus = false;
  }
  if (ImGui::InputTextMultiline(
          "##protocol-text", &e->text, ImVec2(-1, text_h),
          ImGuiInputTextFlags_AllowTabInput | ImGuiInputTextFlags_CallbackAlways, editor_callback,
          &s)) {
    protocol_text_edited(s);
  }
  record_rect(s, "editor.text");

  ImGui::BeginChild("protocol.diagnostics", ImVec2(0, 0), true);
  if (diags.empty()) {
    ImGui::TextColored(kColourOk, "Valid: the plan follows every edit");
  }
  int i = 0;
  for (const auto& d : diags.sorted()) {
    ImGui::PushID(i++);
    ImGui::PushStyleColor(ImGuiCol_Text, severity_colour(d.severity));
    char where[48];
    (void)std::snprintf(where, sizeof where, "line %d:%d", d.where.line, d.where.column);
    const std::string text = std::string(where) + "  " + severity_word(d.severity) + "  " +
                             (d.key.empty() ? "" : d.key + ": ") + d.message;
    if (ImGui::Selectable(text.c_str())) {
      s.view.editor_jump = std::make_pair(d.where.line, d.where.column);
      s.view.editor_focus = true;
    }
    ImGui::PopStyleColor();
    tooltip("Click to move the cursor to line " + std::to_string(d.where.line));
    ImGui::PopID();
  }
  ImGui::EndChild();
  ImGui::End();
}

}  // namespace lb::gui
