// The panels of the LiverBridge window. Each draws part of the AppState and
// edits it; none computes anything clinical (that is core/'s job).
#pragma once

#include "explain/derivation.hpp"
#include "gui/app_state.hpp"
#include "plan/plan.hpp"

namespace lb::gui {

/// One frame of the whole window: menu bar, the three columns, status bar,
/// the protocol editor, prompts. Recomputes the plan first when an edit asked.
void draw_app(AppState& s);

void draw_menu_bar(AppState& s);
void handle_shortcuts(AppState& s);
void draw_patient_panel(AppState& s);
void draw_protocol_panel(AppState& s);
void draw_protocol_editor(AppState& s);
void draw_plan_panel(AppState& s);
void draw_findings(AppState& s, const plan::Plan& plan);
void draw_status_bar(AppState& s);

/// Method, formula, inputs, source and warnings of a figure.
void draw_derivation_details(const explain::Derivation& d, const plan::Plan& plan);
/// The same in a tooltip for the last item, when it is hovered.
void derivation_tooltip(const explain::Derivation& d, const plan::Plan& plan);

/// Opens the file-name prompt for `kind` (open/save/export).
void begin_prompt(AppState& s, PromptKind kind);
void draw_file_prompt(AppState& s);
/// Save the patient: to its file, or through the prompt when it has none.
void save_patient_or_prompt(AppState& s);
/// The unsaved-changes prompt shown when the user closes the window.
void draw_close_prompt(AppState& s);

}  // namespace lb::gui
