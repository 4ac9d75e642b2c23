#include "sim/debrief_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "gui/gui_common.hpp"
#include "sim/debrief/clock.hpp"
#include "text/format.hpp"

namespace lb::gui {

namespace {

namespace db = sim::debrief;

ImVec4 status_colour(db::Status s) {
  switch (s) {
    case db::Status::met: return kColourOk;
    case db::Status::late: return kColourWarning;
    case db::Status::missed: return kColourError;
    case db::Status::not_due: return kColourMuted;
  }
  return kColourMuted;
}

void status_cell(db::Status s) {
  // Colour and the word: never colour alone.
  ImGui::TextColored(status_colour(s), "%s", std::string(db::kStatusNames.name(s)).c_str());
}

std::string since(const std::optional<db::SimTime>& t, const std::optional<db::SimTime>& onset) {
  return t && onset ? db::span(*t - *onset) : std::string("-");
}

void text(const std::string& s) { ImGui::TextWrapped("%s", s.c_str()); }

void stage(const db::Debrief& d) {
  const auto& s = d.stage;
  text(s.title + " (" + s.scenario + " version " + s.version + ")");
  text("Protocol " + s.protocol + " version " + s.protocol_version + "; seed " +
       std::to_string(s.seed) + "; LiverBridge " + s.program_version + "; " +
       db::span(s.duration_s));
  ImGui::TextDisabled("Timeline SHA-256 %s (replayed and identical)", s.timeline_sha256.c_str());
  for (const auto& o : s.objectives) ImGui::BulletText("%s: %s", o.id.c_str(), o.text.c_str());
}

void narrative(const db::Debrief& d, DebriefView& view) {
  ImGui::Checkbox("Show the true state (hidden at the bedside)", &view.show_hidden);
  ImGui::BeginChild("narrative", ImVec2(0, em(14)), true);
  for (const auto& n : d.description) {
    if (n.hidden && !view.show_hidden) continue;
    ++view.narrative_rows;
    const bool near = view.cursor && std::llabs(*view.cursor - n.t) <= 60;
    if (n.hidden) {
      ImGui::TextColored(kColourMuted, "%s  [hidden] %s", db::clock(n.t).c_str(), n.text.c_str());
    } else if (n.flagged) {
      // Flagged moments in words as well as colour.
      ++view.flagged_rows;
      ImGui::TextColored(kColourWarning, "%s  [FLAGGED] %s", db::clock(n.t).c_str(),
                         n.text.c_str());
    } else {
      ImGui::TextColored(near ? kColourAccent : ImGui::GetStyleColorVec4(ImGuiCol_Text), "%s  %s",
                         db::clock(n.t).c_str(), n.text.c_str());
    }
  }
  ImGui::EndChild();
}

void objectives(const db::Analysis& a, DebriefView& view) {
  if (ImGui::BeginTable("objectives", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) {
    ImGui::TableSetupColumn("Objective");
    ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthFixed, em(5));
    ImGui::TableSetupColumn("Onset", ImGuiTableColumnFlags_WidthFixed, em(6));
    ImGui::TableSetupColumn("Recognised", ImGuiTableColumnFlags_WidthFixed, em(9));
    ImGui::TableSetupColumn("Treated", ImGuiTableColumnFlags_WidthFixed, em(9));
    ImGui::TableHeadersRow();
    for (const auto& o : a.objectives) {
      ++view.objective_rows;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      text(o.id + ": " + o.text);
      ImGui::TableNextColumn();
      status_cell(o.status);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(o.onset ? db::clock(*o.onset).c_str() : "-");
      ImGui::TableNextColumn();
      text(since(o.recognised, o.onset) +
           (o.recognised_by.empty() ? "" : " (" + o.recognised_by + ")"));
      ImGui::TableNextColumn();
      text(since(o.treated, o.onset) + (o.treated_by.empty() ? "" : " (" + o.treated_by + ")"));
    }
    ImGui::EndTable();
  }
  if (ImGui::BeginTable("checklist", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) {
    ImGui::TableSetupColumn("Critical action");
    ImGui::TableSetupColumn("Window");
    ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthFixed, em(5));
    ImGui::TableSetupColumn("Taken", ImGuiTableColumnFlags_WidthFixed, em(12));
    ImGui::TableHeadersRow();
    for (const auto& c : a.critical_actions) {
      ++view.checklist_rows;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      text(c.id + " [" + text::join(c.any_of, " or ") + "]");
      ImGui::TableNextColumn();
      text(db::span(c.within_s) + (c.after.empty() ? " of the start" : " of " + c.after));
      ImGui::TableNextColumn();
      status_cell(c.status);
      ImGui::TableNextColumn();
      text(c.taken ? db::clock(*c.taken) + " " + c.taken_action : "-");
    }
    ImGui::EndTable();
  }
}

void harm_alarms(const db::Analysis& a) {
  const auto& h = a.harm;
  ImGui::BulletText("iCa below %.1f mmol/L: %.1f min (lowest %.2f mmol/L)", db::kIcaHarm.value,
                    units::in_minutes(h.ica_low), units::in_mmol_per_l(h.min_ica));
  ImGui::BulletText("MAP below %.0f mmHg: %.1f min", db::kMapHarm.value,
                    units::in_minutes(h.map_low));
  ImGui::BulletText("Highest T/iCa %.2f; pH %.2f to %.2f; lowest temperature %.1f °C",
                    units::in_fraction(h.max_ca_ratio), units::in_fraction(h.min_ph),
                    units::in_fraction(h.max_ph), sim::in_celsius(h.min_temperature));
  ImGui::BulletText("Calcium given %.1f mmol; citrate load %.0f mmol",
                    sim::in_mmol(h.calcium_given), sim::in_mmol(h.citrate_load));
  const auto& al = a.alarms;
  ImGui::BulletText("Alarms: %d sounded, %d acknowledged, %d silences", al.count, al.acknowledged,
                    al.silences);
  for (const auto& u : al.unacknowledged_high) {
    ImGui::TextColored(kColourError, "Never acknowledged (high priority): %s", u.c_str());
  }
  ImGui::TextUnformatted("Protocol deviations:");
  if (a.deviations.empty()) ImGui::TextDisabled("none");
  for (const auto& d : a.deviations) {
    ImGui::BulletText("%s %s: %s", db::clock(d.t).c_str(), d.action.c_str(), d.message.c_str());
  }
  if (!a.instructor_acts.empty()) {
    ImGui::TextUnformatted("Instructor acts (not scored):");
    for (const auto& i : a.instructor_acts) {
      const std::string line =
          db::clock(i.t) + " " + i.action + (i.event.empty() ? "" : " (event " + i.event + ")");
      ImGui::BulletText("%s", line.c_str());
    }
  }
}

ImU32 marker_colour(const std::string& kind) {
  if (kind == "alarm") return ImGui::ColorConvertFloat4ToU32(kColourError);
  if (kind == "event") return ImGui::ColorConvertFloat4ToU32(kColourMuted);
  if (kind == "instructor") return ImGui::ColorConvertFloat4ToU32(kColourWarning);
  if (kind == "flag") return ImGui::ColorConvertFloat4ToU32(ImVec4(1.0f, 0.55f, 0.85f, 1.0f));
  return ImGui::ColorConvertFloat4ToU32(kColourAccent);
}

/// One series on the run's time axis, with the markers and the shared cursor.
void chart(const db::ChartSeries& s, const db::Debrief& d, DebriefView& view,
           std::optional<db::SimTime>& hovered) {
  if (s.value.empty()) return;
  ++view.charts_drawn;
  const float fh = ImGui::GetFontSize();
  const ImVec2 size(ImGui::GetContentRegionAvail().x, em(5));
  ImGui::InvisibleButton(s.id.c_str(), size);
  const ImVec2 p0 = ImGui::GetItemRectMin(), p1 = ImGui::GetItemRectMax();
  const ImVec2 a(p0.x + em(7), p0.y + fh * 0.3f), b(p1.x - fh * 0.5f, p1.y - fh * 0.3f);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const double duration = static_cast<double>(std::max<db::SimTime>(d.stage.duration_s, 1));
  double lo = *std::min_element(s.value.begin(), s.value.end());
  double hi = *std::max_element(s.value.begin(), s.value.end());
  if (hi - lo < 1e-9) lo -= 0.5, hi += 0.5;
  const auto X = [&](double t) { return a.x + static_cast<float>(t / duration) * (b.x - a.x); };
  const auto Y = [&](double v) {
    return b.y - static_cast<float>((v - lo) / (hi - lo)) * (b.y - a.y);
  };
  dl->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_FrameBg));
  if (view.charts_drawn == 1) {
    view.plot_min = a;
    view.plot_max = b;
  }
  const ImU32 text_colour = ImGui::GetColorU32(ImGuiCol_Text);
  const std::string label = s.label + (s.unit.empty() ? "" : " (" + s.unit + ")");
  dl->AddText(ImVec2(p0.x, p0.y), text_colour, label.c_str(), nullptr);
  dl->AddText(ImVec2(p0.x, b.y - fh), text_colour, text::fixed(lo, 2).c_str());
  dl->AddText(ImVec2(p0.x, p0.y + fh), text_colour, text::fixed(hi, 2).c_str());
  dl->PushClipRect(a, b, true);
  if (view.show_markers) {
    for (const auto& m : d.analysis.markers) {
      ++view.markers_drawn;
      const float x = X(static_cast<double>(m.t));
      dl->AddLine(ImVec2(x, a.y), ImVec2(x, b.y), marker_colour(m.kind), 1.0f);
    }
  }
  for (std::size_t i = 1; i < s.value.size(); ++i) {
    dl->AddLine(ImVec2(X(static_cast<double>(s.t[i - 1])), Y(s.value[i - 1])),
                ImVec2(X(static_cast<double>(s.t[i])), Y(s.value[i])), text_colour, 1.5f);
  }
  if (view.cursor) {
    const float x = X(static_cast<double>(*view.cursor));
    dl->AddLine(ImVec2(x, a.y), ImVec2(x, b.y), ImGui::GetColorU32(ImGuiCol_PlotLinesHovered),
                1.5f);
  }
  dl->PopClipRect();
  if (ImGui::IsItemHovered()) {
    const float mx = ImGui::GetIO().MousePos.x;
    const double t = std::clamp(static_cast<double>((mx - a.x) / (b.x - a.x)), 0.0, 1.0) * duration;
    hovered = static_cast<db::SimTime>(t);
  }
}

