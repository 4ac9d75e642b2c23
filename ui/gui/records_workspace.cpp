// The session-records screens (View > Session records, or --view records):
// the patient list on the left, and for the selected patient the course
// timeline, the session entry form and the audit trail as tabs.
#include <imgui.h>

#include <algorithm>

#include "gui/gui_common.hpp"
#include "gui/panels.hpp"

namespace lb::gui {

namespace {

struct RecordsTabSpec {
  RecordsTab tab;
  const char* title;
  const char* rect;
  void (*draw)(AppState&);
};

constexpr RecordsTabSpec kTabs[] = {
    {RecordsTab::course, "Course", "records.tab.course", draw_records_course},
    {RecordsTab::session, "Record a session", "records.tab.session", draw_records_session_form},
    {RecordsTab::audit, "Audit trail and corrections", "records.tab.audit", draw_records_audit},
    {RecordsTab::bridge, "Bridge view", "records.tab.bridge", draw_records_bridge},
};

}  // namespace

void draw_records_workspace(AppState& s) {
  auto& r = s.records;
  if (!r.loaded) open_records_database(s, r.db_path);

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float list_w = std::clamp(avail.x * 0.2f, em(15), em(20));
  ImGui::BeginChild("records.list", ImVec2(list_w, avail.y), true);
  draw_records_patient_list(s);
  ImGui::EndChild();
  record_rect(s, "records.list");
  ImGui::SameLine();
  ImGui::BeginChild("records.body", ImVec2(0, avail.y), true);
  if (!r.db_error.empty() || r.selected.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(kColourMuted, "%s",
                       !r.db_error.empty()
                           ? "The records database could not be read (see the left)."
                           : "Choose a patient on the left, or add one, to see the course, "
                             "record a session and see the audit trail.");
    ImGui::PopTextWrapPos();
  } else if (ImGui::BeginTabBar("records.tabs")) {
    for (const auto& t : kTabs) {
      const bool select = r.select_tab && r.tab == t.tab;
      const bool open =
          ImGui::BeginTabItem(t.title, nullptr, select ? ImGuiTabItemFlags_SetSelected : 0);
      record_rect(s, t.rect);
      if (!open) continue;
      if (!r.select_tab) r.tab = t.tab;
      ImGui::BeginChild("records.tab.body", ImVec2(0, 0), false,
                        ImGuiWindowFlags_HorizontalScrollbar);
      t.draw(s);
      ImGui::EndChild();
      ImGui::EndTabItem();
    }
    r.select_tab = false;
    ImGui::EndTabBar();
  }
  ImGui::EndChild();
}

}  // namespace lb::gui
