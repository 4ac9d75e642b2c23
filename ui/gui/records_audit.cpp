// The selected patient's audit trail (append-only: who, when, what, the
// previous value, why) with the hash-chain check, and the correction form:
// a session, a field, the new value with its unit, a reason and who. The
// correction goes through Store::correct_session as `liverbridge record
// correct` does; the old value stays in the log.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <string>

#include "gui/gui_common.hpp"
#include "gui/panels.hpp"

namespace lb::gui {

namespace {

const records::SessionRecord* find_session(const RecordsState& r, records::SessionId id) {
  for (const auto& x : r.sessions) {
    if (x.id == id) return &x;
  }
  return nullptr;
}

std::string session_label(const RecordsState& r, records::SessionId id) {
  for (std::size_t i = 0; i < r.sessions.size(); ++i) {
    if (r.sessions[i].id == id) {
      return "session " + std::to_string(i + 1) + " (record " + id.str() + ", " +
             r.sessions[i].data.started.utc + ")";
    }
  }
  return "(choose)";
}

/// At most `n` bytes, cut at a character boundary (UTF-8), "…" when cut.
std::string shortened(const std::string& text, std::size_t n) {
  if (text.size() <= n) return text;
  std::size_t cut = n - 2;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;
  return text.substr(0, cut) + "\u2026";
}

void draw_trail(AppState& s) {
  auto& r = s.records;
  heading("Audit trail");
  ImGui::SameLine();
  if (r.audit_chain_problem.empty()) {
    ImGui::TextColored(kColourOk, "hash chain verified");
  } else {
    ImGui::TextColored(kColourError, "HASH CHAIN BROKEN: %s", r.audit_chain_problem.c_str());
  }
  record_rect(s, "records.audit.chain");
  ImGui::TextColored(kColourMuted,
                     "Append-only: a correction adds an entry; nothing is overwritten or deleted.");
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollY;
  const float rows = static_cast<float>(std::clamp<std::size_t>(r.audit.size(), 2, 14)) + 1.2f;
  if (!ImGui::BeginTable("audit", 8, flags,
                         ImVec2(0, rows * ImGui::GetTextLineHeightWithSpacing() +
                                       ImGui::GetStyle().CellPadding.y * 2 * rows))) {
    return;
  }
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("#");
  ImGui::TableSetupColumn("When (UTC)");
  ImGui::TableSetupColumn("Who");
  ImGui::TableSetupColumn("What");
  ImGui::TableSetupColumn("Field");
  ImGui::TableSetupColumn("Previous value");
  ImGui::TableSetupColumn("New value");
  ImGui::TableSetupColumn("Reason", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  for (const auto& e : r.audit) {
    ImGui::TableNextRow();
    const std::string id = std::to_string(e.id);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(id.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(e.at_utc.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(e.actor.c_str());
    ImGui::TableNextColumn();
    const bool correction = e.action == "correct";
    const std::string what = e.action + " " + e.entity + " " + std::to_string(e.entity_id);
    if (correction) {
      ImGui::TextColored(kColourWarning, "%s", what.c_str());
    } else {
      ImGui::TextUnformatted(what.c_str());
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(e.field.c_str());
    ImGui::TableNextColumn();
    if (correction) {
      ImGui::TextUnformatted(e.previous_value.empty() ? "(none)" : e.previous_value.c_str());
      record_rect(s, "records.audit.previous." + id);
    } else {
      ImGui::TextColored(kColourMuted, "\u2014");
    }
    ImGui::TableNextColumn();
    // A created record's "new value" is the whole record: shown shortened, in full on hover.
    const std::string shown = shortened(e.new_value, 28);
    ImGui::TextUnformatted(shown.c_str());
    if (shown != e.new_value) tooltip(e.new_value);
    ImGui::TableNextColumn();
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(e.reason.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::EndTable();
}

void draw_correction(AppState& s) {
  auto& r = s.records;
  auto& c = r.correction;
  heading("Correct a session");
  ImGui::PushTextWrapPos(0);
  ImGui::TextColored(kColourMuted,
                     "As `liverbridge record correct`: the record takes the new value and the "
                     "audit trail keeps the previous one with who, when and why.");
  ImGui::PopTextWrapPos();
  if (r.sessions.empty()) {
    ImGui::TextColored(kColourMuted, "No session recorded yet.");
    return;
  }
  const float label_w = em(7);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Session");
  ImGui::SameLine(label_w);
  ImGui::SetNextItemWidth(em(22));
  if (ImGui::BeginCombo("##session", session_label(r, c.session_id).c_str())) {
    for (const auto& x : r.sessions) {
      if (ImGui::Selectable(session_label(r, x.id).c_str(), x.id == c.session_id)) {
        c.session_id = x.id;
      }
      record_rect(s, "records.correct.session." + x.id.str());
    }
    ImGui::EndCombo();
  }
  record_rect(s, "records.correct.session");

  const records::SessionRecord* session = find_session(r, c.session_id);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Field");
  ImGui::SameLine(label_w);
  ImGui::SetNextItemWidth(em(14));
  if (ImGui::BeginCombo("##field", c.field.empty() ? "(choose)" : c.field.c_str(),
                        ImGuiComboFlags_HeightLarge)) {
    if (session != nullptr) {
      for (const auto& f : correctable_fields(*session)) {
        if (ImGui::Selectable(f.c_str(), f == c.field)) {
          c.field = f;
          const auto units = correction_units(f);
          c.value.unit = units.empty() ? "" : units.front();
        }
        record_rect(s, "records.correct.field." + f);
      }
    }
    ImGui::EndCombo();
  }
  record_rect(s, "records.correct.field");

  const auto units = correction_units(c.field);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("New value");
  ImGui::SameLine(label_w);
  ImGui::SetNextItemWidth(units.empty() ? em(14) : em(8));
  ImGui::InputTextWithHint("##value", units.empty() ? "text or 2026-11-20T08:00Z" : "number",
                           &c.value.value, ImGuiInputTextFlags_AutoSelectAll);
  record_rect(s, "records.correct.value");
  if (units.size() > 1) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(6));
    if (ImGui::BeginCombo("##unit", c.value.unit.c_str())) {
      for (const auto& u : units) {
        if (ImGui::Selectable(u.c_str(), u == c.value.unit)) c.value.unit = u;
        record_rect(s, "records.correct.unit." + u);
      }
      ImGui::EndCombo();
    }
    record_rect(s, "records.correct.unit");
  } else if (units.size() == 1) {
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(kColourMuted, "%s",
                       units.front().empty() ? "(number)" : units.front().c_str());
  }

  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Reason *");
  ImGui::SameLine(label_w);
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##reason", "why the record is corrected", &c.reason);
  record_rect(s, "records.correct.reason");
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("By *");
  ImGui::SameLine(label_w);
  ImGui::SetNextItemWidth(em(14));
  ImGui::InputTextWithHint("##who", "name or staff id", &c.who);
  record_rect(s, "records.correct.who");
  ImGui::SameLine();
  if (ImGui::Button("Record correction")) submit_correction(s);
  record_rect(s, "records.correct.submit");
  if (!c.error.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(kColourError, "\u25b2 %s", c.error.c_str());
    ImGui::PopTextWrapPos();
    record_rect(s, "records.correct.error");
  } else if (!c.result.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(kColourOk, "\u25cf %s", c.result.c_str());
    ImGui::PopTextWrapPos();
    record_rect(s, "records.correct.result");
  }
}

}  // namespace

void draw_records_audit(AppState& s) {
  draw_correction(s);
  ImGui::Separator();
  draw_trail(s);
}

}  // namespace lb::gui
