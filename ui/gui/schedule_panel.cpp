// Schedule: the course start (local wall time, optional), the sessions in
// time with their exchange volume, FFP units, efficacy lab draw and the
// eligibility re-check with predicted labs, then the stop criteria and the
// kinetics chart. Without a start the table reads in course days and hours.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "gui/gui_common.hpp"
#include "gui/panels.hpp"
#include "report/eligibility_report.hpp"
#include "schedule/calendar.hpp"
#include "text/format.hpp"
#include "units/quantities.hpp"

namespace lb::gui {

namespace {

/// "day 2 08:30" from an offset after the course start (no calendar date known).
std::string day_and_time(units::Duration offset) {
  const auto minutes = static_cast<long>(std::lround(units::in_seconds(offset) / 60.0));
  char buf[48];
  (void)std::snprintf(buf, sizeof buf, "day %ld +%02ld:%02ld", minutes / (24 * 60) + 1,
                      (minutes / 60) % 24, minutes % 60);
  return buf;
}

std::string when(const std::optional<schedule::LocalTime>& at, units::Duration offset) {
  return at ? schedule::readable(*at) : day_and_time(offset);
}

void draw_start_field(AppState& s) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Course start");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em(10));
  const bool bad = !s.course_start_error.empty();
  if (bad) ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0.55f, 0.12f, 0.12f, 1.0f));
  if (ImGui::InputTextWithHint("##course-start", "2026-11-25T08:00", &s.course_start)) {
    s.needs_recompute = true;
  }
  if (bad) ImGui::PopStyleColor();
  record_rect(s, "course.start");
  tooltip(
      "Local date and time the course starts (YYYY-MM-DDTHH:MM). Leave empty to plan in "
      "course days; the .ics export needs it.");
  ImGui::SameLine();
  if (bad) {
    ImGui::TextColored(kColourError, "Error: %s", s.course_start_error.c_str());
  } else {
    ImGui::TextColored(kColourMuted,
                       s.course_start.empty() ? "local time; empty = course days" : "local time");
  }
}

void draw_table(AppState& s, const plan::Plan& plan) {
  const course::Course& c = *plan.course;
  const std::string ffp = plan.session && plan.session->replacement
                              ? text::shown(plan.session->replacement->ffp_units.how.shown)
                              : std::string("\u2014");
  // Fixed-fit columns with a horizontal scroll bar when the column is narrow:
  // a stretched last column would be squeezed to one letter per line.
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollX;
  const float rows = static_cast<float>(c.sessions.size()) + 1.0f;
  const ImVec2 size(
      0, rows * (2 * ImGui::GetTextLineHeightWithSpacing() + 2 * ImGui::GetStyle().CellPadding.y) +
             ImGui::GetStyle().ScrollbarSize);
  if (!ImGui::BeginTable("schedule.table", 6, flags, size)) return;
  ImGui::TableSetupColumn("#");
  ImGui::TableSetupColumn("Start \u2013 end");
  ImGui::TableSetupColumn("Exchange");
  ImGui::TableSetupColumn("FFP");
  ImGui::TableSetupColumn("Efficacy labs");
  ImGui::TableSetupColumn("Eligibility re-check");
  ImGui::TableHeadersRow();
  for (const auto& row : c.sessions) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Text("%d", row.timing.number);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(when(row.start_at, row.timing.start).c_str());
    const std::string end = when(row.end_at, row.timing.end);
    ImGui::TextColored(kColourMuted, "\u2013 %s", end.substr(end.size() - 5).c_str());  // HH:MM
    if (!row.timing.moved.empty()) {
      ImGui::SameLine();
      ImGui::TextColored(kColourWarning, "moved");
      tooltip(row.timing.moved);
    }
    ImGui::TableNextColumn();
    ImGui::Text("%s mL", text::grouped(units::in_milliliters(row.exchange_volume), 0).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(ffp.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(when(row.labs_at, row.timing.labs_due).c_str());
    if (row.timing.reassess) ImGui::TextColored(kColourAccent, "re-assess");
    ImGui::TableNextColumn();
    if (row.check.evaluated) {
      const bool ok = row.check.verdict == eligibility::Verdict::eligible;
      ImGui::PushStyleColor(ImGuiCol_Text, ok ? kColourOk : kColourWarning);
      ImGui::TextUnformatted(report::verdict_words(row.check.verdict).short_form.data());
      ImGui::PopStyleColor();
      tooltip(row.check.text);  // the whole reason; the verdict word stays in the table
    } else {
      ImGui::TextColored(kColourMuted, "no rules");
    }
  }
  ImGui::EndTable();
  record_rect(s, "schedule.table");
  // Why a session is not expected to stay eligible, in full, under the table.
  for (const auto& row : c.sessions) {
    if (!row.check.evaluated || row.check.verdict == eligibility::Verdict::eligible) continue;
    ImGui::PushStyleColor(ImGuiCol_Text, kColourWarning);
    ImGui::TextWrapped("Session %d: %s", row.timing.number, row.check.text.c_str());
    ImGui::PopStyleColor();
  }
}

}  // namespace

void draw_schedule_panel(AppState& s) {
  draw_start_field(s);
  if (!s.plan.plan) {
    ImGui::TextColored(kColourError, "No plan: fix the errors in the patient form");
    return;
  }
  const plan::Plan& plan = *s.plan.plan;
  if (!s.plan.current) ImGui::TextColored(kColourError, "NOT CURRENT: the last valid plan");
  if (!plan.course) {
    ImGui::TextColored(kColourMuted, "This protocol has no schedule or kinetics section.");
    return;
  }
  const course::Course& c = *plan.course;
  heading("Sessions");
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Text, kColourMuted);
  ImGui::TextWrapped("%s \u00b7 %s per session", course::pattern_text(c.settings).c_str(),
                     text::shown(c.session_duration.how.shown).c_str());
  ImGui::PopStyleColor();
  if (!c.start) {
    ImGui::PushStyleColor(ImGuiCol_Text, kColourMuted);
    ImGui::TextWrapped(
        "No start given: times read as course day and hh:mm after the start time of day 1.");
    ImGui::PopStyleColor();
  }
  draw_table(s, plan);
  for (const auto& w : c.warnings) {
    ImGui::PushStyleColor(ImGuiCol_Text, kColourWarning);
    ImGui::TextWrapped("Warning: %s", w.c_str());
    ImGui::PopStyleColor();
  }
  if (!c.stop_criteria.empty()) {
    ImGui::Spacing();
    heading("Stop criteria");
    for (const auto& st : c.stop_criteria) {
      ImGui::TextColored(st.met_after ? kColourOk : kColourMuted, "\u2022");
      ImGui::SameLine();
      ImGui::TextWrapped("%s: %s", course::criterion_text(st.criterion).c_str(), st.text.c_str());
    }
  }
  ImGui::Spacing();
  draw_kinetics_chart(s, plan);
}

}  // namespace lb::gui
