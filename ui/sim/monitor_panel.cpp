// The patient monitor: heart rate, mean arterial pressure, SpO2 and temperature in large
// numerals, each turning the colour of its alarm with the alarm's words beside it (never
// colour alone), and an ECG rhythm strip at the simulated heart rate. QTc is shown only from
// a 12-lead ECG the trainee recorded (the value at the time of that ECG).
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "gui/gui_common.hpp"
#include "sim/model/observables.hpp"
#include "sim/sim_panels.hpp"
#include "sim/sim_state.hpp"

namespace lb::simui {

namespace {

std::optional<double> read(const sim::State& st, std::string_view name) {
  const sim::Observable* o = sim::find_observable(name);
  return o != nullptr ? o->read(st) : std::nullopt;
}

/// One vital sign: label, large value, unit, and the alarm words when one sounds.
void vital(gui::AppState& s, const sim::State& st, const char* label, std::string_view variable,
           int decimals, const ImVec4& normal) {
  const sim::Observable* o = sim::find_observable(variable);
  const auto v = read(st, variable);
  const auto alarm = variable_alarm(s, variable);
  const ImVec4 colour = alarm ? priority_colour(*alarm) : normal;
  ImGui::BeginGroup();
  ImGui::TextColored(gui::kColourMuted, "%s", label);
  ImGui::PushFont(gui::large_font());
  ImGui::TextColored(colour, "%s", value_text(v, decimals, "").c_str());
  ImGui::PopFont();
  ImGui::TextColored(gui::kColourMuted, "%s", o != nullptr ? std::string(o->unit).c_str() : "");
  if (alarm) {
    ImGui::TextColored(colour, "ALARM %s", priority_word(*alarm));
  } else {
    ImGui::TextUnformatted(" ");
  }
  ImGui::EndGroup();
  gui::record_rect(s, "sim.monitor." + std::string(variable));
}

/// A stylised lead II complex at phase x (0–1 of the RR interval): P, QRS, T.
/// A stylised lead II complex `x` seconds after the beat starts: P, QRS (about 80 ms wide, so
/// it spans several pixels of a 6 s strip), T. A drawing, not a model of the ECG.
double ecg_shape(double x) {
  const auto bump = [](double x0, double w, double h, double at) {
    const double d = (at - x0) / w;
    return h * std::exp(-d * d);
  };
  return bump(0.08, 0.035, 0.12, x) - bump(0.17, 0.012, 0.12, x) + bump(0.20, 0.016, 1.0, x) -
         bump(0.23, 0.014, 0.25, x) + bump(0.42, 0.06, 0.28, x);
}

void rhythm_strip(gui::AppState& s, const sim::State& st, double t_s) {
  ImGui::TextColored(gui::kColourMuted, "ECG lead II, the last 6 s");
  const ImVec2 size(ImGui::GetContentRegionAvail().x, gui::em(4.5f));
  ImGui::InvisibleButton("sim.ecg", size);
  gui::record_rect(s, "sim.monitor.ecg");
  const ImVec2 a = ImGui::GetItemRectMin();
  const ImVec2 b = ImGui::GetItemRectMax();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(a, b, IM_COL32(8, 20, 12, 255), 3.0f);
  // Grid: one line per 0.2 s of a 6 s strip.
  const double window_s = 6.0;
  for (int i = 1; i < 30; ++i) {
    const float x = a.x + static_cast<float>(i) / 30.0f * size.x;
    dl->AddLine(ImVec2(x, a.y), ImVec2(x, b.y), IM_COL32(20, 50, 30, 255));
  }
  const double hr = read(st, "hr").value_or(0.0);
  const int n = std::max(2, static_cast<int>(size.x * 2.0f));  // two samples per pixel
  std::vector<ImVec2> pts;
  pts.reserve(static_cast<std::size_t>(n));
  const float mid = a.y + size.y * 0.65f;
  for (int i = 0; i < n; ++i) {
    const double tx = t_s - window_s + window_s * i / (n - 1);
    double y = 0.0;
    if (hr > 0.0) {
      const double rr = 60.0 / hr;
      y = ecg_shape(tx - std::floor(tx / rr) * rr);
    }
    pts.emplace_back(a.x + static_cast<float>(i) / static_cast<float>(n - 1) * size.x,
                     mid - static_cast<float>(y) * size.y * 0.55f);
  }
  dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), IM_COL32(90, 230, 120, 255),
                  ImDrawFlags_None, 1.5f);
}

}  // namespace

void draw_monitor_panel(gui::AppState& s) {
  const Branch* b = current_branch(s.sim);
  if (b == nullptr) return;
  const sim::State& st = b->runner.state();
  const ImVec4 green{0.45f, 0.92f, 0.55f, 1.0f};
  const float col = std::max(gui::em(7.0f), ImGui::GetContentRegionAvail().x / 4.0f);
  vital(s, st, "HR", "hr", 0, green);
  ImGui::SameLine(col);
  vital(s, st, "MAP", "map", 0, ImVec4(1.0f, 0.45f, 0.45f, 1.0f));
  ImGui::SameLine(2 * col);
  vital(s, st, "SpO\u2082", "spo2", 0, ImVec4(0.45f, 0.80f, 1.0f, 1.0f));
  ImGui::SameLine(3 * col);
  vital(s, st, "Temp", "temp", 1, ImVec4(0.95f, 0.95f, 0.60f, 1.0f));
  rhythm_strip(s, st, static_cast<double>(b->runner.now()));
  // QTc only from a recorded 12-lead ECG: the value when it was taken.
  if (b->ecgs.empty()) {
    ImGui::TextColored(gui::kColourMuted, "QTc: no 12-lead ECG recorded yet");
  } else {
    const EcgRecord& e = b->ecgs.back();
    ImGui::Text("QTc %s  (12-lead ECG at %s)", value_text(e.qtc_ms, 0, "ms").c_str(),
                clock_text(e.t).c_str());
  }
  gui::record_rect(s, "sim.monitor.qtc");
}

}  // namespace lb::simui
