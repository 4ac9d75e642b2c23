// Observed vs predicted labs across the course, on the kinetics chart
// (kinetics_chart.cpp). The series (values in the unit first entered, the
// model's predicted lines, values left out for another unit system) are built
// and tested in core (records/lab_series.hpp); this panel only draws them.
#include <imgui.h>

#include <string>

#include "gui/gui_common.hpp"
#include "gui/panels.hpp"
#include "records/lab_series.hpp"
#include "text/format.hpp"

namespace lb::gui {

namespace {

/// The chart of one series, with hover texts.
ObservedLabChart chart_of(const records::LabSeries& series) {
  ObservedLabChart c;
  c.title = series.analyte;
  c.unit = series.unit;
  const auto value = [&](double v) { return text::fixed(v, 2) + " " + series.unit; };
  for (const auto& p : series.observed) {
    c.observed.push_back({p.hours, p.value,
                          "session " + std::to_string(p.session) + ", " + p.timing + ": observed " +
                              value(p.value)});
  }
  for (const auto& line : series.predicted) {
    const std::string session = "session " + std::to_string(line.before.session);
    c.predicted.push_back(
        {{line.before.hours, line.before.value, session + ": before, " + value(line.before.value)},
         {line.predicted.hours, line.predicted.value,
          session + ": model prediction " + value(line.predicted.value)}});
  }
  return c;
}

}  // namespace

void draw_records_lab_charts(AppState& s) {
  auto& r = s.records;
  heading("Labs across the course: observed vs predicted");
  if (r.sessions.empty() || !r.review) {
    ImGui::TextColored(kColourMuted, "no sessions recorded yet");
    return;
  }
  const auto all = records::lab_series(r.sessions, *r.review);

  ImGui::SameLine();
  ImGui::TextColored(kColourMuted, "hover a chart for values");
  bool others_open = true;
  bool others_header = false;
  for (const auto& series : all) {
    if (!series.modelled() && !others_header) {
      others_header = true;
      others_open = ImGui::CollapsingHeader("Labs the protocol does not model (observed only)");
      record_rect(s, "records.labs.others");
    }
    if (!others_open) break;
    draw_observed_lab_chart(s, chart_of(series));
    if (series.other_units > 0) {
      ImGui::TextColored(kColourWarning,
                         "%d %s value(s) entered in another unit system are not drawn",
                         series.other_units, series.analyte.c_str());
    }
    ImGui::Spacing();
  }
}

}  // namespace lb::gui
