// Protocol picker: bundled protocols, the user's protocols folder and files
// opened, each with id, version and title; the chosen one's sources, rule and
// unverified values. A protocol with unsaved edits is marked in words.
#include <imgui.h>

#include <string>

#include "gui/gui_common.hpp"
#include "gui/panels.hpp"

namespace lb::gui {

namespace {

void draw_list(AppState& s) {
  const float list_h = em(9.5f);
  ImGui::BeginChild("protocol.list", ImVec2(0, list_h), true);
  for (const ProtocolOrigin origin :
       {ProtocolOrigin::bundled, ProtocolOrigin::user, ProtocolOrigin::opened}) {
    bool header = false;
    for (std::size_t i = 0; i < s.protocols.size(); ++i) {
      ProtocolEntry& e = s.protocols[i];
      if (e.origin != origin) continue;
      if (!header) {
        header = true;
        ImGui::TextColored(kColourMuted, "%s",
                           origin == ProtocolOrigin::bundled ? "Bundled"
                           : origin == ProtocolOrigin::user  ? "Your protocols"
                                                             : "Opened files");
      }
      ImGui::PushID(static_cast<int>(i));
      const bool selected = static_cast<int>(i) == s.selected_protocol;
      const std::string label = e.id + "  v" + e.version;
      if (ImGui::Selectable(label.c_str(), selected)) select_protocol(s, static_cast<int>(i));
      record_rect(s, "protocol." + e.id);
      tooltip(e.title + "\n" + e.path);
      if (e.modified()) {
        ImGui::SameLine();
        ImGui::TextColored(kColourWarning, "\u25cf modified, unsaved");
      }
      ImGui::PopID();
    }
  }
  if (s.protocols.empty()) {
    ImGui::TextColored(kColourError, "No protocols found in %s", s.bundled_protocols_dir.c_str());
  }
  if (!s.dirs.protocols.empty()) {
    ImGui::TextColored(kColourMuted, "Your protocols folder: %s", s.dirs.protocols.c_str());
  }
  ImGui::EndChild();
}

void draw_details(AppState& s) {
  ProtocolEntry* e = selected_protocol(s);
  if (e == nullptr) return;
  ImGui::PushTextWrapPos(0);
  heading(e->title.empty() ? e->id.c_str() : e->title.c_str());
  ImGui::TextColored(kColourMuted, "%s v%s \u00b7 %s", e->id.c_str(), e->version.c_str(),
                     std::string(to_string(e->origin)).c_str());
  if (e->modified()) {
    ImGui::TextColored(
        kColourWarning, "\u25cf Modified in the editor and NOT SAVED%s",
        e->origin == ProtocolOrigin::bundled ? " (bundled: Save as writes your own copy)" : "");
  }
  const auto errors = s.plan.protocol_diagnostics.count(diag::Severity::error);
  if (errors != 0) {
    ImGui::TextColored(kColourError, "%zu %s in the protocol text: open the editor", errors,
                       errors == 1 ? "error" : "errors");
  }
  ImGui::TextColored(kColourMuted, "File");
  ImGui::SameLine(em(4.5f));
  path_text(e->path, ImGui::GetStyleColorVec4(ImGuiCol_Text));
  ImGui::TextColored(kColourMuted, "SHA-256");
  ImGui::SameLine(em(4.5f));
  ImGui::TextUnformatted(text_sha256(*e).substr(0, 16).c_str());
  tooltip("SHA-256 of the text as edited (the plan records the full hash)");
  ImGui::PopTextWrapPos();

  const plan::Plan* plan = s.plan.plan ? &*s.plan.plan : nullptr;
  if (plan == nullptr || !s.plan.current || plan->protocol.file != e->path) return;
  const auto& info = plan->protocol;
  ImGui::TextColored(kColourMuted, "Rule");
  ImGui::SameLine(em(4.5f));
  ImGui::TextUnformatted(std::string(protocol::to_string(info.rule)).c_str());
  if (ImGui::CollapsingHeader("Sources", ImGuiTreeNodeFlags_DefaultOpen)) {
    ImGui::PushTextWrapPos(0);
    for (const auto& src : info.sources) {
      ImGui::TextColored(kColourAccent, "[%s]", src.id.c_str());
      ImGui::SameLine();
      ImGui::TextWrapped("%s", src.citation.c_str());
      if (!src.url.empty()) {
        ImGui::Indent(em(1));
        ImGui::TextColored(kColourMuted, "%s", src.url.c_str());
        ImGui::Unindent(em(1));
      }
    }
    ImGui::PopTextWrapPos();
  }
}

}  // namespace

void draw_protocol_panel(AppState& s) {
  heading("Protocol");
  if (ImGui::Button("Open\u2026##protocol")) begin_prompt(s, PromptKind::open_protocol);
  tooltip("Open a protocol YAML file (Ctrl+Shift+O)");
  ImGui::SameLine();
  if (ImGui::Button(s.view.show_protocol_editor ? "Close editor" : "Edit YAML")) {
    s.view.show_protocol_editor = !s.view.show_protocol_editor;
  }
  record_rect(s, "protocol.edit");
  ImGui::SameLine();
  if (ImGui::Button("Reload list")) reload_protocol_catalog(s);
  tooltip("Read the bundled and user protocol folders again (unsaved edits are kept)");
  draw_list(s);
  ImGui::BeginChild("protocol.details", ImVec2(0, 0), false);
  draw_details(s);
  ImGui::EndChild();
}

}  // namespace lb::gui
