// Patient panel: every field of the patient file with a unit selector, each
// value checked by the core loader as the user types; problems are shown at
// the field they concern.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "gui/gui_common.hpp"
#include "gui/panels.hpp"
#include "patient/plausibility.hpp"
#include "units/parse.hpp"

namespace lb::gui {

namespace {

constexpr const char* kNotGiven = "\u2014";  // em dash: the field is left out of the file

std::vector<const diag::Diagnostic*> diagnostics_for(const diag::Diagnostics& d,
                                                     std::string_view key) {
  std::vector<const diag::Diagnostic*> out;
  for (const auto& item : d.items()) {
    if (item.key == key) out.push_back(&item);
  }
  return out;
}

/// "= 69.99 kg" when the value is written in another unit than the bounds use.
std::string converted_hint(const FieldSpec& f, const FieldInput& in) {
  if (f.kind != FieldKind::quantity || in.unit.empty() || in.unit == kBareFraction) return {};
  const patient::PlausibleRange* range = patient::find_range(f.key);
  if (range == nullptr || range->unit == in.unit || range->unit.empty()) return {};
  const auto parsed = units::parse_quantity(in.value + " " + in.unit);
  if (!parsed) return {};
  const patient::UnitScale scale = patient::unit_scale(range->unit);
  if (scale.dimension != parsed.value->dimension)
    return {};  // other unit system: needs the analyte
  return "= " + patient::plain_number(parsed.value->si_value / scale.si_per_unit) + " " +
         std::string(range->unit);
}

bool choice_combo(const char* id, std::string& value, const std::vector<std::string_view>& choices,
                  bool optional, AppState& s, const std::string& key) {
  bool changed = false;
  const std::string preview = value.empty() ? (optional ? kNotGiven : "(choose)") : value;
  if (ImGui::BeginCombo(id, preview.c_str())) {
    if (optional && ImGui::Selectable(kNotGiven, value.empty())) {
      value.clear();
      changed = true;
    }
    for (const auto& c : choices) {
      const std::string word(c);
      if (ImGui::Selectable(word.c_str(), value == word)) {
        value = word;
        changed = true;
      }
      record_rect(s, key + ".choice." + word);
    }
    ImGui::EndCombo();
  }
  return changed;
}

bool unit_combo(const FieldSpec& f, FieldInput& in, AppState& s) {
  const std::string key(f.key);
  if (f.units.size() <= 1) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(in.unit.empty() ? "" : in.unit.c_str());
    return false;
  }
  bool changed = false;
  std::vector<std::string> options(f.units.begin(), f.units.end());
  bool known = false;
  for (const auto& o : options) known = known || o == in.unit;
  if (!known) options.push_back(in.unit);  // as the file had it; the loader judges it
  const std::string id = "##unit." + key;
  const std::string preview = in.unit.empty() ? "(no unit)" : in.unit;
  if (ImGui::BeginCombo(id.c_str(), preview.c_str())) {
    for (const auto& o : options) {
      const std::string shown = o.empty() ? "(no unit)" : o;
      if (ImGui::Selectable(shown.c_str(), o == in.unit)) {
        in.unit = o;
        changed = true;
      }
      record_rect(s, key + ".unit." + o);
    }
    ImGui::EndCombo();
  }
  record_rect(s, key + ".unit");
  return changed;
}

bool draw_field(AppState& s, const FieldSpec& f, float label_w, float input_w, float unit_w) {
  const std::string key(f.key);
  FieldInput& in = s.form.fields[key];
  const auto diags = diagnostics_for(s.plan.patient_diagnostics, key);
  bool has_error = false, has_warning = false;
  for (const auto* d : diags) {
    has_error = has_error || d->severity == diag::Severity::error;
    has_warning = has_warning || d->severity == diag::Severity::warning;
  }

  ImGui::PushID(key.c_str());
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(f.label.data(), f.label.data() + f.label.size());
  if (f.required) {
    ImGui::SameLine(0, 0);
    ImGui::TextColored(kColourMuted, " *");
  }
  tooltip(std::string(f.meaning) + (f.required ? " (required)" : "") + "\nFile key: " + key);
  ImGui::SameLine(label_w);

  int colours = 0;
  if (has_error) {
    ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0.55f, 0.12f, 0.12f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_Border, kColourError);
    colours = 2;
  } else if (has_warning) {
    ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0.45f, 0.33f, 0.05f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_Border, kColourWarning);
    colours = 2;
  }
  if (colours != 0) ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);

  bool changed = false;
  // Words (id, choices) take the value and unit columns together, so that
  // "paracetamol" or a long pseudonym is never cut off.
  const bool wide =
      f.kind == FieldKind::text || f.kind == FieldKind::choice || f.kind == FieldKind::boolean;
  ImGui::SetNextItemWidth(wide ? input_w + ImGui::GetStyle().ItemSpacing.x + unit_w : input_w);
  switch (f.kind) {
    case FieldKind::text:
    case FieldKind::quantity:
    case FieldKind::number:
      changed = ImGui::InputText("##value", &in.value, ImGuiInputTextFlags_AutoSelectAll);
      record_rect(s, key);
      break;
    case FieldKind::choice:
    case FieldKind::boolean:
      changed = choice_combo("##value", in.value, f.choices, !f.required, s, key);
      record_rect(s, key);
      break;
    case FieldKind::list: {
      std::vector<std::string_view> modes(f.units.begin(), f.units.end());
      std::string mode = in.unit;
      changed = choice_combo("##mode", mode, modes, false, s, key);
      if (changed) in.unit = mode;
      record_rect(s, key + ".mode");
      if (in.unit == kAllergiesListed) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(unit_w);
        changed = ImGui::InputTextWithHint("##value", "penicillin, latex", &in.value) || changed;
        record_rect(s, key);
      }
      break;
    }
  }
  if (colours != 0) {
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(colours);
  }
  if (f.kind == FieldKind::quantity) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(unit_w);
    changed = unit_combo(f, in, s) || changed;
    const std::string hint = converted_hint(f, in);
    if (!hint.empty() && diags.empty()) {
      ImGui::SameLine();
      ImGui::AlignTextToFramePadding();
      ImGui::TextColored(kColourMuted, "%s", hint.c_str());
    }
  }
  for (const auto* d : diags) {
    ImGui::Indent(em(1));
    ImGui::PushStyleColor(ImGuiCol_Text, severity_colour(d->severity));
    ImGui::TextWrapped("%s: %s", severity_word(d->severity), d->message.c_str());
    ImGui::PopStyleColor();
    record_rect(s, key + ".problem");
    ImGui::Unindent(em(1));
  }
  ImGui::PopID();
  return changed;
}

