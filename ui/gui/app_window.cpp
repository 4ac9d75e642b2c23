// The window's frame: menu bar, the three columns (patient | plan | protocol),
// the status bar with the disclaimer, and the prompts. Keyboard shortcuts:
// Ctrl+O open patient, Ctrl+S save (the protocol when its editor has focus),
// Ctrl+Shift+S save patient as, Ctrl+E export Markdown, Ctrl+Shift+E export
// JSON, Ctrl+I export the schedule as .ics, Ctrl+Shift+O open protocol,
// Ctrl+Q quit. Tab and Shift+Tab move through the patient form; ImGui's
// keyboard navigation (arrows, Space, Enter) reaches every other widget.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "gui/gui_common.hpp"
#include "gui/panels.hpp"
#include "sim/sim_panels.hpp"

namespace lb::gui {

namespace {

// ImGui 1.86 has only the legacy key API: io.KeysDown is indexed by the
// backend's key codes. GLFW's codes for letters are their upper-case ASCII.
bool shortcut(char key, bool shift = false) {
  const ImGuiIO& io = ImGui::GetIO();
  return io.KeyCtrl && io.KeyShift == shift && !io.KeyAlt && ImGui::IsKeyPressed(key, false);
}

bool can_export(const AppState& s) { return s.plan.plan && s.plan.current; }

/// A tab of the centre column: its title and the panel that draws it.
struct CentreTab {
  const char* title;
  void (*draw)(AppState&);
};

// The centre column's tabs, in order. (The session records have a workspace
// of their own, records_workspace.cpp, chosen in the menu bar.)
constexpr CentreTab kCentreTabs[] = {
    {"Plan", draw_plan_panel},
    {"Schedule", draw_schedule_panel},
    {"Scores", draw_scores_panel},
};

void draw_centre_column(AppState& s) {
  if (!ImGui::BeginTabBar("centre.tabs")) return;
  for (const CentreTab& tab : kCentreTabs) {
    const bool select = s.view.select_tab == tab.title;
    const bool open =
        ImGui::BeginTabItem(tab.title, nullptr, select ? ImGuiTabItemFlags_SetSelected : 0);
    if (select) s.view.select_tab.clear();
    record_rect(s, std::string("tab.") + tab.title);
    if (!open) continue;
    ImGui::BeginChild("tab.body", ImVec2(0, 0), false);
    tab.draw(s);
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
}

void request_close(AppState& s) {
  if (patient_unsaved(s) || any_protocol_modified(s)) {
    s.view.close_requested = true;
  } else {
    s.view.quit_confirmed = true;
  }
}

}  // namespace

void handle_shortcuts(AppState& s) {
  if (s.view.prompt != PromptKind::none) return;  // the prompt has the keyboard
  if (shortcut('O')) begin_prompt(s, PromptKind::open_patient);
  if (shortcut('O', true)) begin_prompt(s, PromptKind::open_protocol);
  if (shortcut('S')) {
    const ProtocolEntry* e = selected_protocol(s);
    if (s.view.editor_has_focus && e != nullptr) {
      if (e->origin == ProtocolOrigin::bundled) {
        begin_prompt(s, PromptKind::save_protocol_as);
      } else {
        save_protocol(s);
      }
    } else {
      save_patient_or_prompt(s);
    }
  }
  if (shortcut('S', true)) begin_prompt(s, PromptKind::save_patient_as);
  if (shortcut('E') && can_export(s)) begin_prompt(s, PromptKind::export_markdown);
  if (shortcut('E', true) && can_export(s)) begin_prompt(s, PromptKind::export_json);
  if (shortcut('I') && ics_unavailable_reason(s).empty()) begin_prompt(s, PromptKind::export_ics);
  if (shortcut('Q')) request_close(s);
}

void draw_menu_bar(AppState& s) {
  if (!ImGui::BeginMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("Open patient\u2026", "Ctrl+O")) begin_prompt(s, PromptKind::open_patient);
    if (ImGui::MenuItem("Save patient", "Ctrl+S")) save_patient_or_prompt(s);
    if (ImGui::MenuItem("Save patient as\u2026", "Ctrl+Shift+S")) {
      begin_prompt(s, PromptKind::save_patient_as);
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Open protocol\u2026", "Ctrl+Shift+O")) {
      begin_prompt(s, PromptKind::open_protocol);
    }
    if (ImGui::MenuItem("Save protocol as\u2026", nullptr, false,
                        selected_protocol(s) != nullptr)) {
      begin_prompt(s, PromptKind::save_protocol_as);
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Export plan as Markdown\u2026", "Ctrl+E", false, can_export(s))) {
      begin_prompt(s, PromptKind::export_markdown);
    }
    if (ImGui::MenuItem("Export plan as JSON\u2026", "Ctrl+Shift+E", false, can_export(s))) {
      begin_prompt(s, PromptKind::export_json);
    }
    const std::string no_ics = ics_unavailable_reason(s);
    if (ImGui::MenuItem("Export schedule as iCalendar (.ics)\u2026", "Ctrl+I", false,
                        no_ics.empty())) {
      begin_prompt(s, PromptKind::export_ics);
    }
    if (!no_ics.empty()) tooltip("Not available: " + no_ics);
    ImGui::Separator();
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) request_close(s);
    ImGui::EndMenu();
  }
  record_rect(s, "menu.file");
  if (ImGui::BeginMenu("View")) {
    ImGui::MenuItem("Protocol editor", nullptr, &s.view.show_protocol_editor);
    if (ImGui::MenuItem("Unfold every figure") && s.plan.plan) {
      for (const auto* d : s.plan.plan->figures()) s.view.expanded.insert(d->id);
    }
    if (ImGui::MenuItem("Fold every figure")) s.view.expanded.clear();
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Training")) {
    // The simulation (ui/sim/): the plan as a simulated session, or a scenario of the library.
    if (ImGui::MenuItem("Train on this plan", nullptr, false, selected_protocol(s) != nullptr)) {
      simui::train_on_plan(s);
    }
    record_rect(s, "menu.training.plan");
    if (ImGui::MenuItem("Scenario library\u2026")) {
      s.sim.active = true;
      s.sim.screen = simui::Screen::library;
      simui::load_library(s.sim);
    }
    record_rect(s, "menu.training.library");
    ImGui::EndMenu();
  }
  record_rect(s, "menu.training");
  // The two workspaces, one click away: planning, and the session records (records_*.cpp).
  if (ImGui::MenuItem("Planner", nullptr, !s.records.active)) s.records.active = false;
  record_rect(s, "menu.planner");
  if (ImGui::MenuItem("Session records", nullptr, s.records.active)) s.records.active = true;
  record_rect(s, "menu.records");
  ImGui::EndMenuBar();
}