/// Every series' value at the cursor, and the markers within a minute of it.
void cursor_readout(const db::Debrief& d, const DebriefView& view) {
  if (!view.cursor) return;
  std::string line = "At " + db::clock(*view.cursor) + ":";
  for (const auto& s : d.analysis.charts) {
    if (s.t.empty()) continue;
    std::size_t i = 0;
    while (i + 1 < s.t.size() && s.t[i + 1] <= *view.cursor) ++i;
    line += " " + s.id + " " + text::fixed(s.value[i], 2);
  }
  text(line);
  for (const auto& m : d.analysis.markers) {
    if (std::llabs(m.t - *view.cursor) <= 60) {
      ImGui::BulletText("%s %s: %s", db::clock(m.t).c_str(), m.kind.c_str(), m.label.c_str());
    }
  }
}

void charts(const db::Debrief& d, DebriefView& view) {
  ImGui::Checkbox("Markers", &view.show_markers);
  ImGui::SameLine();
  ImGui::TextColored(kColourAccent, "| action");
  ImGui::SameLine();
  ImGui::TextColored(kColourWarning, "| instructor");
  ImGui::SameLine();
  ImGui::TextColored(kColourError, "| alarm");
  ImGui::SameLine();
  ImGui::TextColored(kColourMuted, "| event");
  std::optional<db::SimTime> hovered;
  for (const auto& s : d.analysis.charts) chart(s, d, view, hovered);
  if (hovered) view.cursor = hovered;
  cursor_readout(d, view);
}

}  // namespace

