// Session entry: every key of the session file (docs/records.md) as a value
// with a unit selector beside it, as in the patient form. "Record session"
// builds the session file from the form and reads it with core's session
// reader (records::parse_session, as `liverbridge record session` does), so
// the messages are the command line's; with any error nothing is written and
// each message is shown at its field.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <string>
#include <vector>

#include "gui/gui_common.hpp"
#include "gui/panels.hpp"
#include "records/analytes.hpp"

namespace lb::gui {

namespace {

constexpr const char* kPrefix = "records.form.";

struct Widths {
  float label, value, unit;
};

std::vector<const diag::Diagnostic*> problems_for(const diag::Diagnostics& d,
                                                  std::string_view key) {
  std::vector<const diag::Diagnostic*> out;
  for (const auto& item : d.items()) {
    if (item.key == key) out.push_back(&item);
  }
  return out;
}

const char* hint_for(const SessionFieldSpec& f) {
  if (f.kind == SessionFieldKind::time) return "2026-11-20T08:00Z";
  if (f.key == "anticoagulant") return "ACD-A, ACD-B, heparin";
  if (f.key == "calcium_salt") return "gluconate or chloride";
  if (f.key == "adverse_event_notes") return "what happened, what was done";
  return "";
}

bool unit_selector(AppState& s, const SessionFieldSpec& f, FieldInput& in, float width) {
  const std::string key = kPrefix + f.key;
  if (f.units.size() <= 1) {  // one unit (or a plain number): shown, not chosen
    ImGui::AlignTextToFramePadding();
    const std::string& u = f.units.empty() ? in.unit : f.units.front();
    ImGui::TextColored(kColourMuted, "%s", u.empty() ? "(number)" : u.c_str());
    return false;
  }
  bool changed = false;
  ImGui::SetNextItemWidth(width);
  if (ImGui::BeginCombo("##unit", in.unit.c_str())) {
    for (const auto& u : f.units) {
      if (ImGui::Selectable(u.c_str(), u == in.unit)) {
        in.unit = u;
        changed = true;
      }
      record_rect(s, key + ".unit." + u);
    }
    ImGui::EndCombo();
  }
  record_rect(s, key + ".unit");
  return changed;
}

/// The value input (red frame when the reader refused it), without label.
void value_input(AppState& s, const SessionFieldSpec& f, FieldInput& in, float width,
                 bool has_error) {
  if (has_error) {
    ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0.55f, 0.12f, 0.12f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_Border, kColourError);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
  }
  ImGui::SetNextItemWidth(width);
  ImGui::InputTextWithHint("##value", hint_for(f), &in.value, ImGuiInputTextFlags_AutoSelectAll);
  record_rect(s, kPrefix + f.key);
  if (has_error) {
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
  }
}

void show_problems(AppState& s, const std::vector<const diag::Diagnostic*>& problems,
                   const std::string& key) {
  for (const auto* d : problems) {
    ImGui::Indent(em(1));
    ImGui::PushStyleColor(ImGuiCol_Text, severity_colour(d->severity));
    ImGui::PushTextWrapPos(0);
    ImGui::Text("%s: %s", severity_word(d->severity), d->message.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    record_rect(s, kPrefix + key + ".problem");
    ImGui::Unindent(em(1));
  }
}

void field_row(AppState& s, const std::string& key, const Widths& w) {
  const SessionFieldSpec* f = find_session_field(key);
  if (f == nullptr) return;
  auto& form = s.records.session_form;
  FieldInput& in = form.fields[key];
  const auto problems = problems_for(form.problems, key);
  ImGui::PushID(key.c_str());
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(f->label.c_str());
  if (f->required) {
    ImGui::SameLine(0, 0);
    ImGui::TextColored(kColourMuted, " *");
  }
  tooltip("Session file key: " + key + (f->required ? " (required)" : ""));
  ImGui::SameLine(w.label);
  const bool words = f->kind == SessionFieldKind::text || f->kind == SessionFieldKind::time;
  const float width = words ? w.value + w.unit + ImGui::GetStyle().ItemSpacing.x : w.value;
  value_input(s, *f, in, key == "adverse_event_notes" ? -1.0f : width, !problems.empty());
  if (!words) {
    ImGui::SameLine();
    unit_selector(s, *f, in, w.unit);
  }
  if (f->kind == SessionFieldKind::time) {
    tooltip("ISO 8601 with a zone (Z or +01:00): a time without one is refused");
  }
  show_problems(s, problems, key);
  ImGui::PopID();
}

void draw_plan_choice(AppState& s, float label_w) {
  auto& r = s.records;
  auto& form = r.session_form;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Plan");
  tooltip("The approved plan the session was performed under");
  ImGui::SameLine(label_w);
  const std::string preview =
      form.plan.empty() ? std::string("latest approved plan") : "plan " + form.plan;
  ImGui::SetNextItemWidth(em(13.5f));
  if (ImGui::BeginCombo("##plan", preview.c_str())) {
    if (ImGui::Selectable("latest approved plan", form.plan.empty())) form.plan.clear();
    if (r.review) {
      for (const auto& p : r.review->plans) {
        const std::string id = p.plan.id.str();
        const std::string label =
            "plan " + id + " (" + p.plan.protocol_id + " " + p.plan.protocol_version + ")";
        if (ImGui::Selectable(label.c_str(), form.plan == id)) form.plan = id;
      }
    }
    ImGui::EndCombo();
  }
  show_problems(s, problems_for(form.problems, "plan"), "plan");
}

void draw_adverse_events(AppState& s, const Widths& w) {
  auto& form = s.records.session_form;
  const auto& names = records::adverse_event_names();
  const float col = em(11);
  const int per_row = std::max(1, static_cast<int>(ImGui::GetContentRegionAvail().x / col));
  int i = 0;
  for (const auto& name : names) {
    if (i % per_row != 0) ImGui::SameLine(static_cast<float>(i % per_row) * col);
    bool on = form.adverse_events.count(name) != 0;
    if (ImGui::Checkbox(name.c_str(), &on)) {
      if (on) {
        form.adverse_events.insert(name);
      } else {
        form.adverse_events.erase(name);
      }
    }
    record_rect(s, std::string(kPrefix) + "event." + name);
    ++i;
  }
  show_problems(s, problems_for(form.problems, "adverse_events"), "adverse_events");
  field_row(s, "adverse_event_notes", w);
}

void draw_labs(AppState& s, const Widths& w) {
  auto& form = s.records.session_form;
  field_row(s, "labs.pre.drawn_at", Widths{em(11), w.value, w.unit});
  field_row(s, "labs.post.drawn_at", Widths{em(11), w.value, w.unit});
  ImGui::PushTextWrapPos(0);
  ImGui::TextColored(kColourMuted,
                     "Labs after the session are compared with the model when drawn after "
                     "re-equilibration (the plan's stated time, default 12 h).");
  ImGui::PopTextWrapPos();
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("labs", 3, flags)) return;
  ImGui::TableSetupColumn("Lab");
  ImGui::TableSetupColumn("Before the session");
  ImGui::TableSetupColumn("After the session");
  ImGui::TableHeadersRow();
  for (const auto& a : records::analytes()) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(a.name.c_str());
    if (!a.hint.empty()) tooltip("Units: " + a.hint);
    for (const char* timing : {"pre", "post"}) {
      ImGui::TableNextColumn();
      const std::string key = std::string("labs.") + timing + "." + a.name;
      const SessionFieldSpec* f = find_session_field(key);
      if (f == nullptr) continue;
      FieldInput& in = form.fields[key];
      const auto problems = problems_for(form.problems, key);
      ImGui::PushID(key.c_str());
      value_input(s, *f, in, em(5), !problems.empty());
      ImGui::SameLine();
      unit_selector(s, *f, in, w.unit);
      show_problems(s, problems, key);
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

/// Problems at keys no field shows (the patient, a key the form does not know).
void draw_other_problems(AppState& s) {
  const auto& form = s.records.session_form;
  for (const auto& item : form.problems.items()) {
    if (find_session_field(item.key) != nullptr || item.key == "plan" ||
        item.key == "adverse_events") {
      continue;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, severity_colour(item.severity));
    ImGui::PushTextWrapPos(0);
    ImGui::Text("%s: %s%s%s", severity_word(item.severity), item.key.c_str(),
                item.key.empty() ? "" : ": ", item.message.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    record_rect(s, std::string(kPrefix) + "problem.other");
  }
}

void draw_submit(AppState& s) {
  auto& form = s.records.session_form;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Recorded by *");
  tooltip("Your name or staff id: it goes into the audit log with the record");
  ImGui::SameLine(em(9));
  ImGui::SetNextItemWidth(em(14));
  ImGui::InputTextWithHint("##who", "name or staff id", &form.who);
  record_rect(s, std::string(kPrefix) + "who");
  ImGui::SameLine();
  if (ImGui::Button("Record session")) submit_session_form(s);
  record_rect(s, std::string(kPrefix) + "submit");
  tooltip(
      "Checked as `liverbridge record session` checks a file; nothing is written while "
      "any error remains");
  ImGui::SameLine();
  if (ImGui::Button("Clear form")) {
    const std::string who = form.who;
    form = empty_session_form();
    form.who = who;
  }
  record_rect(s, std::string(kPrefix) + "clear");
  if (!form.error.empty()) {
    const std::size_t n = form.problems.count(diag::Severity::error);
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(
        kColourError, "\u25b2 %s%s", form.error.c_str(),
        n == 0 ? "" : (" (" + std::to_string(n) + (n == 1 ? " error)" : " errors)")).c_str());
    ImGui::PopTextWrapPos();
    record_rect(s, std::string(kPrefix) + "error");
  } else if (!form.result.empty()) {
    ImGui::TextColored(kColourOk, "\u25cf %s", form.result.c_str());
    record_rect(s, std::string(kPrefix) + "result");
  }
  draw_other_problems(s);
}

}  // namespace

void draw_records_session_form(AppState& s) {
  const Widths w{em(9), em(7), em(6)};
  ImGui::PushFont(bold_font());
  ImGui::Text("Record a performed session for %s", s.records.selected.str().c_str());
  ImGui::PopFont();
  ImGui::PushTextWrapPos(0);
  ImGui::TextColored(kColourMuted,
                     "Checked by the same reader as `liverbridge record session`; nothing is "
                     "stored while any error remains. * required.");
  ImGui::PopTextWrapPos();
  draw_submit(s);
  ImGui::Separator();

  // Two columns when there is room: the session and its fluids | events and labs.
  const float left_w = w.label + w.value + w.unit + em(2.5f);
  const bool two = ImGui::GetContentRegionAvail().x > left_w + em(32);
  if (two) ImGui::BeginChild("form.left", ImVec2(left_w, 0), false);
  draw_plan_choice(s, w.label);
  for (const char* key :
       {"started_at", "ended_at", "plasma_removed", "blood_flow", "ffp_units", "albumin_used",
        "anticoagulant", "anticoagulant_volume", "calcium_salt", "calcium_given"}) {
    field_row(s, key, w);
  }
  if (ImGui::CollapsingHeader("Replacement fluids given", ImGuiTreeNodeFlags_DefaultOpen)) {
    for (const auto& f : session_field_specs()) {
      if (f.key.rfind("replaced.", 0) == 0) field_row(s, f.key, w);
    }
  }
  if (two) {
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("form.right", ImVec2(0, 0), false);
  }
  if (ImGui::CollapsingHeader("Adverse events", ImGuiTreeNodeFlags_DefaultOpen)) {
    draw_adverse_events(s, w);
  }
  if (ImGui::CollapsingHeader("Labs before and after", ImGuiTreeNodeFlags_DefaultOpen)) {
    draw_labs(s, w);
  }
  if (two) ImGui::EndChild();
}

}  // namespace lb::gui