void draw_status_bar(AppState& s) {
  if (s.records.active) {  // the planner's status would read as the records'
    badge("SESSION RECORDS", kColourAccent);
  } else if (s.plan.plan) {
    const plan::Status st = s.plan.plan->status();
    if (s.plan.current) {
      badge(status_words(st), status_colour(st));
    } else {
      badge("NOT CURRENT", kColourError);
      ImGui::SameLine();
      badge((std::string("last valid: ") + status_words(st)).c_str(), status_colour(st));
    }
  } else {
    badge("NO PLAN", kColourError);
  }
  record_rect(s, "status.badge");
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::PushFont(bold_font());
  ImGui::TextUnformatted(plan::kDisclaimer);
  ImGui::PopFont();
  record_rect(s, "status.disclaimer");
  if (!s.view.message.empty()) {
    ImGui::TextColored(s.view.message_is_error ? kColourError : kColourMuted, "%s",
                       s.view.message.c_str());
  } else if (!s.font_note.empty()) {
    ImGui::TextColored(kColourWarning, "%s", s.font_note.c_str());
  } else {
    ImGui::TextColored(kColourMuted,
                       "Ctrl+O open \u00b7 Ctrl+S save \u00b7 Ctrl+E export \u00b7 Tab moves "
                       "through the form");
  }
}

