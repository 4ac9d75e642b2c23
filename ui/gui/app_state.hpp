// The whole state of the LiverBridge window in one value: the patient being
// edited (text per field + unit), the protocols and the one chosen (with its
// editable YAML), override reasons, view settings, and the plan last computed
// from them. Panels draw this state and edit it; recompute() turns it into a
// plan through core's one pipeline (plan::plan_from_sources) and keeps what it says.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "diag/diagnostic.hpp"
#include "eligibility/eligibility.hpp"
#include "gui/patient_form.hpp"
#include "gui/records_state.hpp"
#include "gui/user_dirs.hpp"
#include "plan/plan.hpp"
#include "protocol/protocol_loader.hpp"
#include "sim/sim_state.hpp"

namespace lb::gui {

enum class ProtocolOrigin { bundled, user, opened };
std::string_view to_string(ProtocolOrigin o);

/// One protocol the picker offers. The text is read when first selected; a
/// bundled protocol is read-only (edits are saved as a user protocol).
struct ProtocolEntry {
  ProtocolOrigin origin = ProtocolOrigin::bundled;
  std::string id, version, title, path;
  bool loaded = false;
  std::string text;        ///< as edited
  std::string saved_text;  ///< as on disk
  [[nodiscard]] bool modified() const { return loaded && text != saved_text; }
  // The panel shows the text's SHA-256 every frame; hashing is done again only when the
  // text differs from the one last hashed (any path may edit `text`).
  std::string hashed_text;
  std::string hashed_sha256;
};

/// SHA-256 (hex) of the entry's text as edited, recomputed only after the text changed.
const std::string& text_sha256(ProtocolEntry& e);

/// A widget rectangle in screen pixels, recorded while drawing (for tests).
struct Rect {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  [[nodiscard]] float cx() const { return (x0 + x1) / 2; }
  [[nodiscard]] float cy() const { return (y0 + y1) / 2; }
};

enum class PromptKind {
  none,
  open_patient,
  save_patient_as,
  open_protocol,
  save_protocol_as,
  export_markdown,
  export_json,
  export_ics
};

struct ViewState {
  bool show_protocol_editor = false;
  std::set<std::string> expanded;  ///< derivation ids unfolded in the plan panel
  PromptKind prompt = PromptKind::none;
  bool prompt_just_opened = false;
  std::string prompt_path;
  std::string prompt_error;
  bool quit_after_save = false;
  bool close_requested = false;  ///< the user asked to close; the prompt decides
  bool quit_confirmed = false;   ///< the shell may close the window
  std::string message;           ///< last action's result ("Saved ...")
  bool message_is_error = false;
  std::optional<std::pair<int, int>> editor_jump;  ///< line, column to move the cursor to
  bool editor_focus = false;                       ///< move keyboard focus into the protocol text
  bool editor_has_focus = false;  ///< the editor window is focused (Ctrl+S saves the protocol)
  std::map<std::string, Rect, std::less<>> rects;  ///< recorded widget rectangles
  std::string select_tab;  ///< centre tab to bring to front next frame ("Schedule"), or
};

struct PlanState {
  std::optional<plan::Plan> plan;            ///< the last valid plan
  bool current = false;                      ///< computed from the inputs as they are now
  std::vector<std::string> why_not_current;  ///< reasons the plan could not be recomputed
  /// Override reasons the plan does not use (typed under another protocol), each with why.
  std::vector<std::string> set_aside;
  diag::Diagnostics patient_diagnostics;   ///< of the form, as the loader reports them
  diag::Diagnostics protocol_diagnostics;  ///< of the chosen protocol's text
  diag::Diagnostics form_problems;         ///< a loaded file the form could not hold
};

struct AppState {
  UserDirs dirs;
  std::string bundled_protocols_dir;
  std::string examples_dir;
  bool persist = true;  ///< autosave and imgui.ini (off for screenshots and tests)

  PatientForm form;
  std::string patient_path;        ///< file the patient was opened from / saved to ("" = none)
  std::string patient_saved_yaml;  ///< form_to_yaml at the last open/save (for "unsaved")

