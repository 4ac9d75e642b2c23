// The action bar: pick an action (grouped as brief §4.5 groups them), type its parameters
// with their units, take it. The typed text goes through core's action-script reader
// (action_entry.hpp) and the runner's protocol check, the same unit-checked route as a
// script file; a refused entry says why beside the button, a deviation is logged for the
// debrief and shown as the last result.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <string>

#include "gui/gui_common.hpp"
#include "sim/action_entry.hpp"
#include "sim/model/validate_action.hpp"
#include "sim/sim_panels.hpp"
#include "sim/sim_state.hpp"

namespace lb::simui {

namespace {

void param_field(gui::AppState& s, const ActionSpec& a, const ActionParam& p) {
  TypedField f = typed_field(s.sim, a, p);
  const std::string key = field_key(a, p);
  ImGui::PushID(key.c_str());
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(p.label.c_str());
  ImGui::SameLine();
  bool changed = false;
  switch (p.kind) {
    case ParamKind::choice:
    case ParamKind::boolean: {
      ImGui::SetNextItemWidth(gui::em(11.0f));
      if (ImGui::BeginCombo("##choice", f.value.c_str())) {
        for (const auto& c : p.choices) {
          if (ImGui::Selectable(c.c_str(), c == f.value)) {
            f.value = c;
            changed = true;
          }
          gui::record_rect(s, "sim.action.choice." + c);
        }
        ImGui::EndCombo();
      }
      break;
    }
    case ParamKind::quantity:
    case ParamKind::number:
    case ParamKind::text:
      ImGui::SetNextItemWidth(gui::em(p.kind == ParamKind::text ? 10.0f : 5.0f));
      changed = ImGui::InputText("##value", &f.value);
      break;
  }
  gui::record_rect(s, "sim.action.field." + p.key);
  if (p.kind == ParamKind::quantity) {
    ImGui::SameLine();
    if (p.units.size() == 1) {
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(f.unit.c_str());
    } else {
      ImGui::SetNextItemWidth(gui::em(6.0f));
      if (ImGui::BeginCombo("##unit", f.unit.c_str())) {
        for (const auto& u : p.units) {
          if (ImGui::Selectable(u.c_str(), u == f.unit)) {
            f.unit = u;
            changed = true;
          }
        }
        ImGui::EndCombo();
      }
      gui::record_rect(s, "sim.action.unit." + p.key);
    }
  }
  if (changed) s.sim.fields[key] = f;
  ImGui::PopID();
}

}  // namespace

void draw_action_bar(gui::AppState& s) {
  SimState& sim = s.sim;
  const auto actions = trainee_actions();
  if (sim.action < 0 || sim.action >= static_cast<int>(actions.size())) sim.action = 0;
  const ActionSpec& a = actions[static_cast<std::size_t>(sim.action)];
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Action");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(gui::em(14.0f));
  if (ImGui::BeginCombo("##sim.action", a.label.c_str(), ImGuiComboFlags_HeightLarge)) {
    std::string group;
    for (std::size_t i = 0; i < actions.size(); ++i) {
      if (actions[i].group != group) {
        group = actions[i].group;
        ImGui::TextColored(gui::kColourMuted, "%s", group.c_str());
      }
      if (ImGui::Selectable(("  " + actions[i].label).c_str(), static_cast<int>(i) == sim.action)) {
        sim.action = static_cast<int>(i);
        sim.action_problem.clear();
      }
      gui::record_rect(s, "sim.action.pick." + actions[i].name);
    }
    ImGui::EndCombo();
  }
  gui::record_rect(s, "sim.action.combo");
  for (const auto& p : a.params) {
    ImGui::SameLine();
    param_field(s, a, p);
  }
  ImGui::SameLine();
  const auto* r = runner(sim);
  ImGui::BeginDisabled(r == nullptr || r->finished());
  if (ImGui::Button("Take action")) {
    const EntryResult e = make_entry(sim, a, sim::scenario::Actor::trainee);
    if (e.entry) {
      sim.action_problem.clear();
      sim.message = a.label + " at " + clock_text(r->now());
      // What the runner logs as deviations for the debrief, shown to the trainee now as well.
      if (const auto* act = std::get_if<sim::Action>(&e.entry->what)) {
        const auto now = sim::current_setting(r->engine().kernel(), r->session());
        for (const auto& f :
             sim::validate_action(*act, r->session(), now, r->engine().parameters())) {
          sim.message += " \u00b7 " + f.message;
        }
      }
      take(sim, *e.entry);
    } else {
      sim.action_problem = e.problem;
    }
  }
  ImGui::EndDisabled();
  gui::record_rect(s, "sim.action.take");
  if (!sim.action_problem.empty()) {
    ImGui::TextColored(gui::kColourError, "Not taken: %s", sim.action_problem.c_str());
    gui::record_rect(s, "sim.action.problem");
  }
}

}  // namespace lb::simui
