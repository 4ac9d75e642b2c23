// The Debrief screen of the simulation window: the debrief (core/sim/debrief) of the current
// attempt, drawn by the debrief panel (debrief_panel.hpp). In PEARLS order the trainee's
// reaction comes before any score, so the screen asks for the self-rating first. A debrief is
// made from a finished run: the recorded timeline is replayed and must match byte for byte
// (sim/debrief/replay.hpp), the instructor's acts (freeze, flag, rewind, injected and
// suppressed events, parameter overrides, the early end) repeated at their place.
#include <imgui.h>

#include <string>

#include "gui/gui_common.hpp"
#include "sim/debrief/replay.hpp"
#include "sim/debrief/timeline.hpp"
#include "sim/debrief_panel.hpp"
#include "sim/sim_panels.hpp"
#include "sim/sim_state.hpp"

namespace lb::simui {

namespace {

void make_debrief(SimState& s) {
  s.debrief.reset();
  s.debrief_problem.clear();
  s.debrief_branch = s.current;
  const Branch* b = current_branch(s);
  if (b == nullptr || !s.prepared) return;
  const auto parsed =
      sim::debrief::parse_timeline(b->runner.timeline(), "attempt " + std::to_string(b->number));
  if (!parsed.timeline) {
    for (const auto& d : parsed.diagnostics.sorted()) s.debrief_problem += diag::format(d) + "\n";
    return;
  }
  const auto replay = sim::debrief::replay_timeline(*s.prepared, *parsed.timeline);
  if (!replay.replay) {
    for (const auto& d : replay.diagnostics.sorted()) s.debrief_problem += diag::format(d) + "\n";
    return;
  }
  s.debrief = sim::debrief::build_debrief(
      {*s.prepared, *parsed.timeline, *replay.replay, s.scenario_sha256, b->self_rating});
}

}  // namespace

void draw_debrief_screen(gui::AppState& s) {
  SimState& sim = s.sim;
  Branch* b = current_branch(sim);
  if (b == nullptr) return;
  if (!b->runner.finished()) {
    ImGui::TextWrapped("The debrief is made from a finished run. Attempt %d has reached %s of %s.",
                       b->number, clock_text(b->runner.now()).c_str(),
                       clock_text(b->runner.scenario().duration_s).c_str());
    if (ImGui::Button("Run to the end now")) {
      run_until(sim, b->runner.scenario().duration_s + 1);
      set_paused(sim, true);
    }
    gui::record_rect(s, "sim.debrief.run_to_end");
    return;
  }
  if (!b->self_rating) {
    // PEARLS: reactions first; no score is shown before the trainee has said how it went.
    gui::heading("Before the debrief: how did it go?");
    ImGui::TextWrapped("1 = it went badly, 5 = it went well. No score is shown before this.");
    for (int r = 1; r <= 5; ++r) {
      if (r > 1) ImGui::SameLine();
      if (ImGui::Button(std::to_string(r).c_str(), gui::em2(2.5f, 0))) {
        b->self_rating = r;
        sim.debrief_branch = -1;  // made again with the rating
      }
      gui::record_rect(s, "sim.debrief.rating." + std::to_string(r));
    }
    return;
  }
  if (sim.debrief_branch != sim.current) make_debrief(sim);
  draw_save_attempt(s);
  if (!sim.debrief) {
    ImGui::TextColored(gui::kColourError, "No debrief for this attempt:");
    ImGui::TextWrapped("%s", sim.debrief_problem.c_str());
    gui::record_rect(s, "sim.debrief.problem");
    return;
  }
  ImGui::BeginChild("sim.debrief.body", ImVec2(0, 0), false);
  gui::draw_debrief_panel(*sim.debrief, sim.debrief_view);
  ImGui::EndChild();
  gui::record_rect(s, "sim.debrief.body");
}

}  // namespace lb::simui