void draw_close_prompt(AppState& s) {
  if (s.view.close_requested) {
    ImGui::OpenPopup("Unsaved changes###close");
    s.view.close_requested = false;
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal("Unsaved changes###close", nullptr,
                              ImGuiWindowFlags_AlwaysAutoResize)) {
    return;
  }
  ImGui::PushTextWrapPos(em(34));
  const bool patient = patient_unsaved(s);
  if (patient) {
    ImGui::TextWrapped(
        "The patient%s has changes that are not saved to a file. (The working "
        "patient stays in the autosave and comes back at the next start.)",
        s.patient_path.empty() ? "" : (" " + s.patient_path).c_str());
  }
  for (const auto& e : s.protocols) {
    if (e.modified()) {
      ImGui::TextColored(kColourWarning, "Protocol %s has unsaved edits that will be LOST.",
                         e.id.c_str());
    }
  }
  ImGui::PopTextWrapPos();
  if (patient && ImGui::Button("Save patient and quit")) {
    if (s.patient_path.empty()) {
      s.view.quit_after_save = true;
      begin_prompt(s, PromptKind::save_patient_as);
    } else if (save_patient_file(s, s.patient_path)) {
      s.view.quit_confirmed = true;
    }
    ImGui::CloseCurrentPopup();
  }
  if (patient) ImGui::SameLine();
  if (ImGui::Button("Quit without saving")) {
    s.view.quit_confirmed = true;
    ImGui::CloseCurrentPopup();
  }
  record_rect(s, "close.discard");
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    ImGui::CloseCurrentPopup();
  }
  record_rect(s, "close.cancel");
  ImGui::EndPopup();
}

ImVec4 backdrop_colour(const AppState& s) {
  return s.sim.active ? simui::kSimFrameBg : ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
}

void draw_app(AppState& s) {
  if (s.sim.active) {  // the training simulation has the whole window (ui/sim/)
    simui::draw_sim_window(s);
    return;
  }
  recompute_if_needed(s);
  handle_shortcuts(s);

  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_MenuBar | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                 ImGuiWindowFlags_NoBackground;  // backdrop_colour() instead
  ImGui::Begin("LiverBridge###main", nullptr, flags);
  draw_menu_bar(s);

  const ImGuiStyle& style = ImGui::GetStyle();
  const float status_h = ImGui::GetFrameHeightWithSpacing() +
                         ImGui::GetTextLineHeightWithSpacing() + 2 * style.WindowPadding.y;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float body_h = avail.y - status_h - style.ItemSpacing.y;
  const float gap = style.ItemSpacing.x;
  const float patient_w = std::max(em(22.5f), (avail.x - 2 * gap) * 0.36f);
  const float rest = avail.x - 2 * gap - patient_w;
  const float plan_w = rest * 0.55f;

  if (s.records.active) {  // the session records replace the three columns
    ImGui::BeginChild("column.records", ImVec2(0, body_h), false);
    draw_records_workspace(s);
    ImGui::EndChild();
  } else {
    ImGui::BeginChild("column.patient", ImVec2(patient_w, body_h), true);
    draw_patient_panel(s);
    ImGui::EndChild();
    record_rect(s, "column.patient");
    ImGui::SameLine();
    ImGui::BeginChild("column.plan", ImVec2(plan_w, body_h), true);
    draw_centre_column(s);
    ImGui::EndChild();
    record_rect(s, "column.plan");
    ImGui::SameLine();
    ImGui::BeginChild("column.protocol", ImVec2(0, body_h), true);
    draw_protocol_panel(s);
    ImGui::EndChild();
    record_rect(s, "column.protocol");
  }

  ImGui::BeginChild("status", ImVec2(0, 0), true, ImGuiWindowFlags_NoScrollbar);
  draw_status_bar(s);
  ImGui::EndChild();
  ImGui::End();

  draw_protocol_editor(s);
  draw_file_prompt(s);
  draw_close_prompt(s);
  draw_approve_prompt(s);
  // An edit in this frame re-plans before the next frame is drawn.
  recompute_if_needed(s);
}

}  // namespace lb::gui
