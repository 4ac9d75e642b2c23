#include "gui/records_state.hpp"

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <system_error>

#include "gui/app_state.hpp"
#include "records/analytes.hpp"
#include "records/session_reader.hpp"
#include "records/store.hpp"
#include "text/format.hpp"

namespace lb::gui {

namespace {

const std::vector<std::string> kVolume = {"mL", "L"};
const std::vector<std::string> kFlow = {"mL/min", "L/h", "mL/h"};
const std::vector<std::string> kMass = {"g", "mg"};

bool file_exists(const std::string& path) {
  std::error_code ec;
  return !path.empty() && std::filesystem::is_regular_file(path, ec);
}

/// The units the patient form offers for a lab ("labs.bilirubin"), {""} for plain numbers.
std::vector<std::string> lab_units(const std::string& analyte) {
  const FieldSpec* f = find_field("labs." + analyte);
  if (f == nullptr || f->kind == FieldKind::number || f->units.empty()) return {""};
  return {f->units.begin(), f->units.end()};
}

std::vector<SessionFieldSpec> build_specs() {
  using K = SessionFieldKind;
  std::vector<SessionFieldSpec> out = {
      {"started_at", "Started at", K::time, {}, true},
      {"ended_at", "Ended at", K::time, {}, true},
      {"plasma_removed", "Plasma removed", K::quantity, kVolume, true},
  };
  for (const auto& fluid : records::fluid_names()) {
    out.push_back({"replaced." + fluid, fluid, K::quantity, kVolume, false});
  }
  const std::vector<SessionFieldSpec> rest = {
      {"blood_flow", "Blood flow", K::quantity, kFlow, false},
      {"ffp_units", "FFP units", K::number, {"units"}, false},
      {"albumin_used", "Albumin given", K::quantity, kMass, false},
      {"anticoagulant", "Anticoagulant", K::text, {}, false},
      {"anticoagulant_volume", "AC volume", K::quantity, kVolume, false},
      {"calcium_salt", "Calcium salt", K::text, {}, false},
      {"calcium_given", "Calcium given", K::quantity, kMass, false},
      {"adverse_event_notes", "Event notes", K::text, {}, false},
  };
  out.insert(out.end(), rest.begin(), rest.end());
  for (const char* timing : {"pre", "post"}) {
    const std::string base = std::string("labs.") + timing + ".";
    out.push_back({base + "drawn_at",
                   std::string(timing) == "pre" ? "Before: drawn at" : "After: drawn at",
                   K::time,
                   {},
                   false});
    for (const auto& a : records::analytes()) {
      auto units = lab_units(a.name);
      const bool plain = units.size() == 1 && units.front().empty();
      out.push_back(
          {base + a.name, a.name, plain ? K::number : K::quantity, std::move(units), false});
    }
  }
  return out;
}

/// A YAML double-quoted scalar: whatever was typed stays text for the reader to judge.
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

bool all_digits(const std::string& text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// The scalar for one field: "9800 mL", a time, or a whole number left plain.
std::string scalar_of(const SessionFieldSpec& f, const FieldInput& in) {
  const std::string value = text::trimmed(in.value);
  if (f.kind == SessionFieldKind::quantity && !in.unit.empty()) {
    return quoted(value + " " + in.unit);
  }
  if (f.kind == SessionFieldKind::number && all_digits(value)) return value;
  return quoted(value);
}

void load_patient(AppState& s, records::Store& store) {
  auto& r = s.records;
  r.review.reset();
  r.sessions.clear();
  r.audit.clear();
  r.patient_error.clear();
  if (r.selected.empty()) return;
  try {
    r.review = records::review_course(store, r.selected);
    r.sessions = store.sessions_for(r.selected);
    // The patient's own entries: the patient, its plans and its sessions (as export_json).
    const auto patient = store.find_patient(r.selected);
    std::vector<std::int64_t> plan_ids, session_ids;  // audit rows name entities by number
    for (const auto& p : store.plans_for(r.selected)) plan_ids.push_back(p.id.raw());
    for (const auto& x : r.sessions) session_ids.push_back(x.id.raw());
    const auto in = [](const std::vector<std::int64_t>& ids, std::int64_t id) {
      return std::find(ids.begin(), ids.end(), id) != ids.end();
    };
    for (auto& e : store.audit()) {
      const bool mine = (e.entity == "patient" && patient && e.entity_id == patient->id) ||
                        (e.entity == "plan" && in(plan_ids, e.entity_id)) ||
                        (e.entity == "session" && in(session_ids, e.entity_id));
      if (mine) r.audit.push_back(std::move(e));
    }
    r.audit_chain_problem = store.verify_audit_chain();
  } catch (const std::exception& e) {
    r.patient_error = e.what();
  }
  auto& c = r.correction;
  const bool known = std::any_of(r.sessions.begin(), r.sessions.end(),
                                 [&](const auto& x) { return x.id == c.session_id; });
  if (!known) c.session_id = r.sessions.empty() ? records::SessionId() : r.sessions.back().id;
}

}  // namespace

const std::vector<SessionFieldSpec>& session_field_specs() {
  static const std::vector<SessionFieldSpec> specs = build_specs();
  return specs;
}

const SessionFieldSpec* find_session_field(std::string_view key) {
  for (const auto& f : session_field_specs()) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

SessionFormState empty_session_form() {
  SessionFormState form;
  for (const auto& f : session_field_specs()) {
    form.fields[f.key] = FieldInput{"", f.units.empty() ? "" : f.units.front()};
  }
  return form;
}

std::vector<std::string> correction_units(std::string_view field) {
  if (field == "plasma_removed" || field == "anticoagulant_volume" ||
      field.rfind("replaced.", 0) == 0) {
    return kVolume;
  }
  if (field == "blood_flow") return kFlow;
  if (field == "albumin_used" || field == "calcium_given") return kMass;
  if (field == "ffp_units") return {""};
  for (const char* timing : {"pre.", "post."}) {
    if (field.rfind(timing, 0) == 0)
      return lab_units(std::string(field.substr(field.find('.') + 1)));
  }
  return {};
}

std::vector<std::string> correctable_fields(const records::SessionRecord& session) {
  std::vector<std::string> out = {
      "started_at",   "ended_at",      "plasma_removed",     "blood_flow",
      "ffp_units",    "albumin_used",  "anticoagulant",      "anticoagulant_volume",
      "calcium_salt", "calcium_given", "adverse_event_notes"};
  for (const auto& fluid : records::fluid_names()) out.push_back("replaced." + fluid);
  for (const auto& lab : session.data.labs) out.push_back(lab.timing + "." + lab.analyte);
  return out;
}

std::string session_form_yaml(const SessionFormState& form, const std::string& patient) {
  std::string top = "patient: " + quoted(patient) + "\n";
  if (!text::trimmed(form.plan).empty()) {
    top += "plan: " +
           (all_digits(text::trimmed(form.plan)) ? text::trimmed(form.plan) : quoted(form.plan)) +
           "\n";
  }
  std::string replaced, labs_pre, labs_post, tail;
  for (const auto& f : session_field_specs()) {
    const auto it = form.fields.find(f.key);
    if (it == form.fields.end() || text::trimmed(it->second.value).empty()) continue;
    const std::string scalar = scalar_of(f, it->second);
    if (f.key.rfind("replaced.", 0) == 0) {
      replaced += "  " + f.key.substr(9) + ": " + scalar + "\n";
    } else if (f.key.rfind("labs.pre.", 0) == 0) {
      labs_pre += "    " + f.key.substr(9) + ": " + scalar + "\n";
    } else if (f.key.rfind("labs.post.", 0) == 0) {
      labs_post += "    " + f.key.substr(10) + ": " + scalar + "\n";
    } else if (f.key == "adverse_event_notes") {
      tail += f.key + ": " + scalar + "\n";
    } else {
      top += f.key + ": " + scalar + "\n";
    }
  }
  if (!replaced.empty()) top += "replaced:\n" + replaced;
  if (!form.adverse_events.empty()) {
    top += "adverse_events: [";
    bool first = true;
    for (const auto& e : form.adverse_events) {
      top += (first ? "" : ", ") + quoted(e);
      first = false;
    }
    top += "]\n";
  }
  top += tail;
  if (!labs_pre.empty() || !labs_post.empty()) {
    top += "labs:\n";
    if (!labs_pre.empty()) top += "  pre:\n" + labs_pre;
    if (!labs_post.empty()) top += "  post:\n" + labs_post;
  }
  return top;
}

std::string default_records_path(const AppState& s) {
  if (!s.dirs.data.empty()) return s.dirs.data + "/records.db";
  try {
    return records::default_database_path(std::getenv("XDG_DATA_HOME"), std::getenv("HOME"));
  } catch (const std::exception&) {
    return {};
  }
}

void open_records_database(AppState& s, const std::string& path) {
  auto& r = s.records;
  if (r.db_path != path) {
    r.selected = {};
    r.review.reset();
    r.sessions.clear();
    r.audit.clear();
  }
  r.db_path = path;
  r.db_path_input = path;
  refresh_records(s);
}

void refresh_records(AppState& s) {
  auto& r = s.records;
  r.loaded = true;
  r.bridge.computed_for.clear();  // recorded sessions or plans may have changed
  r.db_error.clear();
  r.patients.clear();
  r.db_exists = file_exists(r.db_path);
  if (!r.db_exists) {  // nothing to read; the file is created with the first patient
    r.selected = {};
    r.review.reset();
    r.sessions.clear();
    r.audit.clear();
    return;
  }
  try {
    records::Store store(r.db_path);
    for (const auto& p : store.patients()) {
      r.patients.push_back({p.pseudonym, p.created_at, p.created_by,
                            store.plans_for(p.pseudonym).size(),
                            store.sessions_for(p.pseudonym).size()});
    }
    const bool known = std::any_of(r.patients.begin(), r.patients.end(),
                                   [&](const auto& p) { return p.pseudonym == r.selected; });
    if (!known) {  // the patient open in the planner, else the first
      const auto form_id = s.form.fields.find("id");
      const records::PatientId planner(
          form_id == s.form.fields.end() ? "" : text::trimmed(form_id->second.value));
      const bool listed = std::any_of(r.patients.begin(), r.patients.end(),
                                      [&](const auto& p) { return p.pseudonym == planner; });
      r.selected = listed               ? planner
                   : r.patients.empty() ? records::PatientId()
                                        : r.patients.front().pseudonym;
    }
    load_patient(s, store);
  } catch (const std::exception& e) {
    r.db_error = e.what();
    r.patients.clear();
    r.selected = {};
    r.review.reset();
    r.sessions.clear();
    r.audit.clear();
  }
}

void select_records_patient(AppState& s, const records::PatientId& pseudonym) {
  s.records.selected = pseudonym;
  s.records.session_form.result.clear();
  s.records.correction.result.clear();
  refresh_records(s);
}

bool add_records_patient(AppState& s) {
  auto& r = s.records;
  r.new_patient_error.clear();
  // Refused before the store is opened: opening creates the file.
  if (text::trimmed(r.new_patient_id).empty() || text::trimmed(r.new_patient_who).empty()) {
    r.new_patient_error = text::trimmed(r.new_patient_id).empty()
                              ? "Nothing written: enter the patient's pseudonymous id"
                              : "Nothing written: say who is recording (for the audit log)";
    return false;
  }
  try {
    records::Store store(r.db_path);
    store.add_patient(records::PatientId(text::trimmed(r.new_patient_id)),
                      text::trimmed(r.new_patient_who));
  } catch (const std::exception& e) {
    r.new_patient_error = std::string("Nothing written: ") + e.what();
    return false;
  }
  r.selected = records::PatientId(text::trimmed(r.new_patient_id));
  r.new_patient_id.clear();
  refresh_records(s);
  return true;
}

bool submit_session_form(AppState& s) {
  auto& r = s.records;
  auto& form = r.session_form;
  form.problems = {};
  form.error.clear();
  form.result.clear();
  if (r.selected.empty()) {
    form.error = "Nothing written: choose a patient first";
    return false;
  }
  form.yaml = session_form_yaml(form, r.selected.str());
  auto load = records::parse_session(form.yaml, "session form");
  form.problems = std::move(load.diagnostics);
  if (!load.session) {
    form.error = "Nothing written: fix the errors marked below";
    return false;
  }
  if (text::trimmed(form.who).empty()) {
    form.error = "Nothing written: say who is recording (for the audit log)";
    return false;
  }
  try {
    records::Store store(r.db_path);
    const auto id = store.add_session(*load.session, text::trimmed(form.who));
    const std::string who = form.who;
    form = empty_session_form();
    form.who = who;
    form.result = "Session " + id.str() + " recorded for patient " + r.selected.str();
  } catch (const std::exception& e) {
    form.error = std::string("Nothing written: ") + e.what();
    return false;
  }
  refresh_records(s);
  return true;
}

bool submit_correction(AppState& s) {
  auto& r = s.records;
  auto& c = r.correction;
  c.error.clear();
  c.result.clear();
  const std::string value = c.value.unit.empty()
                                ? text::trimmed(c.value.value)
                                : text::trimmed(c.value.value) + " " + c.value.unit;
  if (c.session_id.empty() || c.field.empty()) {
    c.error = "Nothing written: choose a session and a field";
    return false;
  }
  if (text::trimmed(c.value.value).empty()) {
    c.error = "Nothing written: enter the corrected value";
    return false;
  }
  try {
    records::Store store(r.db_path);
    store.correct_session(c.session_id, c.field, value, text::trimmed(c.reason),
                          text::trimmed(c.who));
  } catch (const std::exception& e) {
    c.error = std::string("Nothing written: ") + e.what();
    return false;
  }
  c.result = "Session " + c.session_id.str() + ": " + c.field + " corrected to " + value +
             " (previous value kept in the audit trail)";
  c.value.value.clear();
  c.reason.clear();
  refresh_records(s);
  return true;
}

const std::vector<std::string>& view_names() {
  static const std::vector<std::string> names = {
      "plan",        "plan-approve",    "schedule",       "scores",
      "records",     "records-session", "records-audit",  "records-bridge",
      "sim-library", "sim-bedside",     "sim-instructor", "sim-debrief"};
  return names;
}

bool apply_view(AppState& s, std::string_view view) {
  if (view == "plan-approve") {  // the Plan tab with the approve modal open (screenshots)
    apply_view(s, "plan");
    recompute_if_needed(s);
    begin_approve(s);
    return true;
  }
  if (view == "sim-library" || view == "sim-bedside" || view == "sim-instructor" ||
      view == "sim-debrief") {
    s.records.active = false;
    s.sim.active = true;
    s.sim.screen = view == "sim-library"   ? simui::Screen::library
                   : view == "sim-bedside" ? simui::Screen::bedside
                   : view == "sim-debrief" ? simui::Screen::debrief
                                           : simui::Screen::instructor;
    if (view == "sim-library") simui::load_library(s.sim);
    return true;
  }
  s.sim.active = false;  // every other view is the planner's or the records'
  if (view == "plan" || view == "schedule" || view == "scores") {
    s.records.active = false;
    s.view.select_tab = view == "plan" ? "Plan" : view == "schedule" ? "Schedule" : "Scores";
    return true;
  }
  const RecordsTab tab = view == "records"           ? RecordsTab::course
                         : view == "records-session" ? RecordsTab::session
                         : view == "records-audit"   ? RecordsTab::audit
                         : view == "records-bridge"  ? RecordsTab::bridge
                                                     : RecordsTab::course;
  if (view != "records" && view != "records-session" && view != "records-audit" &&
      view != "records-bridge") {
    return false;
  }
  s.records.active = true;
  s.records.tab = tab;
  s.records.select_tab = true;
  return true;
}

}  // namespace lb::gui
