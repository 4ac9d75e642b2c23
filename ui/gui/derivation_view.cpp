// How a figure was obtained: method, formula, inputs (with the figure each came
// from), source and warnings. Shown on hover (tooltip) and on click (inline).
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <string>
#include <vector>

#include "explain/reference.hpp"
#include "gui/gui_common.hpp"
#include "gui/panels.hpp"
#include "text/format.hpp"

namespace lb::gui {

namespace {

std::string label_of(const plan::Plan& plan, const std::string& id) {
  for (const auto* d : all_figures(plan)) {
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

/// The value with its unit; plasma-volume multiples read "3.13 × PV".
std::string value_text(const explain::Derivation& d) {
  std::string v = text::shown(d.shown);
  if (d.shown.unit.empty() && d.id == "plasma_volumes_per_session") v += " \u00d7 PV";
  return v;
}

/// The clinical reference, read once: it is part of the installation and does not change
/// while the window is open.
const std::string& reference_text() {
  static const std::string text = explain::read_clinical_reference();
  return text;
}

/// A value whose source says it is unverified carries a badge the eye cannot miss.
bool unverified(const explain::Derivation& d) {
  return d.source.find("unverified") != std::string::npos ||
         d.method.find("unverified") != std::string::npos;
}

/// "Reference": the section of the clinical reference behind this figure, unfolded in place.
void draw_reference(const explain::Derivation& d) {
  const auto section = explain::find_reference_section(reference_text(), d.id);
  if (!section) return;
  const std::string title =
      "Reference: \u00a7" + section->number + " " + section->title + "##ref." + d.id;
  if (ImGui::TreeNodeEx(title.c_str(), ImGuiTreeNodeFlags_SpanAvailWidth)) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(section->text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::TreePop();
  }
}

/// Where a figure's value starts. The value column is as wide as the value's
/// text in the bold font (font units: it scales with the font, never a share of
/// the panel's pixels), at least 7 em so that the usual values line up, and ends
/// at the panel's right edge; on a wide panel it starts at 55 % of the width,
/// and right after a long label when the value still fits there.
float value_column_x(const std::string& value, float start, float right, float label_end) {
  ImGui::PushFont(bold_font());
  const float width = std::max(em(7.0f), ImGui::CalcTextSize(value.c_str()).x + em(0.3f));
  ImGui::PopFont();
  const float column = std::max(start, std::min(start + (right - start) * 0.55f, right - width));
  if (label_end > column && label_end + width <= right) return label_end;
  return column;
}

/// A marker after the value: on the same line when it fits, else on the next line
/// in the value column.
void marker(const char* words, float value_x, float right) {
  ImGui::SameLine();
  if (ImGui::GetCursorPosX() + ImGui::CalcTextSize(words).x > right) {
    ImGui::NewLine();
    ImGui::SetCursorPosX(value_x);
  }
  ImGui::TextColored(kColourWarning, "%s", words);
}

}  // namespace

std::vector<const explain::Derivation*> all_figures(const plan::Plan& plan) {
  auto out = plan.figures();
  if (plan.session) {
    const auto more = plan.session->figures();
    out.insert(out.end(), more.begin(), more.end());
  }
  return out;
}

void draw_figure(AppState& s, const explain::Derivation& d, const plan::Plan& plan) {
  const bool was_open = s.view.expanded.count(d.id) != 0;
  ImGui::SetNextItemOpen(was_open, ImGuiCond_Always);
  const std::string value = value_text(d);
  const float start = ImGui::GetCursorPosX();
  const float right = start + ImGui::GetContentRegionAvail().x;
  const float label_end = start + ImGui::GetTreeNodeToLabelSpacing() +
                          ImGui::CalcTextSize(d.label.c_str()).x + em(0.8f);
  const float value_x = value_column_x(value, start, right, label_end);
  const bool open = ImGui::TreeNodeEx(
      d.id.c_str(), ImGuiTreeNodeFlags_SpanAvailWidth | ImGuiTreeNodeFlags_FramePadding, "%s",
      d.label.c_str());
  record_rect(s, "figure." + d.id);
  if (!open) derivation_tooltip(d, plan);
  // Beside the label when both fit, else under it in the value column: never past the edge.
  if (label_end <= value_x) {
    ImGui::SameLine(value_x);
  } else {
    ImGui::SetCursorPosX(value_x);
  }
  ImGui::PushFont(bold_font());
  ImGui::TextUnformatted(value.c_str());
  ImGui::PopFont();
  record_rect(s, "figure." + d.id + ".value");
  if (!d.warnings.empty()) marker("(warning)", value_x, right);
  if (unverified(d)) marker("[unverified default: review locally]", value_x, right);
  if (open) {
    s.view.expanded.insert(d.id);
    ImGui::Indent(em(0.5f));
    draw_derivation_details(d, plan);
    draw_reference(d);
    ImGui::Unindent(em(0.5f));
    ImGui::Spacing();
    ImGui::TreePop();
  } else {
    s.view.expanded.erase(d.id);
  }
}

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
