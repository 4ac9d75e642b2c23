// The alarms of the run (device, monitor and lab) as the board holds them: every alarm that
// is sounding or acknowledged, with its priority and state in words as well as colour, and
// the trainee's acknowledge and silence buttons. The acts go to the runner as script entries,
// so they are timed and logged like any other action.
#include <imgui.h>

#include <string>

#include "gui/gui_common.hpp"
#include "sim/sim_panels.hpp"
#include "sim/sim_state.hpp"

namespace lb::simui {

namespace {

void alarm_act(SimState& s, sim::scenario::AlarmAct act, const std::string& id) {
  sim::scenario::ScriptEntry e;
  e.what = sim::scenario::AlarmCommand{act, id};
  e.actor = sim::scenario::Actor::trainee;
  take(s, e);
}

}  // namespace

void draw_alarm_panel(gui::AppState& s) {
  sim::run::Runner* r = runner(s.sim);
  if (r == nullptr) return;
  const auto& board = r->alarm_board();
  int shown = 0;
  for (const auto& spec : board.specs()) {
    const sim::alarms::State st = board.state(spec.id);
    if (st == sim::alarms::State::inactive) continue;
    ++shown;
    ImGui::PushID(spec.id.c_str());
    const bool sounding = st == sim::alarms::State::active;
    const ImVec4 colour =
        st == sim::alarms::State::acknowledged ? gui::kColourMuted : priority_colour(spec.priority);
    gui::badge(priority_word(spec.priority), colour);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(colour, "%s \u2014 %s (%s)", words(spec.id).c_str(), alarm_state_word(st),
                       std::string(sim::alarms::kSourceNames.name(spec.source)).c_str());
    ImGui::PopTextWrapPos();
    gui::record_rect(s, "sim.alarm." + spec.id);
    ImGui::Indent(gui::em(1.0f));
    ImGui::BeginDisabled(!sounding && st != sim::alarms::State::silenced);
    if (ImGui::SmallButton("Acknowledge")) {
      alarm_act(s.sim, sim::scenario::AlarmAct::acknowledge, spec.id);
    }
    ImGui::EndDisabled();
    gui::record_rect(s, "sim.alarm." + spec.id + ".ack");
    ImGui::SameLine();
    ImGui::BeginDisabled(!sounding);
    if (ImGui::SmallButton("Silence")) alarm_act(s.sim, sim::scenario::AlarmAct::silence, spec.id);
    ImGui::EndDisabled();
    gui::record_rect(s, "sim.alarm." + spec.id + ".silence");
    ImGui::Unindent(gui::em(1.0f));
    ImGui::PopID();
  }
  if (shown == 0) ImGui::TextColored(gui::kColourOk, "No alarm");
  gui::record_rect(s, "sim.alarms.end");
}

}  // namespace lb::simui
