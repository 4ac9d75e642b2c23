// Plan panel: status in words and colour, whether the plan is current, the
// patient and protocol it was made for, findings, then every figure; each
// figure shows its derivation on hover and unfolds it on click.
#include <imgui.h>

#include <cstdio>
#include <set>
#include <string>

#include "gui/gui_common.hpp"
#include "gui/panels.hpp"
#include "report/patient_summary.hpp"
#include "text/format.hpp"

namespace lb::gui {

namespace {

const std::set<std::string, std::less<>> kVolumeFigures = {"bmi", "ideal_body_weight",
                                                            "total_blood_volume", "plasma_volume"};
const std::set<std::string, std::less<>> kExchangeFigures = {"exchange_volume_per_session",
                                                             "plasma_volumes_per_session"};

std::string group_of(const std::string& id) {
  if (kVolumeFigures.count(id) != 0) return "Volumes";
  if (kExchangeFigures.count(id) != 0) return "Exchange per session";
  return "Further figures";
}

/// The value with its unit; plasma-volume multiples read "3.13 × PV".
std::string value_text(const explain::Derivation& d) {
  std::string v = text::shown(d.shown);
  if (d.shown.unit.empty() && d.id == "plasma_volumes_per_session") v += " \u00d7 PV";
  return v;
}

void draw_figure(AppState& s, const explain::Derivation& d, const plan::Plan& plan) {
  const bool was_open = s.view.expanded.count(d.id) != 0;
  ImGui::SetNextItemOpen(was_open, ImGuiCond_Always);
  const float value_x = ImGui::GetContentRegionAvail().x * 0.60f;
  const bool open = ImGui::TreeNodeEx(d.id.c_str(),
                                      ImGuiTreeNodeFlags_SpanAvailWidth |
                                          ImGuiTreeNodeFlags_FramePadding,
                                      "%s", d.label.c_str());
  record_rect(s, "figure." + d.id);
  if (!open) derivation_tooltip(d, plan);
  ImGui::SameLine(value_x);
  ImGui::PushFont(bold_font());
  ImGui::TextUnformatted(value_text(d).c_str());
  ImGui::PopFont();
  if (!d.warnings.empty()) {
    ImGui::SameLine();
    ImGui::TextColored(kColourWarning, "(warning)");
  }
  if (open) {
    s.view.expanded.insert(d.id);
    ImGui::Indent(em(0.5f));
    draw_derivation_details(d, plan);
    ImGui::Unindent(em(0.5f));
    ImGui::Spacing();
    ImGui::TreePop();
  } else {
    s.view.expanded.erase(d.id);
  }
}

void draw_status_banner(AppState& s) {
  const PlanState& ps = s.plan;
  if (!ps.plan) {
    badge("NO PLAN", kColourError);
    for (const auto& why : ps.why_not_current) {
      ImGui::TextColored(kColourError, "No plan: %s", why.c_str());
    }
    return;
  }
  const plan::Status status = ps.plan->status();
  if (!ps.current) {
    badge("NOT CURRENT", kColourError);
    ImGui::SameLine();
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(kColourError, "Showing the LAST VALID plan; it does not match the inputs");
    ImGui::PopTextWrapPos();
    for (const auto& why : ps.why_not_current) {
      ImGui::TextColored(kColourError, "\u2022 %s", why.c_str());
    }
  }
  badge(status_words(status), status_colour(status));
  record_rect(s, "plan.status");
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  switch (status) {
    case plan::Status::ready: ImGui::TextColored(kColourOk, "no findings"); break;
    case plan::Status::ready_with_warnings:
      ImGui::TextColored(kColourWarning, "read the warnings before ordering");
      break;
    case plan::Status::not_ready:
      ImGui::TextColored(kColourError, "a hard limit cannot be met: see the errors");
      break;
  }
}

}  // namespace

void draw_plan_panel(AppState& s) {
  heading("Plan");
  draw_status_banner(s);
  if (!s.plan.plan) return;
  const plan::Plan& plan = *s.plan.plan;
  ImGui::Separator();

  ImGui::BeginChild("plan.body", ImVec2(0, 0), false);
  const bool stale = !s.plan.current;
  if (stale) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.55f);

  ImGui::TextColored(kColourMuted, "Patient");
  ImGui::SameLine(em(5));
  ImGui::TextWrapped("%s %s", plan.patient.id.c_str(),
                     report::patient_one_line(plan.patient).c_str());
  ImGui::TextColored(kColourMuted, "Protocol");
  ImGui::SameLine(em(5));
  ImGui::TextWrapped("%s v%s", plan.protocol.id.c_str(), plan.protocol.version.c_str());

  draw_findings(s, plan);

  std::string group;
  for (const auto* d : plan.figures()) {
    const std::string g = group_of(d->id);
    if (g != group) {
      group = g;
      ImGui::Spacing();
      heading(group.c_str());
      ImGui::Separator();
    }
    draw_figure(s, *d, plan);
  }
  ImGui::Spacing();
  ImGui::TextColored(kColourMuted, "Hover a figure for its derivation; click to unfold it.");

  if (!plan.protocol.unverified.empty()) {
    char title[96];
    (void)std::snprintf(title, sizeof title, "Unverified protocol values (%zu)###unverified",
                        plan.protocol.unverified.size());
    if (ImGui::CollapsingHeader(title)) {
      for (const auto& c : plan.protocol.unverified) {
        ImGui::PushStyleColor(ImGuiCol_Text, kColourWarning);
        ImGui::TextWrapped("%s: %s", c.key.c_str(), c.note.c_str());
        ImGui::PopStyleColor();
      }
    }
  }
  if (stale) ImGui::PopStyleVar();
  ImGui::EndChild();
}

}  // namespace lb::gui
