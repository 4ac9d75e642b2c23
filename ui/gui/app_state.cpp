#include "gui/app_state.hpp"

#include <algorithm>
#include <exception>
#include <filesystem>

#include "io/atomic_write.hpp"
#include "io/sha256.hpp"
#include "plan/plan_sources.hpp"
#include "report/ics.hpp"
#include "report/plan_json.hpp"
#include "report/plan_text.hpp"

namespace lb::gui {

namespace fs = std::filesystem;

namespace {

constexpr const char* kFormName = "(patient form)";

std::string patient_label(const AppState& s) {
  return s.patient_path.empty() ? kFormName : s.patient_path;
}

bool file_exists(const std::string& path) {
  std::error_code ec;
  return !path.empty() && fs::is_regular_file(path, ec);
}

void add_entries(AppState& s, const std::string& dir, ProtocolOrigin origin) {
  if (dir.empty()) return;
  std::error_code ec;
  if (origin == ProtocolOrigin::user && !fs::is_directory(dir, ec)) return;  // none yet
  for (const auto& p : protocol::list_protocols(dir, s.catalog_problems)) {
    ProtocolEntry e;
    e.origin = origin;
    e.id = p.id;
    e.version = p.version;
    e.title = p.title;
    e.path = p.path;
    s.protocols.push_back(std::move(e));
  }
}

bool read_entry(ProtocolEntry& e, std::string& error) {
  if (e.loaded) return true;
  try {
    e.text = io::read_file(e.path);
  } catch (const std::exception& ex) {
    error = ex.what();
    return false;
  }
  e.saved_text = e.text;
  e.loaded = true;
  return true;
}

/// Every reason typed, blank or not and for whichever protocol it was typed under: the
/// pipeline decides which apply (ChoicePolicy::interactive) and says why the others do not.
eligibility::Overrides typed_overrides(const AppState& s) {
  return {s.override_reasons.begin(), s.override_reasons.end()};
}

}  // namespace

const std::string& text_sha256(ProtocolEntry& e) {
  if (e.hashed_sha256.empty() || e.hashed_text != e.text) {
    e.hashed_text = e.text;
    e.hashed_sha256 = io::sha256_hex(e.text);
  }
  return e.hashed_sha256;
}

std::string_view to_string(ProtocolOrigin o) {
  switch (o) {
    case ProtocolOrigin::bundled: return "bundled";
    case ProtocolOrigin::user: return "user";
    case ProtocolOrigin::opened: return "opened";
  }
  return "?";
}

std::string patient_file_label(const AppState& s) { return patient_label(s); }

eligibility::Overrides current_overrides(const AppState& s) {
  const ProtocolEntry* e = selected_protocol(s);
  if (e == nullptr || !e->loaded) return {};
  const auto protocol = protocol::parse_protocol(e->text, e->path);
  if (!protocol.protocol) return {};
  return plan::decide_overrides(protocol.protocol->eligibility, typed_overrides(s),
                                plan::ChoicePolicy::interactive)
      .applied;
}

void set_message(AppState& s, std::string text, bool error) {
  s.view.message = std::move(text);
  s.view.message_is_error = error;
}

// ---- plan ------------------------------------------------------------------------------

void recompute(AppState& s) {
  s.needs_recompute = false;
  PlanState& ps = s.plan;
  ps.why_not_current.clear();
  ps.set_aside.clear();
  s.course_start_error.clear();

  const ProtocolEntry* e = selected_protocol(s);
  const bool chosen = e != nullptr && e->loaded;
  plan::PlanAttempt attempt = plan::plan_from_sources(
      {form_to_yaml(s.form), patient_label(s), chosen ? e->text : std::string(),
       chosen ? e->path : std::string(),
       plan::PlanChoices{s.course_start, typed_overrides(s), plan::ChoicePolicy::interactive}});
  ps.patient_diagnostics = std::move(attempt.patient_diagnostics);
  ps.protocol_diagnostics = chosen ? std::move(attempt.protocol_diagnostics) : diag::Diagnostics{};

  if (ps.patient_diagnostics.has_errors()) {
    const auto n = ps.patient_diagnostics.count(diag::Severity::error);
    ps.why_not_current.push_back("the patient has " + std::to_string(n) +
                                 (n == 1 ? " error" : " errors"));
  }
  if (!chosen) {
    ps.why_not_current.emplace_back("no protocol is chosen");
  } else if (ps.protocol_diagnostics.has_errors()) {
    const auto n = ps.protocol_diagnostics.count(diag::Severity::error);
    ps.why_not_current.push_back("the protocol has " + std::to_string(n) +
                                 (n == 1 ? " error" : " errors"));
  }
  for (auto& p : attempt.problems) ps.why_not_current.push_back(std::move(p));
  if (!ps.why_not_current.empty()) {
    ps.current = false;
    return;
  }
  // A start that cannot be read is reported at its field and left out: the
  // plan still has the course in day numbers, never a guessed date.
  s.course_start_error = std::move(attempt.start_error);
  ps.set_aside = std::move(attempt.set_aside);
  ps.plan = std::move(attempt.plan);
  ps.current = true;
}

bool recompute_if_needed(AppState& s) {
  if (!s.needs_recompute) return false;
  recompute(s);
  return true;
}

// ---- patient ---------------------------------------------------------------------------

bool patient_unsaved(const AppState& s) { return form_to_yaml(s.form) != s.patient_saved_yaml; }

void load_patient_text(AppState& s, const std::string& text, const std::string& path) {
  s.plan.form_problems = {};
  s.form = form_from_yaml(text, path.empty() ? kFormName : path, s.plan.form_problems);
  s.patient_path = path;
  s.patient_saved_yaml = path.empty() ? std::string() : form_to_yaml(s.form);
  s.needs_recompute = true;
}

bool open_patient_file(AppState& s, const std::string& path) {
  std::string text;
  try {
    text = io::read_file(path);
  } catch (const std::exception& e) {
    set_message(s, "Cannot open " + path + ": " + e.what(), true);
    return false;
  }
  load_patient_text(s, text, path);
  set_message(s, "Opened patient " + path);
  return true;
}

bool save_patient_file(AppState& s, const std::string& path) {
  const std::string yaml = form_to_yaml(s.form);
  try {
    io::atomic_write(path, yaml);
  } catch (const std::exception& e) {
    set_message(s, "Not saved: " + std::string(e.what()), true);
    return false;
  }
  s.patient_path = path;
  s.patient_saved_yaml = yaml;
  s.needs_recompute = true;  // the plan records the file name
  const auto errors = s.plan.patient_diagnostics.count(diag::Severity::error);
  set_message(s, "Saved patient " + path +
                     (errors ? " (it still has " + std::to_string(errors) + " errors)" : ""));
  return true;
}

std::vector<std::string> example_patients(const AppState& s) {
  std::vector<std::string> out;
  std::error_code ec;
  if (s.examples_dir.empty() || !fs::is_directory(s.examples_dir, ec)) return out;
  for (const auto& e : fs::directory_iterator(s.examples_dir, ec)) {
    if (e.path().extension() == ".yaml") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool load_example_patient(AppState& s, const std::string& path) {
  std::string text;
  try {
    text = io::read_file(path);
  } catch (const std::exception& e) {
    set_message(s, "Cannot open the example " + path + ": " + e.what(), true);
    return false;
  }
  load_patient_text(s, text, "");
  s.patient_saved_yaml = form_to_yaml(s.form);  // nothing to save until it is edited
  set_message(s, "Loaded the example " + fs::path(path).filename().string() +
                     " as a new patient (Save asks for a file name)");
  return true;
}

void autosave(AppState& s) {
  s.autosave_pending = false;
  if (!s.persist) return;
  std::string error;
  if (!ensure_directory(s.dirs.data, error)) {
    set_message(s, "Autosave failed: " + error, true);
    return;
  }
  try {
    io::atomic_write(s.dirs.autosave, form_to_yaml(s.form));
  } catch (const std::exception& e) {
    set_message(s, std::string("Autosave failed: ") + e.what(), true);
  }
}

// ---- protocols -------------------------------------------------------------------------

ProtocolEntry* selected_protocol(AppState& s) {
  if (s.selected_protocol < 0 || s.selected_protocol >= static_cast<int>(s.protocols.size())) {
    return nullptr;
  }
  return &s.protocols[static_cast<std::size_t>(s.selected_protocol)];
}

const ProtocolEntry* selected_protocol(const AppState& s) {
  return selected_protocol(
      const_cast<AppState&>(s));  // NOLINT(cppcoreguidelines-pro-type-const-cast)
}

void reload_protocol_catalog(AppState& s) {
  // Keep entries with unsaved edits and files the user opened.
  std::vector<ProtocolEntry> keep;
  std::string selected_path;
  if (const ProtocolEntry* e = selected_protocol(s)) selected_path = e->path;
  for (auto& e : s.protocols) {
    if (e.modified() || e.origin == ProtocolOrigin::opened) keep.push_back(std::move(e));
  }
  s.protocols.clear();
  s.catalog_problems = {};
  add_entries(s, s.bundled_protocols_dir, ProtocolOrigin::bundled);
  add_entries(s, s.dirs.protocols, ProtocolOrigin::user);
  for (auto& k : keep) {
    auto same = std::find_if(s.protocols.begin(), s.protocols.end(),
                             [&](const ProtocolEntry& e) { return e.path == k.path; });
    if (same != s.protocols.end()) {
      *same = std::move(k);
    } else {
      s.protocols.push_back(std::move(k));
    }
  }
  s.selected_protocol = -1;
  for (std::size_t i = 0; i < s.protocols.size(); ++i) {
    if (s.protocols[i].path == selected_path) s.selected_protocol = static_cast<int>(i);
  }
  s.needs_recompute = true;
}

void select_protocol(AppState& s, int index) {
  if (index < 0 || index >= static_cast<int>(s.protocols.size())) return;
  ProtocolEntry& e = s.protocols[static_cast<std::size_t>(index)];
  std::string error;
  if (!read_entry(e, error)) {
    set_message(s, "Cannot read protocol " + e.path + ": " + error, true);
    return;
  }
  s.selected_protocol = index;
  s.view.editor_jump.reset();
  s.needs_recompute = true;
}

bool open_protocol_file(AppState& s, const std::string& path) {
  std::error_code ec;
  const std::string canonical = fs::weakly_canonical(path, ec).string();
  for (std::size_t i = 0; i < s.protocols.size(); ++i) {
    const std::string other = fs::weakly_canonical(s.protocols[i].path, ec).string();
    if (other == canonical) {
      select_protocol(s, static_cast<int>(i));
      return true;
    }
  }
  ProtocolEntry e;
  e.origin = ProtocolOrigin::opened;
  e.path = path;
  std::string error;
  if (!read_entry(e, error)) {
    set_message(s, "Cannot open protocol " + path + ": " + error, true);
    return false;
  }
  const auto load = protocol::parse_protocol(e.text, e.path);
  if (load.protocol) {
    e.id = load.protocol->id;
    e.version = load.protocol->version;
    e.title = load.protocol->title;
  } else {
    e.id = fs::path(path).stem().string();
    e.title = "(has errors: see the protocol editor)";
  }
  s.protocols.push_back(std::move(e));
  select_protocol(s, static_cast<int>(s.protocols.size()) - 1);
  set_message(s, "Opened protocol " + path);
  return true;
}

void protocol_text_edited(AppState& s) {
  s.needs_recompute = true;
  ProtocolEntry* e = selected_protocol(s);
  if (e == nullptr) return;
  const auto load = protocol::parse_protocol(e->text, e->path);
  if (load.protocol) {  // keep the list's header in step with the text
    e->id = load.protocol->id;
    e->version = load.protocol->version;
    e->title = load.protocol->title;
  }
}

bool save_protocol(AppState& s, const std::string& path) {
  ProtocolEntry* e = selected_protocol(s);
  if (e == nullptr) return false;
  const std::string target = path.empty() ? e->path : path;
  if (path.empty() && e->origin == ProtocolOrigin::bundled) {
    set_message(s, "Bundled protocols are read-only: use Save protocol as", true);
    return false;
  }
  try {
    io::atomic_write(target, e->text);
  } catch (const std::exception& ex) {
    set_message(s, "Protocol not saved: " + std::string(ex.what()), true);
    return false;
  }
  if (target == e->path) {
    e->saved_text = e->text;
  } else {
    // The original keeps its file; the edits now live in the new file.
    ProtocolEntry copy = *e;
    e->text = e->saved_text;
    copy.origin = (!s.dirs.protocols.empty() && target.rfind(s.dirs.protocols, 0) == 0)
                      ? ProtocolOrigin::user
                      : ProtocolOrigin::opened;
    copy.path = target;
    copy.saved_text = copy.text;
    s.protocols.push_back(std::move(copy));
    s.selected_protocol = static_cast<int>(s.protocols.size()) - 1;
  }
  s.needs_recompute = true;
  set_message(s, "Saved protocol " + target);
  return true;
}

bool any_protocol_modified(const AppState& s) {
  return std::any_of(s.protocols.begin(), s.protocols.end(),
                     [](const ProtocolEntry& e) { return e.modified(); });
}

// ---- exports ---------------------------------------------------------------------------

bool export_plan(AppState& s, const std::string& path, bool json) {
  if (!s.plan.plan || !s.plan.current) {
    set_message(s, "Nothing exported: the plan is not current (fix the errors first)", true);
    return false;
  }
  try {
    io::atomic_write(
        path, json ? report::render_json(*s.plan.plan) : report::render_markdown(*s.plan.plan));
  } catch (const std::exception& e) {
    set_message(s, "Not exported: " + std::string(e.what()), true);
    return false;
  }
  set_message(s,
              std::string("Exported the plan as ") + (json ? "JSON" : "Markdown") + " to " + path);
  return true;
}

std::string ics_unavailable_reason(const AppState& s) {
  if (!s.plan.plan || !s.plan.current) return "the plan is not current (fix the errors first)";
  if (!s.plan.plan->course) return "the protocol has no schedule";
  if (!s.plan.plan->course->start) return "set the course start in the Schedule tab first";
  return {};
}

bool export_schedule_ics(AppState& s, const std::string& path) {
  if (const std::string why = ics_unavailable_reason(s); !why.empty()) {
    set_message(s, "Nothing exported: " + why, true);
    return false;
  }
  try {
    io::atomic_write(path, report::render_ics(*s.plan.plan, report::ics_utc_stamp_now()));
  } catch (const std::exception& e) {
    set_message(s, "Not exported: " + std::string(e.what()), true);
    return false;
  }
  set_message(s, "Exported the schedule as iCalendar to " + path);
  return true;
}

std::string default_prompt_path(const AppState& s, PromptKind kind) {
  std::error_code ec;
  std::string cwd = fs::current_path(ec).string();
  if (ec) cwd = ".";
  const auto id_it = s.form.fields.find("id");
  std::string id = id_it == s.form.fields.end() ? "" : id_it->second.value;
  std::replace_if(
      id.begin(), id.end(), [](char c) { return c == '/' || c == '\\' || c == ' '; }, '-');
  if (id.empty()) id = "patient";
  switch (kind) {
    case PromptKind::open_patient:
      return s.patient_path.empty() ? (s.examples_dir.empty() ? cwd : s.examples_dir) + "/"
                                    : s.patient_path;
    case PromptKind::save_patient_as:
      return s.patient_path.empty() ? cwd + "/" + id + ".yaml" : s.patient_path;
    case PromptKind::open_protocol: return cwd + "/";
    case PromptKind::save_protocol_as: {
      const ProtocolEntry* e = selected_protocol(s);
      const std::string name = (e != nullptr && !e->id.empty() ? e->id : "protocol") + ".yaml";
      return (s.dirs.protocols.empty() ? cwd : s.dirs.protocols) + "/" + name;
    }
    case PromptKind::export_markdown: return cwd + "/" + id + "-plan.md";
    case PromptKind::export_json: return cwd + "/" + id + "-plan.json";
    case PromptKind::export_ics: return cwd + "/" + id + "-schedule.ics";
    case PromptKind::none: break;
  }
  return cwd + "/";
}

// ---- start-up --------------------------------------------------------------------------

AppState make_app_state(const AppOptions& options) {
  AppState s;
  s.dirs = options.dirs;
  s.bundled_protocols_dir = options.bundled_protocols_dir;
  s.examples_dir = options.examples_dir;
  s.persist = options.persist;
  s.form = empty_form();
  s.patient_saved_yaml = form_to_yaml(s.form);
  s.records.db_path = options.records_db.empty() ? default_records_path(s) : options.records_db;
  s.records.session_form = empty_session_form();
  s.sim.scenarios_dir = options.scenarios_dir;
  s.sim.user_scenarios_dir = s.dirs.data.empty() ? "" : s.dirs.data + "/scenarios";
  s.sim.protocols_dir = options.bundled_protocols_dir;
  s.sim.attempts_db = s.records.db_path;  // training tables of the same file, as the CLI's

  reload_protocol_catalog(s);
  if (!options.protocol.empty()) {
    if (file_exists(options.protocol)) {
      open_protocol_file(s, options.protocol);
    } else {
      for (std::size_t i = 0; i < s.protocols.size(); ++i) {
        if (s.protocols[i].id == options.protocol) select_protocol(s, static_cast<int>(i));
      }
      if (s.selected_protocol < 0) {
        set_message(s, "No protocol with id '" + options.protocol + "'", true);
      }
    }
  }
  if (s.selected_protocol < 0 && !s.protocols.empty()) select_protocol(s, 0);

  if (!options.patient_file.empty()) {
    open_patient_file(s, options.patient_file);
  } else if (s.persist && file_exists(s.dirs.autosave)) {
    try {
      load_patient_text(s, io::read_file(s.dirs.autosave), "");
      set_message(s, "Restored the working patient from the autosave (" + s.dirs.autosave +
                         "); it is not saved to a file yet");
    } catch (const std::exception& e) {
      set_message(s, std::string("Could not read the autosave: ") + e.what(), true);
    }
  } else if (const auto examples = example_patients(s); !examples.empty()) {
    const auto preferred = std::find_if(examples.begin(), examples.end(), [](const auto& p) {
      return p.find("alf-paracetamol") != std::string::npos;
    });
    load_example_patient(s, preferred != examples.end() ? *preferred : examples.front());
  }
  recompute(s);
  return s;
}

}  // namespace lb::gui
