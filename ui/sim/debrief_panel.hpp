// The debrief panel of the simulation window: one ImGui function drawing a sim::debrief::
// Debrief in PEARLS order (set the stage, reactions, description, analysis, summary) with
// synchronised charts: hovering any chart moves one time cursor across all of them and reads
// every series at that time. Sizes are in font units (em), statuses in words and colour.
// The window owns the Debrief and the view state; this file draws, nothing else.
#pragma once

#include <imgui.h>

#include <optional>

#include "sim/debrief/debrief.hpp"

namespace lb::gui {

struct DebriefView {
  bool show_hidden = true;  ///< show the true-state lines of the narrative
  bool show_markers = true;
  std::optional<sim::debrief::SimTime> cursor;  ///< the hovered time, shared by every chart
  // What the last frame drew (for the window and the headless tests).
  int objective_rows = 0, checklist_rows = 0, narrative_rows = 0, flagged_rows = 0;
  int charts_drawn = 0, markers_drawn = 0;
  ImVec2 plot_min, plot_max;  ///< the first chart's plot area (time axis from 0 to the end)
};

/// Draws `d` into the current ImGui window.
void draw_debrief_panel(const sim::debrief::Debrief& d, DebriefView& view);

}  // namespace lb::gui
