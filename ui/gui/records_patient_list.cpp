// Records patient list: which database is shown (the CLI's default, or a file
// the user opens), its patients with their plan and session counts, and a
// small form to add a patient by pseudonymous id.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <string>

#include "gui/gui_common.hpp"
#include "gui/panels.hpp"

namespace lb::gui {

namespace {

void draw_database(AppState& s) {
  auto& r = s.records;
  heading("Records database");
  path_text(r.db_path.empty() ? "(no data directory)" : r.db_path, kColourMuted);
  record_rect(s, "records.db.path");
  tooltip("The default is the command line's: $XDG_DATA_HOME/liverbridge/records.db");
  if (!r.db_error.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(kColourError, "Error: %s", r.db_error.c_str());
    ImGui::PopTextWrapPos();
  } else if (!r.db_exists) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(kColourWarning,
                       "No database in this file yet: it is created when the first patient "
                       "is added.");
    ImGui::PopTextWrapPos();
  }
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##db", "another records .db file", &r.db_path_input);
  record_rect(s, "records.db.input");
  if (ImGui::Button("Open")) open_records_database(s, r.db_path_input);
  record_rect(s, "records.db.open");
  tooltip("Show the records in the file named above");
  ImGui::SameLine();
  if (ImGui::Button("Reload")) refresh_records(s);
  record_rect(s, "records.db.reload");
  tooltip("Read the database again (another workstation may have written to it)");
}

void draw_patients(AppState& s) {
  auto& r = s.records;
  heading("Patients");
  if (r.patients.empty()) ImGui::TextColored(kColourMuted, "none recorded");
  for (const auto& p : r.patients) {
    const std::string counts = std::to_string(p.plans) + (p.plans == 1 ? " plan" : " plans") +
                               " \u00b7 " + std::to_string(p.sessions) +
                               (p.sessions == 1 ? " session" : " sessions");
    const std::string label = p.pseudonym.str() + "\n" + counts + "##" + p.pseudonym.str();
    const bool selected = p.pseudonym == r.selected;
    if (ImGui::Selectable(
            label.c_str(), selected, 0,
            ImVec2(0, ImGui::GetTextLineHeight() * 2 + ImGui::GetStyle().ItemSpacing.y))) {
      if (!selected) select_records_patient(s, p.pseudonym);
    }
    record_rect(s, "records.patient." + p.pseudonym.str());
    tooltip("Added " + p.created_at + " by " + p.created_by);
  }
}

void draw_add_patient(AppState& s) {
  auto& r = s.records;
  const bool open = ImGui::CollapsingHeader("Add a patient");
  record_rect(s, "records.new");
  if (!open) return;
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##new.id", "pseudonymous id (the patient file's id:)",
                           &r.new_patient_id);
  record_rect(s, "records.new.id");
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##new.who", "who is recording", &r.new_patient_who);
  record_rect(s, "records.new.who");
  if (ImGui::Button("Add patient")) add_records_patient(s);
  record_rect(s, "records.new.add");
  if (!r.new_patient_error.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(kColourError, "%s", r.new_patient_error.c_str());
    ImGui::PopTextWrapPos();
  }
}

}  // namespace

void draw_records_patient_list(AppState& s) {
  draw_database(s);
  ImGui::Separator();
  draw_patients(s);
  ImGui::Separator();
  draw_add_patient(s);
  ImGui::Spacing();
  ImGui::PushTextWrapPos(0);
  ImGui::TextColored(kColourMuted,
                     "Plans are approved and stored from the planner: Plan tab, "
                     "\"Approve and store plan\u2026\" (or `liverbridge record plan`).");
  ImGui::PopTextWrapPos();
}

}  // namespace lb::gui
