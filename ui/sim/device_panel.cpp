// The device as its screen shows it: mode, the inlet, return and AC pumps, the inlet:AC
// ratio, fluid balance, volumes processed, removed and replaced, the bags hung, the access
// and return pressures and the blood warmer. Values are the engine's (sim::DeviceState).
#include <imgui.h>

#include <cmath>
#include <string>

#include "gui/gui_common.hpp"
#include "sim/sim_panels.hpp"
#include "sim/sim_state.hpp"

namespace lb::simui {

namespace {

const char* mode_word(sim::DeviceMode m) {
  switch (m) {
    case sim::DeviceMode::idle: return "NOT CONNECTED";
    case sim::DeviceMode::running: return "RUNNING";
    case sim::DeviceMode::paused: return "PAUSED";
    case sim::DeviceMode::rinse_back: return "RINSE-BACK";
    case sim::DeviceMode::ended: return "ENDED";
  }
  return "";
}

ImVec4 mode_colour(sim::DeviceMode m) {
  switch (m) {
    case sim::DeviceMode::running: return gui::kColourOk;
    case sim::DeviceMode::paused:
    case sim::DeviceMode::rinse_back: return gui::kColourWarning;
    default: return gui::kColourMuted;
  }
}

void row(const char* label, const std::string& value) {
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  ImGui::TextColored(gui::kColourMuted, "%s", label);
  ImGui::TableSetColumnIndex(1);
  ImGui::TextUnformatted(value.c_str());
}

std::string ml_min(units::Flow q) { return value_text(units::in_ml_per_min(q), 1, "mL/min"); }
std::string ml(units::Volume v) { return value_text(units::in_milliliters(v), 0, "mL"); }

}  // namespace

void draw_device_panel(gui::AppState& s) {
  const Branch* b = current_branch(s.sim);
  if (b == nullptr) return;
  const sim::DeviceState& d = b->runner.state().device;
  gui::badge(mode_word(d.mode), mode_colour(d.mode));
  gui::record_rect(s, "sim.device.mode");
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::Text(
      "session %d \u00b7 %s connected", d.session,
      clock_text(static_cast<SimTime>(std::llround(units::in_seconds(d.session_elapsed)))).c_str());
  const ImGuiTableFlags flags = ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg;
  if (ImGui::BeginTable("sim.device.table", 2, flags)) {
    ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    row("Inlet pump", ml_min(d.inlet_flow));
    row("Return pump", ml_min(d.return_flow));
    row("AC pump", ml_min(d.ac_flow));
    const double ratio = units::in_fraction(d.ac_ratio);
    row("Inlet:AC ratio", ratio > 0.0 ? value_text(ratio, 1, "") + ":1" : "no citrate");
    row("Plasma removal", ml_min(d.plasma_removal));
    row("Replacement", ml_min(d.replacement_flow));
    row("Fluid balance", value_text(units::in_percent(d.fluid_balance), 0, "%"));
    row("Processed (blood)", ml(d.processed));
    row("Plasma removed / target", ml(d.removed) + " / " + ml(d.exchange_target));
    row("FFP hung", ml(d.replaced_ffp));
    if (s.sim.prepared && s.sim.prepared->exposure.ffp_units > 0) {
      const double unit_ml = units::in_milliliters(s.sim.prepared->ffp_unit_volume);
      const int hung =
          unit_ml > 0.0
              ? static_cast<int>(std::ceil(units::in_milliliters(d.replaced_ffp) / unit_ml))
              : 0;
      row("FFP bags hung", std::to_string(hung) + " of " +
                               std::to_string(s.sim.prepared->exposure.ffp_units) + " planned");
    }
    row("Albumin solution hung", ml(d.replaced_albumin));
    row("FFP share", value_text(units::in_percent(d.ffp_share), 0, "%"));
    row("AC used", ml(d.ac_used));
    row("Access pressure", value_text(units::in_mm_hg(d.access_pressure), 0, "mmHg"));
    row("Return pressure", value_text(units::in_mm_hg(d.return_pressure), 0, "mmHg"));
    row("Blood warmer", d.warmer ? "ON" : "off");
    ImGui::EndTable();
  }
  gui::record_rect(s, "sim.device.table");
}

}  // namespace lb::simui
