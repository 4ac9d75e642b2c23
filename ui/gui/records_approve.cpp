// "Approve and store plan…": the planner's plan stored in the records database
// exactly as `liverbridge record plan` stores it — records::capture_plan from
// the form's YAML text, the selected protocol's exact text, the override
// reasons and the course start, then Store::add_plan — so that a plan stored
// from the window reproduces like one stored from the command line.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <exception>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "gui/app_state.hpp"
#include "gui/gui_common.hpp"
#include "gui/panels.hpp"
#include "gui/records_state.hpp"
#include "records/plan_capture.hpp"
#include "records/review.hpp"
#include "records/store.hpp"
#include "text/format.hpp"

namespace lb::gui {

namespace {

constexpr const char* kPopup = "Approve and store plan###approve";

bool db_file_exists(const std::string& path) {
  std::error_code ec;
  return !path.empty() && std::filesystem::is_regular_file(path, ec);
}

/// Whether the form's patient is in the database (without creating the file).
void check_patient(AppState& s) {
  auto& a = s.records.approve;
  a.patient_in_db = false;
  const std::string id = form_patient_id(s);
  if (id.empty() || !db_file_exists(s.records.db_path)) return;
  try {
    records::Store store(s.records.db_path);
    a.patient_in_db = store.find_patient(records::PatientId(id)).has_value();
  } catch (const std::exception& e) {
    a.error = std::string("Cannot read the records database: ") + e.what();
  }
}

std::string course_start_text(const AppState& s) { return text::trimmed(s.course_start); }

void wrapped(ImVec4 colour, const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

void label(const char* text) {
  ImGui::TextColored(kColourMuted, "%s", text);
  ImGui::SameLine(em(9));
}

void draw_patient_row(AppState& s) {
  auto& a = s.records.approve;
  const std::string id = form_patient_id(s);
  label("Patient");
  ImGui::TextUnformatted(id.c_str());
  if (a.patient_in_db) return;
  wrapped(kColourWarning, "Patient " + id +
                              " is not in this records database. Add the patient (recorded "
                              "as added by the approver named below), then approve.");
  const std::string add = "Add patient " + id;
  if (ImGui::Button(add.c_str())) add_approve_patient(s);
  record_rect(s, "approve.add_patient");
}

void draw_overrides(AppState& s) {
  label("Overrides");
  const auto overrides = current_overrides(s);
  if (overrides.empty()) {
    ImGui::TextColored(kColourMuted, "none");
    return;
  }
  ImGui::NewLine();
  for (const auto& [rule, reason] : overrides) {
    ImGui::Indent(em(1));
    ImGui::TextWrapped("%s: %s", rule.str().c_str(), reason.c_str());
    ImGui::Unindent(em(1));
  }
  record_rect(s, "approve.overrides");
}

void draw_review_parameters(AppState& s) {
  auto& a = s.records.approve;
  const bool open = ImGui::CollapsingHeader("Review tolerances (optional)");
  record_rect(s, "approve.tolerances");
  if (!open) return;
  ImGui::PushTextWrapPos(0);
  ImGui::TextColored(kColourMuted, "%s",
                     "Allowed deviation per item as --tolerance takes it, e.g. 10%. "
                     "An item left empty is shown in the review as \"not assessed\".");
  ImGui::PopTextWrapPos();
  for (const auto& item : records::comparable_items()) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(item.c_str());
    ImGui::SameLine(em(13));
    ImGui::SetNextItemWidth(em(8));
    const std::string id = "##tolerance." + item;
    ImGui::InputTextWithHint(id.c_str(), "e.g. 10%", &a.tolerances[item]);
    record_rect(s, "approve.tolerance." + item);
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("equilibration");
  ImGui::SameLine(em(13));
  ImGui::SetNextItemWidth(em(8));
  ImGui::InputTextWithHint("##equilibration", "12 h", &a.equilibration);
  record_rect(s, "approve.equilibration");
  tooltip(
      "Post labs drawn at least this long after the end count as re-equilibrated "
      "(default 12 h, ASFA 2023)");
}

}  // namespace

std::string form_patient_id(const AppState& s) {
  const auto it = s.form.fields.find("id");
  return it == s.form.fields.end() ? std::string() : text::trimmed(it->second.value);
}

std::string approve_unavailable_reason(const AppState& s) {
  if (!s.plan.plan) return "there is no plan";
  if (!s.plan.current) return "the plan shown is not current (it does not match the inputs)";
  const auto errors = s.plan.patient_diagnostics.count(diag::Severity::error) +
                      s.plan.form_problems.count(diag::Severity::error);
  if (errors > 0) {
    return "the patient form has " + std::to_string(errors) + (errors == 1 ? " error" : " errors");
  }
  if (!s.course_start_error.empty()) return "the course start cannot be read";
  if (s.plan.plan->status() == plan::Status::not_ready) {
    return "the plan is NOT READY (see its errors: a hard limit or an eligibility rule)";
  }
  const ProtocolEntry* e = selected_protocol(s);
  if (e == nullptr || !e->loaded) return "no protocol is chosen";
  if (form_patient_id(s).empty()) return "the patient has no id";
  if (s.records.db_path.empty()) return "there is no records database (no data directory)";
  return {};
}

void begin_approve(AppState& s) {
  auto& a = s.records.approve;
  a.error.clear();
  a.diagnostics = {};
  if (!approve_unavailable_reason(s).empty()) return;
  check_patient(s);
  a.open_requested = true;
}

bool add_approve_patient(AppState& s) {
  auto& a = s.records.approve;
  a.error.clear();
  const std::string id = form_patient_id(s);
  if (text::trimmed(a.approved_by).empty()) {
    a.error =
        "Nothing written: enter \"Approved by\" first (the patient is recorded as added "
        "by the approver)";
    return false;
  }
  try {
    records::Store store(s.records.db_path);
    store.add_patient(records::PatientId(id), text::trimmed(a.approved_by));
  } catch (const std::exception& e) {
    a.error = std::string("Nothing written: ") + e.what();
    return false;
  }
  check_patient(s);
  refresh_records(s);
  return a.patient_in_db;
}

std::optional<records::PlanId> approve_and_store_plan(AppState& s) {
  auto& a = s.records.approve;
  a.error.clear();
  a.diagnostics = {};
  if (const std::string why = approve_unavailable_reason(s); !why.empty()) {
    a.error = "Nothing stored: " + why;
    return std::nullopt;
  }
  const std::string by = text::trimmed(a.approved_by);
  if (by.empty()) {
    a.error = "Nothing stored: enter who approves the plan (\"Approved by\")";
    return std::nullopt;
  }
  const ProtocolEntry* protocol = selected_protocol(s);
  const records::PatientId patient_id(form_patient_id(s));
  try {
    std::vector<std::string> tolerances;
    for (const auto& [item, text] : a.tolerances) {
      if (!text::trimmed(text).empty()) tolerances.push_back(item + "=" + text::trimmed(text));
    }
    const std::string review_json =
        records::make_review_json(tolerances, text::trimmed(a.equilibration));
    records::PlanCaptureRequest request;
    request.patient = patient_id;
    request.patient_text = form_to_yaml(s.form);
    request.patient_file = patient_file_label(s);
    request.protocol_text = protocol->text;
    request.protocol_file = protocol->path;
    request.overrides = current_overrides(s);
    request.review_json = review_json;
    request.approved_by = by;
    request.course_start = course_start_text(s);
    const auto capture = records::capture_plan(request);
    a.diagnostics = capture.diagnostics;
    if (!capture.input) {
      a.error = "Nothing stored: " + capture.error;
      return std::nullopt;
    }
    if (!db_file_exists(s.records.db_path)) {  // opening would create an empty file
      a.error = "Nothing stored: the records database " + s.records.db_path +
                " does not exist yet; add the patient first";
      return std::nullopt;
    }
    records::Store store(s.records.db_path);
    if (!store.find_patient(patient_id)) {
      a.patient_in_db = false;
      a.error = "Nothing stored: patient " + patient_id.str() + " is not in the records database";
      return std::nullopt;
    }
    const auto id = store.add_plan(*capture.input);
    set_message(s, "Plan " + id.str() + " stored for patient " + patient_id.str() + " (protocol " +
                       capture.plan->protocol.id + " " + capture.plan->protocol.version +
                       ", status " + std::string(plan::to_string(capture.plan->status())) +
                       "), approved by " + by + " \u2014 " + s.records.db_path);
    a.approved_by.clear();  // the next approval names its approver afresh
    s.records.selected = patient_id;
    refresh_records(s);
    return id;
  } catch (const std::exception& e) {
    a.error = std::string("Nothing stored: ") + e.what();
    return std::nullopt;
  }
}

void draw_approve_button(AppState& s) {
  const std::string why = approve_unavailable_reason(s);
  ImGui::BeginDisabled(!why.empty());
  if (ImGui::Button("Approve and store plan\u2026")) begin_approve(s);
  ImGui::EndDisabled();
  record_rect(s, "plan.approve");
  if (why.empty()) {
    tooltip(
        "Store this plan in the records database as approved, as `liverbridge record plan` "
        "does (asks who approves first)");
    return;
  }
  ImGui::SameLine();
  ImGui::PushTextWrapPos(0);
  ImGui::TextColored(kColourMuted, "Not available: %s", why.c_str());
  ImGui::PopTextWrapPos();
  record_rect(s, "plan.approve.why");
}

void draw_approve_prompt(AppState& s) {
  auto& a = s.records.approve;
  if (a.open_requested) {
    ImGui::OpenPopup(kPopup);
    a.open_requested = false;
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(em(36), 0), ImVec2(em(44), vp->WorkSize.y * 0.9f));
  if (!ImGui::BeginPopupModal(kPopup, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::PushTextWrapPos(em(42));
  ImGui::TextWrapped(
      "Stores this plan with its patient and protocol texts as approved, exactly as "
      "`liverbridge record plan` does. A stored plan cannot be changed or deleted.");
  ImGui::Separator();
  label("Database");
  path_text(s.records.db_path, ImGui::GetStyleColorVec4(ImGuiCol_Text));
  record_rect(s, "approve.db");
  tooltip("The database the Session records screens show (open another one there)");
  draw_patient_row(s);
  if (s.plan.plan) {
    const plan::Plan& plan = *s.plan.plan;
    label("Protocol");
    ImGui::TextWrapped("%s v%s", plan.protocol.id.c_str(), plan.protocol.version.c_str());
    if (const ProtocolEntry* e = selected_protocol(s); e != nullptr && e->modified()) {
      wrapped(kColourWarning, "The protocol has unsaved edits: the text as edited is stored.");
    }
    label("Plan status");
    badge(status_words(plan.status()), status_colour(plan.status()));
  }
  label("Course start");
  const std::string start = course_start_text(s);
  if (start.empty()) {
    ImGui::TextColored(kColourMuted, "not set (course days only; set it in the Schedule tab)");
  } else {
    ImGui::TextUnformatted(start.c_str());
  }
  record_rect(s, "approve.start");
  draw_overrides(s);
  ImGui::Separator();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Approved by");
  ImGui::SameLine(em(9));
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##approved_by", "name or staff id (required)", &a.approved_by);
  record_rect(s, "approve.by");
  draw_review_parameters(s);
  if (!a.error.empty()) wrapped(kColourError, a.error);
  for (const auto& d : a.diagnostics.sorted()) wrapped(kColourError, diag::format(d));
  ImGui::PopTextWrapPos();
  ImGui::Separator();
  if (ImGui::Button("Approve and store")) {
    if (approve_and_store_plan(s)) ImGui::CloseCurrentPopup();
  }
  record_rect(s, "approve.confirm");
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    a.error.clear();
    ImGui::CloseCurrentPopup();
  }
  record_rect(s, "approve.cancel");
  ImGui::EndPopup();
}

}  // namespace lb::gui
