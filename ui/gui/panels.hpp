// The panels of the LiverBridge window. Each draws part of the AppState and
// edits it; none computes anything clinical (that is core/'s job).
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "explain/derivation.hpp"
#include "gui/app_state.hpp"
#include "plan/plan.hpp"

namespace lb::gui {

/// One frame of the whole window: menu bar, the three columns, status bar,
/// the protocol editor, prompts. Recomputes the plan first when an edit asked.
void draw_app(AppState& s);
/// The colour the window is cleared to before a frame: the full-screen window's own
/// background (the planner's, or the simulation's frame colour). The full-screen windows
/// draw no background of their own, so software OpenGL fills the screen once, not twice.
ImVec4 backdrop_colour(const AppState& s);

void draw_menu_bar(AppState& s);
void handle_shortcuts(AppState& s);
void draw_patient_panel(AppState& s);
void draw_protocol_panel(AppState& s);
void draw_protocol_editor(AppState& s);
void draw_plan_panel(AppState& s);
/// The verdict, the rules that count with their deciding values, override reasons.
void draw_eligibility_panel(AppState& s);
void draw_scores_panel(AppState& s);
/// Course start, the sessions table, stop criteria and the kinetics chart.
void draw_schedule_panel(AppState& s);
/// One chart per predicted solute (pre, immediately post, efficacy labs; stop thresholds).
void draw_kinetics_chart(AppState& s, const plan::Plan& plan);
/// A point of a records lab chart: hours from the course's first record, value in the
/// chart's unit, and what it is (tooltip).
struct LabChartPoint {
  double hours = 0, value = 0;
  std::string what;
};
/// Observed lab values (squares) over the model's prediction (one line per session).
struct ObservedLabChart {
  std::string title, unit;
  std::vector<std::vector<LabChartPoint>> predicted;
  std::vector<LabChartPoint> observed;
};
void draw_observed_lab_chart(AppState& s, const ObservedLabChart& c);
/// A "nice" axis step (1, 2 or 5 × 10^k) giving about `target` intervals over [lo, hi].
double nice_step(double lo, double hi, int target);
void draw_findings(AppState& s, const plan::Plan& plan);
void draw_status_bar(AppState& s);

// ---- session records (records_*.cpp) ---------------------------------------------------
/// The records screens, full width: patient list | course, session entry, audit trail.
void draw_records_workspace(AppState& s);
/// Records database (default, or another file) and its patients; select one.
void draw_records_patient_list(AppState& s);
/// Approved plans with reproducibility, sessions planned vs actual, labs, model estimate.
void draw_records_course(AppState& s);
/// Observed vs predicted labs across the course (records_lab_charts.cpp).
void draw_records_lab_charts(AppState& s);
/// The session entry form: unit-checked fields, validated by core's session reader.
void draw_records_session_form(AppState& s);
/// The patient's audit trail and the correction form.
void draw_records_audit(AppState& s);
/// The bridge decision view of the selected patient's course (records_bridge.cpp).
void draw_records_bridge(AppState& s);

/// Every derivation of the plan: volumes and exchange, then the session's.
std::vector<const explain::Derivation*> all_figures(const plan::Plan& plan);
/// One figure: label and value with its unit; its derivation shows on hover
/// and unfolds on click (remembered in view.expanded).
void draw_figure(AppState& s, const explain::Derivation& d, const plan::Plan& plan);
/// The session part of the plan: replacement orders, predicted effect,
/// separation and run time, anticoagulation and citrate (orders_panel.cpp).
void draw_session_orders(AppState& s, const plan::Plan& plan);

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
/// "Approve and store plan": the modal that stores the plan as `liverbridge record plan`.
void draw_approve_prompt(AppState& s);
/// The planner's button that opens it, disabled with the reason when it is not available.
void draw_approve_button(AppState& s);

}  // namespace lb::gui
