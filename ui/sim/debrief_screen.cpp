// The Debrief screen of the simulation window: the debrief (core/sim/debrief) of the current
// attempt, drawn by the debrief panel (debrief_panel.hpp). In PEARLS order the trainee's
// reaction comes before any score, so the screen asks for the self-rating first. A debrief is
// made from a finished run: the recorded timeline is replayed and must match byte for byte
// (sim/debrief/replay.hpp). Instructor lines that change nothing in the run (freeze, flag,
// rewind) are left out of what is replayed; an attempt with acts the replay cannot repeat
// (an injected or suppressed event, a parameter override, an early end) says so instead.
#include <imgui.h>

#include <string>
#include <string_view>

#include "gui/gui_common.hpp"
#include "io/sha256.hpp"
#include "sim/debrief/replay.hpp"
#include "sim/debrief/timeline.hpp"
#include "sim/debrief_panel.hpp"
#include "sim/sim_panels.hpp"
#include "sim/sim_state.hpp"

namespace lb::simui {

namespace {

/// The act of an instructor line ("freeze"), or "" for another line.
std::string instructor_act(std::string_view line) {
  constexpr std::string_view kKind = R"("kind":"instructor","act":")";
  const auto at = line.find(kKind);
  if (at == std::string_view::npos) return "";
  const auto from = at + kKind.size();
  return std::string(line.substr(from, line.find('"', from) - from));
}

/// The timeline the debrief replays: without the instructor lines that change nothing in the
/// run; "" and `why` set when the attempt has an act the replay cannot repeat.
std::string replayable(const std::string& timeline, std::string& why) {
  std::string out;
  std::size_t start = 0;
  while (start < timeline.size()) {
    const auto end = timeline.find('\n', start);
    const std::string_view line(timeline.data() + start,
                                (end == std::string::npos ? timeline.size() : end) - start);
    start = end == std::string::npos ? timeline.size() : end + 1;
    const std::string act = instructor_act(line);
    if (act.empty()) {
      out.append(line);
      out += '\n';
    } else if (act != "freeze" && act != "unfreeze" && act != "flag" && act != "rewind") {
      why = "The instructor's '" + act +
            "' changed this run in a way the debrief's replay cannot repeat; the debrief is "
            "made only from runs it can replay exactly.";
      return "";
    }
  }
  return out;
}

void make_debrief(SimState& s) {
  s.debrief.reset();
  s.debrief_problem.clear();
  s.debrief_branch = s.current;
  const Branch* b = current_branch(s);
  if (b == nullptr || !s.prepared) return;
  const std::string text = replayable(b->runner.timeline(), s.debrief_problem);
  if (text.empty()) return;
  const auto parsed = sim::debrief::parse_timeline(text, "attempt " + std::to_string(b->number));
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
