// The simulation window: replaces the planner's columns while a simulation is active. A
// violet frame and the label "Training simulation — not for clinical decisions" on every
// screen; the screens (library, trainee bedside, instructor console, debrief) below the time
// controls. Each frame advances the run by the wall time that passed (sim_state.cpp tick()).
#include <imgui.h>

#include <algorithm>
#include <string>

#include "gui/gui_common.hpp"
#include "sim/sim_panels.hpp"
#include "sim/sim_state.hpp"

namespace lb::simui {

namespace {

struct ScreenTab {
  Screen screen;
  const char* title;
  const char* rect;
};
constexpr ScreenTab kScreens[] = {
    {Screen::library, "Scenario library", "sim.screen.library"},
    {Screen::bedside, "Trainee bedside", "sim.screen.bedside"},
    {Screen::instructor, "Instructor console", "sim.screen.instructor"},
    {Screen::debrief, "Debrief", "sim.screen.debrief"},
};

void draw_header(gui::AppState& s) {
  SimState& sim = s.sim;
  gui::badge(kTrainingLabel, kSimFrame);
  gui::record_rect(s, "sim.label");
  for (const ScreenTab& tab : kScreens) {
    ImGui::SameLine();
    const bool chosen = sim.screen == tab.screen;
    const bool needs_run = tab.screen != Screen::library && runner(sim) == nullptr;
    if (chosen) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.45f, 0.28f, 0.65f, 1.0f));
    ImGui::BeginDisabled(needs_run);
    if (ImGui::Button(tab.title)) {
      sim.screen = tab.screen;
      if (tab.screen == Screen::library) load_library(sim);
    }
    ImGui::EndDisabled();
    if (chosen) ImGui::PopStyleColor();
    gui::record_rect(s, tab.rect);
  }
  ImGui::SameLine();
  const float back_w = ImGui::CalcTextSize("Back to the planner").x + gui::em(1.2f);
  ImGui::SetCursorPosX(
      std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - back_w));
  if (ImGui::Button("Back to the planner")) sim.active = false;
  gui::record_rect(s, "sim.back");
  if (runner(sim) != nullptr) {
    ImGui::TextColored(gui::kColourMuted, "Running %s \u00b7 seed %llu", sim.source.c_str(),
                       static_cast<unsigned long long>(sim.seed));
  }
}

void draw_bedside(gui::AppState& s) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float bar_h = ImGui::GetFrameHeightWithSpacing() * 2.2f + style.WindowPadding.y * 2;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float body_h = avail.y - bar_h - style.ItemSpacing.y;
  const float gap = style.ItemSpacing.x;
  const float w1 = std::max(gui::em(26.0f), (avail.x - 2 * gap) * 0.40f);
  const float w2 = (avail.x - 2 * gap - w1) * 0.5f;
  const float monitor_h = std::min(body_h * 0.6f, gui::em(17.5f));

  ImGui::BeginGroup();
  if (begin_panel("sim.panel.monitor", "Patient monitor", ImVec2(w1, monitor_h))) {
    draw_monitor_panel(s);
  }
  end_panel();
  if (begin_panel("sim.panel.patient", "The patient",
                  ImVec2(w1, body_h - monitor_h - style.ItemSpacing.y))) {
    draw_patient_signs_panel(s);
  }
  end_panel();
  ImGui::EndGroup();
  ImGui::SameLine();
  ImGui::BeginGroup();
  const float alarms_h = std::min(body_h * 0.35f, gui::em(9.0f));
  if (begin_panel("sim.panel.alarms", "Alarms", ImVec2(w2, alarms_h))) draw_alarm_panel(s);
  end_panel();
  if (begin_panel("sim.panel.device", "Device",
                  ImVec2(w2, body_h - alarms_h - style.ItemSpacing.y))) {
    draw_device_panel(s);
  }
  end_panel();
  ImGui::EndGroup();
  ImGui::SameLine();
  if (begin_panel("sim.panel.labs", "Labs", ImVec2(0, body_h))) draw_lab_panel(s);
  end_panel();

  if (begin_panel("sim.panel.actions", "Actions", ImVec2(0, 0))) {
    draw_action_bar(s);
    if (!s.sim.message.empty()) ImGui::TextColored(gui::kColourMuted, "%s", s.sim.message.c_str());
  }
  end_panel();
}

}  // namespace

void train_on_plan(gui::AppState& s) {
  const gui::ProtocolEntry* p = gui::selected_protocol(s);
  if (p == nullptr) return;
  if (!start_from_plan(s.sim, gui::form_to_yaml(s.form), gui::patient_file_label(s), p->text,
                       p->path.empty() ? p->id : p->path)) {
    s.sim.active = true;
    s.sim.screen = Screen::library;
    load_library(s.sim);
  }
}

void draw_sim_window(gui::AppState& s) {
  SimState& sim = s.sim;
  tick(sim, static_cast<double>(ImGui::GetIO().DeltaTime));

  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, kSimFrameBg);
  ImGui::PushStyleColor(ImGuiCol_Border, kSimFrame);
  // Panels show as bordered areas on the frame colour: an opaque child background would fill
  // most of the screen a second time every frame, which halves the frame rate under software
  // OpenGL (the ×60 benchmark, --bench-frames).
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.0f, 0.0f, 0.0f, 0.0f));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, std::max(2.0f, gui::em(0.2f)));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus |
                                 ImGuiWindowFlags_NoBackground;  // gui::backdrop_colour()
  ImGui::Begin("Training simulation###sim", nullptr, flags);
  ImGui::PopStyleVar();
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
  draw_header(s);
  if (runner(sim) != nullptr && sim.screen != Screen::library) draw_time_controls(s);
  ImGui::Separator();
  switch (sim.screen) {
    case Screen::library: draw_library_panel(s); break;
    case Screen::bedside:
      if (runner(sim) != nullptr) draw_bedside(s);
      break;
    case Screen::instructor:
      if (runner(sim) != nullptr) draw_instructor_console(s);
      break;
    case Screen::debrief:
      if (runner(sim) != nullptr) draw_debrief_screen(s);
      break;
  }
  ImGui::PopStyleVar();
  ImGui::End();
  if (sim.all_panels && runner(sim) != nullptr) {
    // The benchmark's second screen: the console in its own window over the bedside.
    ImGui::SetNextWindowPos(
        ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.3f, vp->WorkPos.y + gui::em(4)),
        ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x * 0.68f, vp->WorkSize.y * 0.6f),
                             ImGuiCond_Always);
    ImGui::Begin("Instructor console###sim.bench.instructor", nullptr,
                 ImGuiWindowFlags_NoSavedSettings);
    draw_instructor_console(s);
    ImGui::End();
  }
  ImGui::PopStyleColor(3);
}

}  // namespace lb::simui