void draw_debrief_panel(const db::Debrief& d, DebriefView& view) {
  view.objective_rows = view.checklist_rows = view.narrative_rows = view.flagged_rows = 0;
  view.charts_drawn = view.markers_drawn = 0;
  ImGui::PushID("debrief");
  ImGui::TextColored(kColourWarning, "Training simulation - not for clinical decisions");
  if (ImGui::CollapsingHeader("1. Set the stage", ImGuiTreeNodeFlags_DefaultOpen)) stage(d);
  if (ImGui::CollapsingHeader("2. Reactions", ImGuiTreeNodeFlags_DefaultOpen)) {
    text(d.reactions.self_rating ? "Self-rating before the scores: " +
                                       std::to_string(*d.reactions.self_rating) + " of 5"
                                 : std::string("Self-rating: not given"));
  }
  if (ImGui::CollapsingHeader("3. Description", ImGuiTreeNodeFlags_DefaultOpen)) {
    narrative(d, view);
  }
  if (ImGui::CollapsingHeader("4. Analysis", ImGuiTreeNodeFlags_DefaultOpen)) {
    objectives(d.analysis, view);
    harm_alarms(d.analysis);
    ImGui::TextUnformatted("Prompts:");
    for (const auto& p : d.analysis.prompts) {
      const std::string line =
          p.text + (p.for_items.empty() ? "" : " [" + text::join(p.for_items) + "]");
      ImGui::BulletText("%s", line.c_str());
    }
    charts(d, view);
    const auto& s = d.analysis.scores;
    ImGui::Text(
        "Scores: critical actions %.0f %%, alarm handling %.0f %%, harm avoided %.0f %%; "
        "composite %.0f of 100",
        100.0 * s.critical_actions, 100.0 * s.alarm_handling, 100.0 * s.harm, s.composite);
  }
  if (ImGui::CollapsingHeader("5. Summary", ImGuiTreeNodeFlags_DefaultOpen)) {
    for (const auto& t : d.summary.take_home) ImGui::BulletText("%s", t.c_str());
    for (const auto& r : d.summary.references) ImGui::TextDisabled("See: %s", r.c_str());
  }
  ImGui::PopID();
}

}  // namespace lb::gui