void draw_file_row(AppState& s) {
  const bool unsaved = patient_unsaved(s);
  const std::string name = s.patient_path.empty()
                               ? std::string("untitled")
                               : std::filesystem::path(s.patient_path).filename().string();
  heading("Patient");
  ImGui::SameLine();
  ImGui::TextColored(kColourMuted, "%s", name.c_str());
  if (!s.patient_path.empty()) tooltip(s.patient_path);
  if (unsaved) {
    ImGui::SameLine();
    ImGui::TextColored(kColourWarning, "\u25cf unsaved");
    tooltip(
        "Changed since it was last saved. The working patient is autosaved; use Save "
        "(Ctrl+S) to write it to a file.");
  }
  if (ImGui::Button("Open\u2026")) begin_prompt(s, PromptKind::open_patient);
  record_rect(s, "patient.open");
  tooltip("Open a patient YAML file (Ctrl+O)");
  ImGui::SameLine();
  if (ImGui::Button("Save")) save_patient_or_prompt(s);
  record_rect(s, "patient.save");
  tooltip("Save the patient as YAML (Ctrl+S); the file is replaced atomically");
  ImGui::SameLine();
  if (ImGui::Button("Save as\u2026")) begin_prompt(s, PromptKind::save_patient_as);
  ImGui::SameLine();
  const auto examples = example_patients(s);
  ImGui::BeginDisabled(examples.empty());
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
  if (ImGui::BeginCombo("##example", "Example patient", ImGuiComboFlags_HeightLarge)) {
    for (const auto& e : examples) {
      const std::string file = std::filesystem::path(e).filename().string();
      if (ImGui::Selectable(file.c_str())) load_example_patient(s, e);
      record_rect(s, "example." + file);
    }
    ImGui::EndCombo();
  }
  ImGui::EndDisabled();
  record_rect(s, "patient.example");
  if (examples.empty()) tooltip("No example folder found (set LIVERBRIDGE_EXAMPLES_DIR)");
}

void draw_summary(AppState& s) {
  const auto& d = s.plan.patient_diagnostics;
  const auto errors = d.count(diag::Severity::error);
  const auto warnings = d.count(diag::Severity::warning);
  if (errors == 0 && warnings == 0) {
    ImGui::TextColored(kColourOk, "All values valid");
  } else {
    ImGui::TextColored(errors ? kColourError : kColourWarning, "%zu %s, %zu %s in the form", errors,
                       errors == 1 ? "error" : "errors", warnings,
                       warnings == 1 ? "warning" : "warnings");
  }
  // Problems that belong to no field (a malformed file, keys the form does not know).
  for (const diag::Diagnostics* list : {&std::as_const(s.plan.form_problems), &d}) {
    for (const auto& item : list->items()) {
      if (!item.key.empty() && find_field(item.key) != nullptr) continue;
      ImGui::PushStyleColor(ImGuiCol_Text, severity_colour(item.severity));
      ImGui::TextWrapped("%s", diag::format(item).c_str());
      ImGui::PopStyleColor();
    }
  }
}

}  // namespace

void draw_patient_panel(AppState& s) {
  draw_file_row(s);
  draw_summary(s);
  ImGui::Separator();

  const float label_w = em(7.2f);
  const float input_w = em(5.6f);
  const float unit_w = em(6.2f);
  ImGui::BeginChild("patient.fields", ImVec2(0, 0), false);
  bool changed = false;
  std::string_view open_section = "-";
  bool section_open = true;
  for (const auto& f : patient_fields()) {
    const auto dot = f.key.find('.');
    const std::string_view section =
        dot == std::string_view::npos ? std::string_view() : f.key.substr(0, dot);
    if (section != open_section) {
      open_section = section;
      const char* title = section.empty()     ? "Body size and diagnosis"
                          : section == "labs" ? "Labs (optional)"
                                              : "Clinical state (optional)";
      section_open = ImGui::CollapsingHeader(title, ImGuiTreeNodeFlags_DefaultOpen);
    }
    if (!section_open) continue;
    changed = draw_field(s, f, label_w, input_w, unit_w) || changed;
  }
  ImGui::EndChild();
  if (changed) {
    s.needs_recompute = true;
    s.autosave_pending = true;
  }
}

}  // namespace lb::gui
