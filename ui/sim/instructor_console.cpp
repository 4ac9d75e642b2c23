// The instructor console: the true state the trainee cannot see (ionised and total calcium
// and their ratio, citrate, acid-base, the volume deficit...), the scenario's events with
// what the seed has rolled for them (inject now, suppress), the alarms (inject, suppress,
// release), parameter overrides, freeze, a debrief flag and the end of the scenario. Every
// act is written to the timeline as the instructor's (sim::run::Runner::log_instructor and
// actor "instructor"), never scored against the trainee.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdlib>
#include <initializer_list>
#include <string>

#include "gui/gui_common.hpp"
#include "sim/model/observables.hpp"
#include "sim/sim_panels.hpp"
#include "sim/sim_state.hpp"
#include "text/format.hpp"
#include "units/parse.hpp"

namespace lb::simui {

namespace {

/// The width of small buttons with these labels side by side (the table's last column).
float buttons_width(std::initializer_list<const char*> labels) {
  const ImGuiStyle& st = ImGui::GetStyle();
  float w = 0.0f;
  for (const char* l : labels) w += ImGui::CalcTextSize(l).x + 2 * st.FramePadding.x;
  return w + st.ItemSpacing.x * static_cast<float>(labels.size()) + st.CellPadding.x * 2;
}

/// The true state: the observables the brief's instructor view names, in this order.
constexpr const char* kTrueState[] = {"ica",  "total_ca",       "ca_ratio", "citrate",   "ph",
                                      "hco3", "pco2",           "k",        "map",       "hr",
                                      "temp", "volume_deficit", "qtc",      "clot_index"};

void true_state(gui::AppState& s, const sim::run::Runner& r) {
  const ImGuiTableFlags flags = ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg;
  if (!ImGui::BeginTable("sim.truth", 2, flags)) return;
  ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthFixed, gui::em(6.5f));
  for (const char* name : kTrueState) {
    const sim::Observable* o = sim::find_observable(name);
    if (o == nullptr) continue;
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(gui::kColourMuted, "%s", std::string(o->label).c_str());
    ImGui::PopTextWrapPos();
    ImGui::TableSetColumnIndex(1);
    const int decimals = std::string_view(name) == "ph" ? 3 : o->unit == "mmol/L" ? 2 : 1;
    ImGui::TextUnformatted(value_text(o->read(r.state()), decimals, o->unit).c_str());
  }
  ImGui::EndTable();
  gui::record_rect(s, "sim.truth");
}

std::string rolled_text(const sim::events::RolledEvent& e) {
  if (e.at) return "at " + clock_text(*e.at);
  if (e.ffp_unit) return "with FFP unit " + std::to_string(*e.ffp_unit);
  if (e.litres) return "after " + value_text(*e.litres, 1, "L") + " processed";
  return "not this run";
}

void event_row(gui::AppState& s, const std::string& id, const std::string& when, bool done) {
  ImGui::PushID(id.c_str());
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  ImGui::TextWrapped("%s", words(id).c_str());
  ImGui::TableSetColumnIndex(1);
  ImGui::PushStyleColor(ImGuiCol_Text, done ? gui::kColourMuted : gui::kColourWarning);
  ImGui::TextWrapped("%s", when.c_str());
  ImGui::PopStyleColor();
  ImGui::TableSetColumnIndex(2);
  sim::run::Runner* r = runner(s.sim);
  if (ImGui::SmallButton("Inject")) r->inject_event(id);
  gui::record_rect(s, "sim.event." + id + ".inject");
  ImGui::SameLine();
  ImGui::BeginDisabled(done);
  if (ImGui::SmallButton("Suppress")) r->suppress_event(id);
  ImGui::EndDisabled();
  gui::record_rect(s, "sim.event." + id + ".suppress");
  ImGui::PopID();
}

bool suppressed(const sim::run::Runner& r, const std::string& id) {
  for (const auto& x : r.suppressed()) {
    if (x == id) return true;
  }
  return false;
}

void events_table(gui::AppState& s, sim::run::Runner& r) {
  const ImGuiTableFlags flags = ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg;
  if (!ImGui::BeginTable("sim.events", 3, flags)) return;
  ImGui::TableSetupColumn("event", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("when", ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn("acts", ImGuiTableColumnFlags_WidthFixed,
                          buttons_width({"Inject", "Suppress"}));
  const auto& sc = r.scenario();
  for (std::size_t i = 0; i < sc.scheduled.size(); ++i) {
    const auto& e = sc.scheduled[i];
    const bool done = r.scheduled_fired()[i];
    event_row(s, e.id,
              suppressed(r, e.id) ? "suppressed"
              : done              ? "fired"
                                  : "scheduled at " + clock_text(e.at),
              done);
  }
  for (std::size_t i = 0; i < r.schedule().size(); ++i) {
    const auto& e = r.schedule()[i];
    const bool done = r.random_fired()[i];
    event_row(s, e.id,
              suppressed(r, e.id) ? "suppressed"
              : done              ? "fired"
                                  : "random: " + rolled_text(e),
              done || !e.scheduled());
  }
  for (const auto& e : sc.conditional) {
    event_row(s, e.id, suppressed(r, e.id) ? "suppressed" : "when its condition holds",
              suppressed(r, e.id));
  }
  ImGui::EndTable();
}

void alarms_table(gui::AppState& s, sim::run::Runner& r) {
  const ImGuiTableFlags flags = ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg;
  if (!ImGui::BeginTable("sim.instructor.alarms", 2, flags)) return;
  ImGui::TableSetupColumn("alarm", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("acts", ImGuiTableColumnFlags_WidthFixed,
                          buttons_width({"Inject", "Suppress", "Release"}));
  for (const auto& spec : r.alarm_board().specs()) {
    ImGui::PushID(spec.id.c_str());
    const auto st = r.alarm_board().state(spec.id);
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::PushStyleColor(ImGuiCol_Text, priority_colour(spec.priority));
    ImGui::TextWrapped("%s %s: %s", priority_word(spec.priority), words(spec.id).c_str(),
                       alarm_state_word(st));
    ImGui::PopStyleColor();
    ImGui::TableSetColumnIndex(1);
    const auto act = [&](sim::scenario::AlarmAct a) {
      sim::scenario::ScriptEntry e;
      e.what = sim::scenario::AlarmCommand{a, spec.id};
      e.actor = sim::scenario::Actor::instructor;
      take(s.sim, e);
    };
    if (ImGui::SmallButton("Inject")) act(sim::scenario::AlarmAct::inject);
    gui::record_rect(s, "sim.instructor.alarm." + spec.id + ".inject");
    ImGui::SameLine();
    if (ImGui::SmallButton("Suppress")) act(sim::scenario::AlarmAct::suppress);
    ImGui::SameLine();
    if (ImGui::SmallButton("Release")) act(sim::scenario::AlarmAct::release);
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void parameters_box(gui::AppState& s, sim::run::Runner& r) {
  SimState& sim = s.sim;
  // The scenario's per-patient draws (sim/run/patient_draws.hpp): value, distribution, seed.
  for (const auto& d : r.drawn()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(gui::kColourMuted, "%s", d.text().c_str());
    ImGui::PopTextWrapPos();
  }
  const auto table = r.engine().parameters().table();
  if (sim.instructor_parameter < 0 || sim.instructor_parameter >= static_cast<int>(table.size())) {
    sim.instructor_parameter = 0;
  }
  const sim::Parameter* p = table[static_cast<std::size_t>(sim.instructor_parameter)];
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::BeginCombo("##param", p->label.c_str(), ImGuiComboFlags_HeightLarge)) {
    for (std::size_t i = 0; i < table.size(); ++i) {
      if (ImGui::Selectable(table[i]->label.c_str(),
                            static_cast<int>(i) == sim.instructor_parameter)) {
        sim.instructor_parameter = static_cast<int>(i);
        sim.parameter_value.clear();
      }
    }
    ImGui::EndCombo();
  }
  gui::record_rect(s, "sim.instructor.parameter");
  ImGui::TextColored(gui::kColourMuted, "now %s %s (%s)", value_text(p->value, 3, "").c_str(),
                     p->unit.c_str(), std::string(sim::to_string(p->verification)).c_str());
  ImGui::SetNextItemWidth(gui::em(6.0f));
  ImGui::InputText("##paramvalue", &sim.parameter_value);
  gui::record_rect(s, "sim.instructor.parameter.value");
  ImGui::SameLine();
  ImGui::TextUnformatted(p->unit.c_str());
  ImGui::SameLine();
  if (ImGui::Button("Set parameter")) {
    const auto v = units::parse_plain_number(sim.parameter_value);
    if (!v) {
      sim.message = "The value must be a number in " + p->unit;
    } else {
      // The timeline keeps 4 decimals and the debrief's replay sets what it reads there: the
      // run gets exactly that value too, so the replay repeats it.
      const std::string kept = text::fixed(*v.value, 4);
      if (r.set_parameter(p->id, std::strtod(kept.c_str(), nullptr))) {
        sim.message = "Parameter " + p->id + " set to " + kept + " " + p->unit;
      }
    }
  }
  gui::record_rect(s, "sim.instructor.parameter.set");
}

}  // namespace

void draw_instructor_console(gui::AppState& s) {
  SimState& sim = s.sim;
  sim::run::Runner* r = runner(sim);
  if (r == nullptr) return;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float w1 = std::max(gui::em(17.0f), (avail.x - 2 * gap) * 0.27f);
  const float w2 = (avail.x - 2 * gap - w1) * 0.6f;
  if (begin_panel("sim.panel.truth", "True state (hidden from the trainee)", ImVec2(w1, 0))) {
    true_state(s, *r);
  }
  end_panel();
  ImGui::SameLine();
  if (begin_panel("sim.panel.events", "Events and alarms", ImVec2(w2, 0))) {
    events_table(s, *r);
    ImGui::Spacing();
    gui::heading("Alarms");
    alarms_table(s, *r);
    ImGui::Spacing();
    gui::heading("Parameters");
    parameters_box(s, *r);
  }
  end_panel();
  ImGui::SameLine();
  if (begin_panel("sim.panel.control", "Control", ImVec2(0, 0))) {
    if (ImGui::Button(sim.frozen ? "Unfreeze" : "Freeze")) freeze(sim, !sim.frozen);
    gui::record_rect(s, "sim.instructor.freeze");
    ImGui::SameLine();
    ImGui::BeginDisabled(r->finished());
    if (ImGui::Button("End scenario")) end_scenario(sim);
    ImGui::EndDisabled();
    gui::record_rect(s, "sim.instructor.end");
    ImGui::SetNextItemWidth(gui::em(12.0f));
    ImGui::InputTextWithHint("##flag", "note for the debrief", &sim.flag_note);
    gui::record_rect(s, "sim.instructor.flag.note");
    ImGui::SameLine();
    if (ImGui::Button("Flag this moment")) {
      flag_moment(sim, sim.flag_note);
      sim.flag_note.clear();
    }
    gui::record_rect(s, "sim.instructor.flag");
    if (!sim.message.empty()) ImGui::TextWrapped("%s", sim.message.c_str());
    ImGui::Separator();
    draw_attempts_panel(s);
  }
  end_panel();
}

}  // namespace lb::simui
