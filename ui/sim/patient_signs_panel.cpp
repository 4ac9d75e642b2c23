// What the patient says and shows. Only a patient who can report (not ventilated, hepatic
// encephalopathy below grade 3: the engine's rule, sim::Signs) says anything; an intubated
// patient reports nothing, and the panel says why, so silence is never read as "no
// symptoms". Signs anyone at the bedside can see (shivering, urticaria, tetany) are shown
// whatever the patient can say.
#include <imgui.h>

#include <string>
#include <vector>

#include "gui/gui_common.hpp"
#include "sim/sim_panels.hpp"
#include "sim/sim_state.hpp"

namespace lb::simui {

namespace {

std::string why_silent(const SimState& s) {
  if (!s.prepared) return "cannot report symptoms";
  const auto& c = s.prepared->patient.clinical;
  if (c.mechanical_ventilation.value_or(false)) {
    return "Intubated and ventilated: the patient cannot tell you anything.";
  }
  if (c.hepatic_encephalopathy_grade.value_or(0) >= 3) {
    return "Hepatic encephalopathy grade " + std::to_string(*c.hepatic_encephalopathy_grade) +
           ": the patient cannot tell you anything.";
  }
  return "The patient cannot tell you anything.";
}

}  // namespace

void draw_patient_signs_panel(gui::AppState& s) {
  const Branch* b = current_branch(s.sim);
  if (b == nullptr) return;
  const sim::Signs& signs = b->runner.state().signs;
  const bool can_report = b->runner.engine().body().can_report_symptoms;

  gui::heading("Says");
  if (!can_report) {
    ImGui::TextColored(gui::kColourMuted, "%s", why_silent(s.sim).c_str());
  } else {
    std::vector<std::string> says;
    if (signs.paraesthesia_reported)
      says.emplace_back("\u201cMy lips and fingers are tingling.\u201d");
    if (signs.nausea) says.emplace_back("\u201cI feel sick and light-headed.\u201d");
    if (signs.urticaria_grade >= 1) says.emplace_back("\u201cI am itching all over.\u201d");
    if (signs.shivering) says.emplace_back("\u201cI am cold.\u201d");
    if (says.empty()) {
      ImGui::TextColored(gui::kColourMuted, "Nothing: the patient has no complaint.");
    }
    for (const auto& line : says) ImGui::TextWrapped("%s", line.c_str());
  }
  gui::record_rect(s, "sim.patient.says");

  gui::heading("Shows");
  std::vector<std::string> shows;
  if (signs.tetany) shows.emplace_back("Carpopedal spasm (tetany)");
  if (signs.shivering) shows.emplace_back("Shivering");
  if (signs.urticaria_grade == 1) shows.emplace_back("Urticarial rash");
  if (signs.urticaria_grade == 2) shows.emplace_back("Widespread urticaria (reaction grade 2)");
  if (signs.urticaria_grade >= 3)
    shows.emplace_back("Urticaria with wheeze (reaction grade 3: bronchospasm)");
  if (shows.empty()) ImGui::TextColored(gui::kColourMuted, "Nothing you can see.");
  for (const auto& line : shows) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s", line.c_str());
  }
  gui::record_rect(s, "sim.patient.shows");
}

}  // namespace lb::simui
