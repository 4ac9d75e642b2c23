// Labs at the bedside: order the panels the scenario's lab runs (each with its turnaround),
// orders pending with the time left, results as they arrive (newest first), and a trend of
// each measured variable over simulated time. Only reported results are shown: what the
// trainee knows, never the true state (that is the instructor's console).
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "gui/gui_common.hpp"
#include "sim/model/observables.hpp"
#include "sim/sim_panels.hpp"
#include "sim/sim_state.hpp"

namespace lb::simui {

namespace {

struct Point {
  double t_min = 0.0, value = 0.0;
};

void order(SimState& s, const std::string& panel) {
  const auto kind = sim::names::kLabKind.parse(panel);
  if (!kind) return;
  sim::scenario::ScriptEntry e;
  e.what = sim::Action{sim::OrderLab{*kind}};
  take(s, e);
}

std::string variable_label(const std::string& v) {
  const sim::Observable* o = sim::find_observable(v);
  return o != nullptr ? std::string(o->label) : v;
}

/// A small trend: reported values against simulated minutes, with the range and the last
/// value in words.
void trend(gui::AppState& s, const std::string& variable, const std::vector<Point>& pts,
           const std::string& unit) {
  const ImVec2 size(ImGui::GetContentRegionAvail().x, gui::em(3.2f));
  ImGui::InvisibleButton(("trend." + variable).c_str(), size);
  gui::record_rect(s, "sim.lab.trend." + variable);
  const ImVec2 a = ImGui::GetItemRectMin();
  const ImVec2 b = ImGui::GetItemRectMax();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(a, b, IM_COL32(24, 26, 32, 255), 3.0f);
  double lo = pts.front().value, hi = lo, t0 = pts.front().t_min, t1 = t0;
  for (const auto& p : pts) {
    lo = std::min(lo, p.value);
    hi = std::max(hi, p.value);
    t1 = std::max(t1, p.t_min);
  }
  const double min_v = lo, max_v = hi;  // the range measured (the axis is padded when flat)
  if (hi - lo < 1e-9) {
    lo -= 0.5;
    hi += 0.5;
  }
  if (t1 - t0 < 1e-9) t1 = t0 + 1.0;
  const float pad = gui::em(0.4f);
  std::vector<ImVec2> xy;
  for (const auto& p : pts) {
    xy.emplace_back(
        a.x + pad + static_cast<float>((p.t_min - t0) / (t1 - t0)) * (size.x - 2 * pad),
        b.y - pad - static_cast<float>((p.value - lo) / (hi - lo)) * (size.y - 2 * pad));
  }
  if (xy.size() > 1) {
    dl->AddPolyline(xy.data(), static_cast<int>(xy.size()), IM_COL32(120, 180, 255, 255),
                    ImDrawFlags_None, 2.0f);
  }
  for (const auto& p : xy) dl->AddCircleFilled(p, 3.0f, IM_COL32(180, 210, 255, 255));
  ImGui::PushStyleColor(ImGuiCol_Text, gui::kColourMuted);
  ImGui::TextWrapped("%s: %s to %s over %.0f min, %zu results", variable_label(variable).c_str(),
                     value_text(min_v, 2, unit).c_str(), value_text(max_v, 2, unit).c_str(),
                     t1 - t0, pts.size());
  ImGui::PopStyleColor();
}

}  // namespace

void draw_lab_panel(gui::AppState& s) {
  sim::run::Runner* r = runner(s.sim);
  if (r == nullptr) return;
  const SimTime now = r->now();
  const auto& q = r->lab_queue();

  ImGui::TextColored(gui::kColourMuted, "Order (turnaround):");
  const float right = ImGui::GetWindowContentRegionMax().x;
  bool first = true;
  for (const auto& p : q.panels()) {
    const std::string text = words(p.panel) + " (" + std::to_string(p.latency_s / 60) + " min)";
    const float w = ImGui::CalcTextSize(text.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x;
    // Wrap the buttons: a button that would cross the panel's edge starts a new line.
    if (!first) {
      ImGui::SameLine();
      if (ImGui::GetCursorPosX() + w > right) ImGui::NewLine();
    }
    first = false;
    ImGui::BeginDisabled(r->finished());
    if (ImGui::SmallButton((text + "###order." + p.panel).c_str())) order(s.sim, p.panel);
    ImGui::EndDisabled();
    gui::record_rect(s, "sim.lab.order." + p.panel);
  }

  if (!q.pending().empty()) {
    gui::heading("Pending");
    for (const auto& p : q.pending()) {
      ImGui::Text("%s #%d drawn %s \u00b7 result in %s", words(p.panel).c_str(), p.order,
                  clock_text(p.drawn).c_str(), clock_text(p.due - now).c_str());
    }
  }
  gui::record_rect(s, "sim.lab.pending");

  gui::heading("Results");
  if (r->reported().empty()) ImGui::TextColored(gui::kColourMuted, "No result yet.");
  std::map<std::string, std::vector<Point>> series;
  std::map<std::string, std::string> units_of;
  for (const auto& res : r->reported()) {
    for (const auto& v : res.values) {
      series[v.variable].push_back(Point{static_cast<double>(res.drawn) / 60.0, v.value});
      units_of[v.variable] = v.unit;
    }
  }
  const auto& reported = r->reported();
  const ImGuiTableFlags flags = ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg;
  if (!reported.empty() && ImGui::BeginTable("sim.lab.results", 3, flags)) {
    ImGui::TableSetupColumn("Drawn");
    ImGui::TableSetupColumn("Panel");
    ImGui::TableSetupColumn("Values");
    ImGui::TableHeadersRow();
    for (auto it = reported.rbegin(); it != reported.rend(); ++it) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(clock_text(it->drawn).c_str());
      ImGui::TableSetColumnIndex(1);
      ImGui::TextUnformatted(words(it->panel).c_str());
      ImGui::TableSetColumnIndex(2);
      for (const auto& v : it->values) {  // one value a line: never split inside a value
        ImGui::TextUnformatted(
            (variable_label(v.variable) + " " + value_text(v.value, 2, v.unit)).c_str());
      }
    }
    ImGui::EndTable();
  }
  gui::record_rect(s, "sim.lab.results");

  if (!series.empty()) gui::heading("Trend of what was measured");
  for (const auto& [variable, pts] : series) {
    if (pts.size() < 2) continue;
    trend(s, variable, pts, units_of[variable]);
  }
}

}  // namespace lb::simui
