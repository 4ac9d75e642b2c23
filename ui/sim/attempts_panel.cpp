// Attempts and snapshots: every branch of the run (the first attempt and each retry), which
// one it was rewound from and at what time; the current branch's snapshots (every 5
// simulated minutes) with "Rewind and retry", which starts a new attempt from the snapshot and
// keeps the old one listed (runner copies: nothing is erased).
#include <imgui.h>

#include <string>

#include "gui/gui_common.hpp"
#include "sim/sim_panels.hpp"
#include "sim/sim_state.hpp"

namespace lb::simui {

void draw_attempts_panel(gui::AppState& s) {
  SimState& sim = s.sim;
  gui::heading("Attempts");
  for (std::size_t i = 0; i < sim.branches.size(); ++i) {
    const Branch& b = sim.branches[i];
    std::string label = "Attempt " + std::to_string(b.number);
    if (b.parent >= 0) {
      label += " (from attempt " +
               std::to_string(sim.branches[static_cast<std::size_t>(b.parent)].number) + " at " +
               clock_text(b.branched_at) + ")";
    }
    label += " \u00b7 reached " + clock_text(b.runner.now());
    if (b.runner.finished()) label += " \u00b7 ended";
    if (ImGui::Selectable((label + "##branch" + std::to_string(i)).c_str(),
                          sim.current == static_cast<int>(i))) {
      sim.current = static_cast<int>(i);
      set_paused(sim, true);
    }
    gui::record_rect(s, "sim.attempt." + std::to_string(b.number));
  }
  const Branch* cur = current_branch(sim);
  if (cur == nullptr) return;
  gui::heading("Snapshots of this attempt");
  ImGui::BeginChild("sim.snapshots", ImVec2(0, 0), false);
  for (std::size_t i = cur->snapshots.size(); i-- > 0;) {
    ImGui::PushID(static_cast<int>(i));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(clock_text(cur->snapshots[i].t).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Rewind and retry")) {
      rewind_to(sim, i);
      ImGui::PopID();
      break;  // the branch list changed
    }
    gui::record_rect(s, "sim.snapshot." + std::to_string(i));
    ImGui::PopID();
  }
  ImGui::EndChild();
}

}  // namespace lb::simui
