// The time controls: the simulated clock, pause/run, ×1 ×2 ×5 ×10 and ×60 (between sessions
// only), skip to the next lab result, and why the speed last changed by itself (a high-
// priority alarm slows the run to ×1). Pacing to wall time is sim_state.cpp's tick().
#include <imgui.h>

#include <cstdio>
#include <string>

#include "gui/gui_common.hpp"
#include "sim/sim_panels.hpp"
#include "sim/sim_state.hpp"

namespace lb::simui {

void draw_time_controls(gui::AppState& s) {
  SimState& sim = s.sim;
  const sim::run::Runner* r = runner(sim);
  if (r == nullptr) return;
  const Branch* b = current_branch(sim);
  ImGui::PushFont(gui::bold_font());
  ImGui::AlignTextToFramePadding();
  ImGui::Text("%s", clock_text(r->now()).c_str());
  ImGui::PopFont();
  gui::record_rect(s, "sim.time.clock");
  ImGui::SameLine();
  ImGui::TextColored(gui::kColourMuted, "of %s \u00b7 attempt %d",
                     clock_text(r->scenario().duration_s).c_str(), b->number);
  ImGui::SameLine();
  if (r->finished()) {
    gui::badge("ENDED", gui::kColourMuted);
  } else if (sim.frozen) {
    gui::badge("FROZEN BY THE INSTRUCTOR", gui::kColourWarning);
  } else {
    const bool paused = sim.paused;
    if (ImGui::Button(paused ? "Run" : "Pause", gui::em2(4.5f, 0))) set_paused(sim, !paused);
    gui::record_rect(s, "sim.time.run");
  }
  for (const double speed : kSpeeds) {
    ImGui::SameLine();
    char label[32];
    std::snprintf(label, sizeof label, "\u00d7%g", speed);
    const bool allowed = speed_allowed(sim, speed);
    const bool chosen = sim.speed == speed;
    if (chosen) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.45f, 0.28f, 0.65f, 1.0f));
    ImGui::BeginDisabled(!allowed);
    if (ImGui::Button(label)) set_speed(sim, speed);
    ImGui::EndDisabled();
    if (chosen) ImGui::PopStyleColor();
    gui::record_rect(s, std::string("sim.time.speed.") + std::to_string(static_cast<int>(speed)));
    if (!allowed) {
      gui::tooltip("\u00d760 is for the time between sessions; a session is connected.");
    }
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(r->finished() || r->lab_queue().pending().empty());
  if (ImGui::Button("Skip to next result")) skip_to_next_result(sim);
  ImGui::EndDisabled();
  gui::record_rect(s, "sim.time.skip");
  if (sim.slowed_for_alarm) {
    ImGui::SameLine();
    ImGui::TextColored(gui::kColourError, "slowed to \u00d71: high-priority alarm");
  }
}

}  // namespace lb::simui
