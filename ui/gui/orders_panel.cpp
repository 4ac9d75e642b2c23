// The session orders of the plan (engineer "session"'s core/session/): what
// to hang (replacement fluids in whole FFP units and albumin vials), what it
// does to albumin and clotting factors, how the separator runs and for how
// long, and the anticoagulation with its citrate load. Every figure unfolds
// to its derivation like the volumes above it.
#include <imgui.h>

#include <string>

#include "gui/gui_common.hpp"
#include "gui/panels.hpp"
#include "protocol/session_settings.hpp"
#include "report/session_report.hpp"

namespace lb::gui {

namespace {

void section(const char* title, const std::string& note = {}) {
  ImGui::Spacing();
  heading(title);
  if (!note.empty()) {
    ImGui::SameLine();
    ImGui::TextColored(kColourMuted, "%s", note.c_str());
  }
  ImGui::Separator();
}

void figures(AppState& s, const std::vector<const explain::Derivation*>& list,
             const plan::Plan& plan) {
  for (const auto* d : list) draw_figure(s, *d, plan);
}

void draw_replacement(AppState& s, const session::ReplacementOrders& r, const plan::Plan& plan) {
  section("Replacement orders", report::mix_words(r));
  figures(s, r.figures(), plan);
  if (!r.ffp_last.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(kColourAccent, "Order:");
    ImGui::SameLine();
    ImGui::TextWrapped("%s", r.ffp_last.c_str());
    ImGui::PopTextWrapPos();
  }
}

void draw_anticoagulation(AppState& s, const session::AnticoagulationPlan& a,
                          const plan::Plan& plan) {
  section("Anticoagulation", std::string(protocol::to_string(a.method)));
  if (a.citrate) {
    ImGui::TextColored(kColourMuted, "Solution");
    ImGui::SameLine(em(6));
    ImGui::TextUnformatted(std::string(protocol::to_string(a.citrate->solution)).c_str());
    figures(s, a.citrate->figures(), plan);
    if (!a.citrate->ionised_calcium_checks.empty()) {
      std::string checks;
      for (const auto& c : a.citrate->ionised_calcium_checks) {
        checks += (checks.empty() ? "" : ", ") + c;
      }
      ImGui::PushTextWrapPos(0);
      ImGui::TextColored(kColourMuted, "Ionised Ca checks");
      ImGui::SameLine();
      ImGui::TextWrapped("%s", checks.c_str());
      ImGui::PopTextWrapPos();
    }
  }
  if (a.heparin) {
    ImGui::TextColored(kColourMuted, "Heparin");
    ImGui::SameLine(em(6));
    ImGui::Text("bolus %.0f IU, then %.0f IU/h", a.heparin->bolus.value, a.heparin->per_hour.value);
    draw_figure(s, a.heparin->total.how, plan);
  }
  if (!a.citrate && !a.heparin) ImGui::TextColored(kColourWarning, "No anticoagulant");
}

}  // namespace

void draw_session_orders(AppState& s, const plan::Plan& plan) {
  if (!plan.session) {
    ImGui::Spacing();
    ImGui::TextColored(kColourMuted,
                       "This protocol has no session sections: no replacement, "
                       "anticoagulation or separation orders.");
    return;
  }
  const session::SessionPlan& sp = *plan.session;
  if (sp.replacement) draw_replacement(s, *sp.replacement, plan);
  if (sp.effect && !sp.effect->figures().empty()) {
    section("Predicted right after the session");
    figures(s, sp.effect->figures(), plan);
  }
  if (sp.separation) {
    section("Separation and run time", std::string(protocol::to_string(sp.separation->technique)));
    figures(s, sp.separation->figures(), plan);
    if (sp.separation->inlet_capped) {
      ImGui::TextColored(kColourWarning,
                         "Inlet flow lowered to keep the citrate infusion within its limit");
    }
  }
  if (sp.anticoagulation) draw_anticoagulation(s, *sp.anticoagulation, plan);
}

}  // namespace lb::gui