  std::vector<ProtocolEntry> protocols;
  int selected_protocol = -1;
  diag::Diagnostics catalog_problems;

  /// Override reasons for relative contraindications, by rule id.
  std::map<std::string, std::string, std::less<>> override_reasons;
  /// Course start as typed ("2026-11-25T08:00", local wall time); "" = day numbers only.
  std::string course_start;
  std::string course_start_error;  ///< why the typed start was not used, or ""

  ViewState view;
  PlanState plan;
  RecordsState records;  ///< the session-records screens (records_*.cpp)
  simui::SimState sim;   ///< the training simulation's screens (ui/sim/)
  bool needs_recompute = true;
  bool autosave_pending = false;
  std::string font_note;  ///< shown when the TTF font could not be loaded
};

struct AppOptions {
  std::string bundled_protocols_dir;
  std::string examples_dir;
  UserDirs dirs;
  bool persist = true;
  std::string patient_file;   ///< open this patient (else autosave, else the first example)
  std::string protocol;       ///< file or id (else the first bundled protocol)
  std::string records_db;     ///< records database (else <data dir>/records.db, as the CLI)
  std::string scenarios_dir;  ///< bundled training scenarios (ui/sim's library)
};

/// Builds the state: protocol catalog, patient (file, autosave or example), first plan.
AppState make_app_state(const AppOptions& options);

/// Recomputes diagnostics and the plan from the state (call after edits).
void recompute(AppState& s);
/// recompute() when an edit asked for it; returns whether it ran.
bool recompute_if_needed(AppState& s);

// ---- patient ---------------------------------------------------------------------------
[[nodiscard]] bool patient_unsaved(const AppState& s);
/// Loads patient YAML into the form (errors in the file are shown at the fields).
bool open_patient_file(AppState& s, const std::string& path);
void load_patient_text(AppState& s, const std::string& text, const std::string& path);
/// Writes the form atomically to `path`. A patient with errors is saved too (work
/// is never lost); the message says how many errors it still has.
bool save_patient_file(AppState& s, const std::string& path);
std::vector<std::string> example_patients(const AppState& s);
/// Loads an example as a new, untitled patient (saving asks for a file name,
/// so the bundled example is never overwritten).
bool load_example_patient(AppState& s, const std::string& path);
/// Writes the working patient to the autosave file (when persisting).
void autosave(AppState& s);

// ---- protocols -------------------------------------------------------------------------
void reload_protocol_catalog(AppState& s);
/// Selects entry `index` (reading its text on first use) and re-plans.
void select_protocol(AppState& s, int index);
/// Adds (or re-selects) a protocol file opened by the user.
bool open_protocol_file(AppState& s, const std::string& path);
/// The selected entry, or nullptr.
ProtocolEntry* selected_protocol(AppState& s);
const ProtocolEntry* selected_protocol(const AppState& s);
/// Call after the selected protocol's text changed.
void protocol_text_edited(AppState& s);
/// Saves the selected protocol atomically (to its own file, or `path` when given).
bool save_protocol(AppState& s, const std::string& path = {});
[[nodiscard]] bool any_protocol_modified(const AppState& s);

// ---- exports ---------------------------------------------------------------------------
bool export_plan(AppState& s, const std::string& path, bool json);
/// Writes the course's sessions as an iCalendar file (needs a course start).
bool export_schedule_ics(AppState& s, const std::string& path);
/// Why the schedule cannot be exported as .ics now, or "" when it can.
std::string ics_unavailable_reason(const AppState& s);
/// A default file name for a prompt ("<cwd>/LB-ALF-0001-plan.md").
std::string default_prompt_path(const AppState& s, PromptKind kind);

void set_message(AppState& s, std::string text, bool error = false);

/// The patient file name the plan is made for: the file opened or saved, else "(patient form)".
std::string patient_file_label(const AppState& s);
/// The override reasons the plan is made with: those plan::decide_overrides accepts from the
/// typed ones under the window's policy (empty when the protocol cannot be read).
eligibility::Overrides current_overrides(const AppState& s);

}  // namespace lb::gui
