// How a figure was obtained: method, formula, inputs (with the figure each came
// from), source and warnings. Shown on hover (tooltip) and on click (inline).
#include <imgui.h>

#include <cfloat>

#include "gui/gui_common.hpp"
#include "gui/panels.hpp"
#include "text/format.hpp"

namespace lb::gui {

namespace {

std::string label_of(const plan::Plan& plan, const std::string& id) {
  for (const auto* d : plan.figures()) {
    if (d->id == id) return d->label;
  }
  return id;
}

void row(const char* name, const std::string& value, float name_w) {
  if (value.empty()) return;
  ImGui::TextColored(kColourMuted, "%s", name);
  ImGui::SameLine(name_w);
  ImGui::TextWrapped("%s", value.c_str());
}

}  // namespace

void draw_derivation_details(const explain::Derivation& d, const plan::Plan& plan) {
  const float name_w = ImGui::GetCursorPosX() + em(4.5f);
  row("Value", text::shown(d.shown), name_w);
  row("Method", d.method, name_w);
  row("Formula", d.formula, name_w);
  if (!d.inputs.empty()) {
    ImGui::TextColored(kColourMuted, "Inputs");
    bool first = true;
    for (const auto& in : d.inputs) {
      if (first) {
        ImGui::SameLine(name_w);
      } else {
        ImGui::SetCursorPosX(name_w);
      }
      first = false;
      std::string line = in.name + " = " + (in.quantity ? text::shown(*in.quantity) : in.text);
      if (!in.ref.empty()) line += "  (from " + label_of(plan, in.ref) + ")";
      ImGui::TextWrapped("%s", line.c_str());
    }
  }
  row("Source", d.source, name_w);
  for (const auto& w : d.warnings) {
    ImGui::PushStyleColor(ImGuiCol_Text, kColourWarning);
    row("Warning", w, name_w);
    ImGui::PopStyleColor();
  }
}

void derivation_tooltip(const explain::Derivation& d, const plan::Plan& plan) {
  if (!ImGui::IsItemHovered()) return;
  ImGui::SetNextWindowSizeConstraints(ImVec2(em(20), 0), ImVec2(em(40), FLT_MAX));
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + em(38));
  heading(d.label.c_str());
  draw_derivation_details(d, plan);
  ImGui::TextColored(kColourMuted, "Click to keep this open");
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

}  // namespace lb::gui
