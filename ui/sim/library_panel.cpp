// The scenario library: the bundled scenarios (the program's data) and the user's own
// (<XDG data>/liverbridge/scenarios, as user protocols), each with its title, audience,
// duration and learning objectives; "Start" runs the one selected. A scenario
// that does not read is listed with its first errors (file:line:col), never hidden.
#include <imgui.h>

#include <filesystem>
#include <string>

#include "gui/gui_common.hpp"
#include "sim/sim_panels.hpp"
#include "sim/sim_state.hpp"

namespace lb::simui {

namespace {

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : ", ") + words(x);
  return out;
}

}  // namespace

void draw_library_panel(gui::AppState& s) {
  SimState& sim = s.sim;
  if (sim.library.empty()) load_library(sim);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float list_w = std::max(gui::em(22.0f), avail.x * 0.38f);
  ImGui::BeginChild("sim.library.list", ImVec2(list_w, 0), true);
  for (std::size_t i = 0; i < sim.library.size(); ++i) {
    const LibraryEntry& e = sim.library[i];
    const std::string label =
        e.id + " \u00b7 " + (e.origin == Origin::bundled ? "bundled" : "yours") + " \u00b7 " +
        std::to_string(e.duration_s / 60) + " min" +
        (e.difficulty.empty() ? "" : " \u00b7 " + e.difficulty) +
        (e.problem.empty() ? "" : " \u00b7 DOES NOT READ") + "##lib" + std::to_string(i);
    if (ImGui::Selectable(label.c_str(), sim.selected == static_cast<int>(i))) {
      sim.selected = static_cast<int>(i);
    }
    gui::record_rect(s, "sim.library." + e.id);
    ImGui::Indent(gui::em(1.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, gui::kColourMuted);
    ImGui::TextWrapped("%s", e.title.c_str());
    ImGui::PopStyleColor();
    ImGui::Unindent(gui::em(1.0f));
  }
  if (sim.library.empty()) {
    ImGui::TextWrapped("No scenarios found in %s or %s.", sim.scenarios_dir.c_str(),
                       sim.user_scenarios_dir.c_str());
  }
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("sim.library.detail", ImVec2(0, 0), true);
  if (sim.selected >= 0 && sim.selected < static_cast<int>(sim.library.size())) {
    const LibraryEntry& e = sim.library[static_cast<std::size_t>(sim.selected)];
    ImGui::PushFont(gui::bold_font());
    ImGui::TextWrapped("%s", e.title.empty() ? e.id.c_str() : e.title.c_str());
    ImGui::PopFont();
    // A bundled scenario by its file name (where the program is installed says nothing);
    // the user's by its whole path.
    const std::string where = e.origin == Origin::bundled
                                  ? "bundled " + std::filesystem::path(e.file).filename().string()
                                  : e.file;
    ImGui::PushStyleColor(ImGuiCol_Text, gui::kColourMuted);
    ImGui::TextWrapped("%s \u00b7 version %s \u00b7 %s", e.id.c_str(), e.version.c_str(),
                       where.c_str());
    ImGui::PopStyleColor();
    if (!e.problem.empty()) {
      ImGui::TextColored(gui::kColourError, "This scenario does not read:");
      ImGui::TextWrapped("%s", e.problem.c_str());
    } else {
      ImGui::Text("Duration: %lld min", static_cast<long long>(e.duration_s / 60));
      ImGui::Text("Difficulty: %s", e.difficulty.empty() ? "not given" : e.difficulty.c_str());
      ImGui::Text("Audience: %s", e.audience.empty() ? "not given" : joined(e.audience).c_str());
      ImGui::Spacing();
      ImGui::TextWrapped("%s", e.summary.c_str());
      gui::heading("Learning objectives");
      for (const auto& o : e.objectives) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", o.text.c_str());
      }
      ImGui::Spacing();
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted("Seed");
      ImGui::SameLine();
      ImGui::SetNextItemWidth(gui::em(9.0f));
      ImGui::InputScalar("##seed", ImGuiDataType_U64, &sim.seed);
      gui::record_rect(s, "sim.library.seed");
      ImGui::SameLine();
      if (ImGui::Button("Start this scenario")) start_scenario(sim, sim.selected);
      gui::record_rect(s, "sim.library.start");
    }
  }
  if (!sim.problems.empty()) {
    ImGui::TextColored(gui::kColourError, "The run could not start:");
    ImGui::TextWrapped("%s", sim.problems.c_str());
  }
  ImGui::EndChild();
}

}  // namespace lb::simui
