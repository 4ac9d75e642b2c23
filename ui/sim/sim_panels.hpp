// The panels of the training-simulation window (one file each). They draw the simulation
// state (gui::AppState::sim, sim_state.hpp) and call its functions; none computes anything
// physiological: the engine, events, labs and alarms are core/sim's.
#pragma once

#include <imgui.h>

#include <optional>
#include <string>
#include <string_view>

#include "gui/app_state.hpp"
#include "sim/alarms/alarm_board.hpp"

namespace lb::simui {

/// The label every simulation screen carries.
inline constexpr const char* kTrainingLabel =
    "Training simulation \u2014 not for clinical decisions";
/// The simulation's frame colour (the planner's frame is grey-blue): amber-violet, so a glance
/// tells a simulated patient from a planned one.
inline const ImVec4 kSimFrame{0.62f, 0.36f, 0.85f, 1.0f};
inline const ImVec4 kSimFrameBg{0.11f, 0.09f, 0.15f, 1.0f};

/// The whole window while the simulation is active: frame, label, screens, time controls.
void draw_sim_window(gui::AppState& s);
/// "Train on this plan": the planner's working patient and protocol as a simulated session
/// (sim_state.hpp start_from_plan); the bedside opens, or the problems are shown.
void train_on_plan(gui::AppState& s);

void draw_time_controls(gui::AppState& s);
void draw_library_panel(gui::AppState& s);
void draw_monitor_panel(gui::AppState& s);
void draw_patient_signs_panel(gui::AppState& s);
void draw_device_panel(gui::AppState& s);
void draw_alarm_panel(gui::AppState& s);
void draw_lab_panel(gui::AppState& s);
void draw_action_bar(gui::AppState& s);
void draw_instructor_console(gui::AppState& s);
void draw_attempts_panel(gui::AppState& s);
/// The debrief of the current attempt (debrief_screen.cpp): the self-rating first, then the
/// debrief panel (debrief_panel.hpp) of the finished run.
void draw_debrief_screen(gui::AppState& s);
/// "Save this attempt": trainee labels, instructor, who saves, the button and its outcome
/// (save_attempt.cpp); drawn on the debrief screen once the run has ended.
void draw_save_attempt(gui::AppState& s);

// ---- shared by the panels (sim_common.cpp) -------------------------------------------------
/// High red, medium amber, low blue: always drawn with priority_word beside it.
ImVec4 priority_colour(sim::alarms::Priority p);
/// "HIGH", "MEDIUM", "LOW".
const char* priority_word(sim::alarms::Priority p);
/// "ACTIVE", "ACKNOWLEDGED", "SILENCED", "inactive".
const char* alarm_state_word(sim::alarms::State st);
/// "map_low" -> "map low".
std::string words(std::string_view id);
/// The highest priority of the alarms sounding (active or silenced) whose condition reads
/// `variable`, or nullopt.
std::optional<sim::alarms::Priority> variable_alarm(const gui::AppState& s,
                                                    std::string_view variable);
/// A value with its unit and decimals ("1.02 mmol/L"), or "—" when absent.
std::string value_text(std::optional<double> v, int decimals, std::string_view unit);
/// A titled child region with a border (em sizes); returns as ImGui::BeginChild.
bool begin_panel(const char* id, const char* title, ImVec2 size);
void end_panel();

}  // namespace lb::simui
