// Plan panel: status in words and colour, whether the plan is current, the
// patient and protocol it was made for, findings, then every figure; each
// figure shows its derivation on hover and unfolds it on click.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <set>
#include <string>

#include "gui/gui_common.hpp"
#include "gui/panels.hpp"
#include "report/patient_summary.hpp"
#include "report/wording.hpp"
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

void draw_status_banner(AppState& s) {
  const PlanState& ps = s.plan;
  if (!ps.plan) {
    badge("NO PLAN", kColourError);
    for (const auto& why : ps.why_not_current) {
      ImGui::TextColored(kColourError, "No plan: %s", why.c_str());
    }
    return;
  }
  if (!ps.current) {
    badge("NOT CURRENT", kColourError);
    ImGui::SameLine();
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(kColourError, "Showing the LAST VALID plan; it does not match the inputs");
    ImGui::PopTextWrapPos();
    for (const auto& why : ps.why_not_current) {
      ImGui::TextColored(kColourError, "\u2022 %s", why.c_str());
    }
    ImGui::Separator();
  }
  // Reasons typed under another protocol stay in the form; say that they are not used.
  for (const auto& note : ps.set_aside) {
    ImGui::PushStyleColor(ImGuiCol_Text, kColourWarning);
    ImGui::TextWrapped("Not used: %s", note.c_str());
    ImGui::PopStyleColor();
    record_rect(s, "plan.set_aside");
  }
}

/// The plan's status in words and colour; a "not ready" names why.
void draw_plan_status(AppState& s, const plan::Plan& plan) {
  const plan::Status status = plan.status();
  heading("Plan");
  ImGui::SameLine();
  badge(status_words(status), status_colour(status));
  record_rect(s, "plan.status");
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  // The long form of report/wording.hpp, as every other output words it.
  const std::string_view hint = report::status_words(status).long_form;
  ImGui::PushStyleColor(ImGuiCol_Text, status_colour(status));
  ImGui::TextWrapped("%.*s", static_cast<int>(hint.size()), hint.data());
  ImGui::PopStyleColor();
}

}  // namespace

void draw_plan_panel(AppState& s) {
  draw_status_banner(s);
  if (!s.plan.plan) return;
  const plan::Plan& plan = *s.plan.plan;
  const bool stale = !s.plan.current;
  if (stale) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.55f);

  // Eligibility first: whether to exchange at all comes before how much.
  draw_eligibility_panel(s);
  ImGui::Separator();
  draw_plan_status(s, plan);
  draw_approve_button(s);

  ImGui::TextColored(kColourMuted, "Patient");
  ImGui::SameLine(em(5));
  auto pieces = split_dots(report::patient_one_line(plan.patient));
  pieces.insert(pieces.begin(), plan.patient.id);
  flow_text(pieces, em(5));
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
  draw_session_orders(s, plan);
  ImGui::Spacing();
  ImGui::TextColored(kColourMuted, "Hover a figure for its derivation; click to unfold it.");

  if (!plan.protocol.unverified.empty()) {
    char title[96];
    (void)std::snprintf(title, sizeof title, "Unverified protocol values (%zu)###unverified",
                        plan.protocol.unverified.size());
    if (ImGui::CollapsingHeader(title)) {
      for (const auto& c : plan.protocol.unverified) {
        ImGui::PushStyleColor(ImGuiCol_Text, kColourWarning);
        ImGui::TextWrapped("%s (unverified default: review locally): %s", c.key.c_str(),
                           c.note.c_str());
        ImGui::PopStyleColor();
      }
    }
  }
  if (stale) ImGui::PopStyleVar();
}

}  // namespace lb::gui
