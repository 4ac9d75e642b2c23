// Observed vs predicted labs across the course, on the kinetics chart
// (kinetics_chart.cpp): every recorded pre/post value as a square at its draw
// time, and for each session whose solute the protocol models, the model's
// prediction as a line from the value before to the predicted value at the
// post draw (review_course's predicted ratio, LiverBridge clinical reference §7.3). Values are
// shown in the unit the first value was entered in; values in another unit
// system (mg/dL vs µmol/L) are left out and said so, never converted by guess.
#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "gui/gui_common.hpp"
#include "gui/panels.hpp"
#include "text/format.hpp"
#include "units/quantities.hpp"

namespace lb::gui {

namespace {

/// How an analyte's values are drawn: in the unit of its first non-zero value.
struct Scale {
  std::string unit;
  double per_si = 1.0;
  units::Dimension dimension = units::Dimension::fraction;
};

/// "4.2 mg/dL" -> 4.2 and "mg/dL".
std::pair<double, std::string> number_and_unit(const std::string& text) {
  const char* begin = text.c_str();
  char* end = nullptr;
  const double n = std::strtod(begin, &end);
  std::string unit = end != nullptr ? std::string(end) : std::string();
  const auto a = unit.find_first_not_of(' ');
  unit = a == std::string::npos ? "" : unit.substr(a);
  return {n, unit};
}

std::optional<Scale> scale_for(const std::vector<const records::LabValue*>& values) {
  for (const auto* v : values) {
    if (v->value.si == 0) continue;
    const auto [n, unit] = number_and_unit(v->value.text);
    return Scale{unit, n / v->value.si, v->value.dimension};
  }
  if (values.empty()) return std::nullopt;
  return Scale{number_and_unit(values.front()->value.text).second, 1.0,
               values.front()->value.dimension};
}

struct AnalyteChart {
  ObservedLabChart chart;
  bool modelled = false;
  int other_units = 0;  ///< values left out: another unit system
};

}  // namespace

void draw_records_lab_charts(AppState& s) {
  auto& r = s.records;
  heading("Labs across the course: observed vs predicted");
  if (r.sessions.empty() || !r.review) {
    ImGui::TextColored(kColourMuted, "no sessions recorded yet");
    return;
  }
  // Hours from the course's first record: a session start or a lab drawn before it.
  std::int64_t t0 = r.sessions.front().data.started.epoch_seconds;
  for (const auto& x : r.sessions) {
    t0 = std::min(t0, x.data.started.epoch_seconds);
    for (const auto& lab : x.data.labs) t0 = std::min(t0, lab.drawn_at.epoch_seconds);
  }
  const auto hours = [&](const records::Timestamp& t) {
    return static_cast<double>(t.epoch_seconds - t0) / 3600.0;
  };

  // Every value per analyte, in course order.
  std::map<std::string, std::vector<const records::LabValue*>> by_analyte;
  std::map<const records::LabValue*, int> session_of;
  for (std::size_t i = 0; i < r.sessions.size(); ++i) {
    for (const auto& lab : r.sessions[i].data.labs) {
      by_analyte[lab.analyte].push_back(&lab);
      session_of[&lab] = static_cast<int>(i) + 1;
    }
  }
  std::vector<AnalyteChart> charts;
  for (const auto& [analyte, values] : by_analyte) {
    const auto scale = scale_for(values);
    if (!scale) continue;
    AnalyteChart c;
    c.chart.title = analyte;
    c.chart.unit = scale->unit;
    const auto shown = [&](const records::LabValue& v) -> std::optional<double> {
      if (v.value.dimension != scale->dimension) return std::nullopt;
      return v.value.si * scale->per_si;
    };
    for (const auto* v : values) {
      const auto value = shown(*v);
      if (!value) {
        ++c.other_units;
        continue;
      }
      c.chart.observed.push_back({hours(v->drawn_at), *value,
                                  "session " + std::to_string(session_of[v]) + ", " + v->timing +
                                      ": observed " + text::fixed(*value, 2) + " " + scale->unit});
    }
    // The model's line per session: from the observed value before to the predicted one.
    for (const auto& sr : r.review->sessions) {
      const auto rec = std::find_if(r.sessions.begin(), r.sessions.end(),
                                    [&](const auto& x) { return x.id == sr.session_id; });
      if (rec == r.sessions.end()) continue;
      const records::LabValue* pre = nullptr;
      const records::LabValue* post = nullptr;
      for (const auto& lab : rec->data.labs) {
        if (lab.analyte != analyte) continue;
        (lab.timing == "pre" ? pre : post) = &lab;
      }
      for (const auto& lr : sr.labs) {
        if (lr.analyte != analyte || !lr.refit || pre == nullptr || post == nullptr) continue;
        const auto before = shown(*pre);
        if (!before) continue;
        const double predicted = *before * units::in_fraction(lr.refit->predicted_ratio.value);
        c.chart.predicted.push_back(
            {{hours(pre->drawn_at), *before,
              "session " + std::to_string(sr.number) + ": before, " + text::fixed(*before, 2) +
                  " " + scale->unit},
             {hours(post->drawn_at), predicted,
              "session " + std::to_string(sr.number) + ": model prediction " +
                  text::fixed(predicted, 2) + " " + scale->unit}});
        c.modelled = true;
      }
    }
    charts.push_back(std::move(c));
  }
  std::stable_partition(charts.begin(), charts.end(),
                        [](const AnalyteChart& c) { return c.modelled; });

  ImGui::SameLine();
  ImGui::TextColored(kColourMuted, "hover a chart for values");
  bool others_open = true;
  bool others_header = false;
  for (const auto& c : charts) {
    if (!c.modelled && !others_header) {
      others_header = true;
      others_open = ImGui::CollapsingHeader("Labs the protocol does not model (observed only)");
      record_rect(s, "records.labs.others");
    }
    if (!others_open) break;
    draw_observed_lab_chart(s, c.chart);
    if (c.other_units > 0) {
      ImGui::TextColored(kColourWarning,
                         "%d %s value(s) entered in another unit system are not drawn",
                         c.other_units, c.chart.title.c_str());
    }
    ImGui::Spacing();
  }
}

}  // namespace lb::gui
