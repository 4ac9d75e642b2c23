// Open, save and export through a small in-app file-name prompt (Debian
// packages no native file dialog): a path field, the matching files of its
// folder to pick from, OK/Cancel. Writes are atomic (io::atomic_write).
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "gui/gui_common.hpp"
#include "gui/panels.hpp"

namespace lb::gui {

namespace fs = std::filesystem;

namespace {

const char* prompt_title(PromptKind k) {
  switch (k) {
    case PromptKind::open_patient: return "Open patient file";
    case PromptKind::save_patient_as: return "Save patient as";
    case PromptKind::open_protocol: return "Open protocol file";
    case PromptKind::save_protocol_as: return "Save protocol as";
    case PromptKind::export_markdown: return "Export plan as Markdown";
    case PromptKind::export_json: return "Export plan as JSON";
    case PromptKind::export_ics: return "Export schedule as iCalendar";
    case PromptKind::none: break;
  }
  return "";
}

const char* prompt_extension(PromptKind k) {
  switch (k) {
    case PromptKind::export_markdown: return ".md";
    case PromptKind::export_json: return ".json";
    case PromptKind::export_ics: return ".ics";
    default: return ".yaml";
  }
}

bool opens(PromptKind k) { return k == PromptKind::open_patient || k == PromptKind::open_protocol; }

/// Files of the typed path's folder with the prompt's extension.
std::vector<std::string> folder_files(const std::string& typed, PromptKind k) {
  std::vector<std::string> out;
  std::error_code ec;
  fs::path dir = typed.empty() ? fs::path(".") : fs::path(typed);
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  if (dir.empty() || !fs::is_directory(dir, ec)) return out;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == prompt_extension(k)) out.push_back(it->path().string());
    if (out.size() > 200) break;
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool run_prompt_action(AppState& s, const std::string& path) {
  switch (s.view.prompt) {
    case PromptKind::open_patient: return open_patient_file(s, path);
    case PromptKind::save_patient_as: return save_patient_file(s, path);
    case PromptKind::open_protocol: return open_protocol_file(s, path);
    case PromptKind::save_protocol_as: {
      std::string error;
      const std::string dir = fs::path(path).parent_path().string();
      if (!dir.empty() && !ensure_directory(dir, error)) {
        set_message(s, error, true);
        return false;
      }
      return save_protocol(s, path);
    }
    case PromptKind::export_markdown: return export_plan(s, path, false);
    case PromptKind::export_json: return export_plan(s, path, true);
    case PromptKind::export_ics: return export_schedule_ics(s, path);
    case PromptKind::none: break;
  }
  return false;
}

}  // namespace

void begin_prompt(AppState& s, PromptKind kind) {
  s.view.prompt = kind;
  s.view.prompt_just_opened = true;
  s.view.prompt_path = default_prompt_path(s, kind);
  s.view.prompt_error.clear();
}

void save_patient_or_prompt(AppState& s) {
  if (s.patient_path.empty()) {
    begin_prompt(s, PromptKind::save_patient_as);
  } else {
    save_patient_file(s, s.patient_path);
  }
}

void draw_file_prompt(AppState& s) {
  if (s.view.prompt == PromptKind::none) return;
  const char* title = prompt_title(s.view.prompt);
  const std::string id = std::string(title) + "###file-prompt";
  if (s.view.prompt_just_opened) {
    ImGui::OpenPopup(id.c_str());
    s.view.prompt_just_opened = false;
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(em(44), vp->WorkSize.x * 0.9f), 0));
  if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    s.view.prompt = PromptKind::none;
    return;
  }
  ImGui::TextUnformatted("File name (full path):");
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(-1);
  const bool enter =
      ImGui::InputText("##path", &s.view.prompt_path,
                       ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
  record_rect(s, "prompt.path");
  if (opens(s.view.prompt)) {
    const auto files = folder_files(s.view.prompt_path, s.view.prompt);
    ImGui::BeginChild("prompt.files", ImVec2(0, em(8)), true);
    for (const auto& f : files) {
      if (ImGui::Selectable(fs::path(f).filename().string().c_str(), f == s.view.prompt_path,
                            ImGuiSelectableFlags_DontClosePopups)) {
        s.view.prompt_path = f;
      }
    }
    if (files.empty())
      ImGui::TextColored(kColourMuted, "No %s files here", prompt_extension(s.view.prompt));
    ImGui::EndChild();
  } else {
    std::error_code ec;
    if (fs::exists(s.view.prompt_path, ec)) {
      ImGui::TextColored(kColourWarning, "This file exists and will be replaced.");
    }
  }
  if (!s.view.prompt_error.empty()) {
    ImGui::TextColored(kColourError, "%s", s.view.prompt_error.c_str());
  }
  const bool ok = ImGui::Button(opens(s.view.prompt) ? "Open" : "Save", em2(6, 0)) || enter;
  record_rect(s, "prompt.ok");
  ImGui::SameLine();
  const bool cancel = ImGui::Button("Cancel", em2(6, 0)) ||
                      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
  if (ok) {
    if (run_prompt_action(s, s.view.prompt_path)) {
      s.view.prompt = PromptKind::none;
      ImGui::CloseCurrentPopup();
      if (s.view.quit_after_save) s.view.quit_confirmed = true;
    } else {
      s.view.prompt_error = s.view.message;
    }
  } else if (cancel) {
    s.view.prompt = PromptKind::none;
    s.view.quit_after_save = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace lb::gui
