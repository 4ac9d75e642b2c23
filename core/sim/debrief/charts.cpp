#include "sim/debrief/charts.hpp"

#include <array>

namespace lb::sim::debrief {

namespace {

struct SeriesSpec {
  const char *id, *label, *unit;
  double Sample::*field;
};
constexpr std::array kSeries{
    SeriesSpec{"ica", "Ionised calcium", "mmol/L", &Sample::ica},
    SeriesSpec{"ca_ratio", "Total/ionised calcium", "", &Sample::ca_ratio},
    SeriesSpec{"citrate", "Plasma citrate", "mmol/L", &Sample::citrate},
    SeriesSpec{"map", "Mean arterial pressure", "mmHg", &Sample::map},
    SeriesSpec{"hr", "Heart rate", "/min", &Sample::hr},
    SeriesSpec{"volume_deficit", "Volume deficit", "mL", &Sample::volume_deficit_ml},
    SeriesSpec{"temp", "Core temperature", "°C", &Sample::temp},
    SeriesSpec{"ph", "Arterial pH", "", &Sample::ph},
    SeriesSpec{"k", "Potassium", "mmol/L", &Sample::k},
};

}  // namespace

std::vector<ChartSeries> chart_series(const std::vector<Sample>& samples) {
  std::vector<ChartSeries> out;
  for (const auto& spec : kSeries) out.push_back({spec.id, spec.label, spec.unit, {}, {}});
  SimTime next = 0;
  for (const auto& s : samples) {
    if (s.t < next) continue;
    for (std::size_t i = 0; i < kSeries.size(); ++i) {
      out[i].t.push_back(s.t);
      out[i].value.push_back(s.*(kSeries[i].field));
    }
    while (next <= s.t) next += kChartEvery_s;
  }
  return out;
}

std::vector<Marker> chart_markers(const Timeline& t) {
  std::vector<Marker> out;
  for (const auto& a : t.actions) {
    const bool trainee = a.by == scenario::Actor::trainee;
    out.push_back({a.t, trainee ? "action" : "instructor", a.name});
  }
  for (const auto& a : t.alarms) {
    if (a.from == "inactive" && a.to != "inactive") out.push_back({a.t, "alarm", a.alarm});
  }
  for (const auto& e : t.events) out.push_back({e.t, "event", e.id});
  for (const auto& l : t.instructor) {
    if (l.act == "flag") {
      out.push_back({l.t, "flag", l.field("note").empty() ? "flag" : l.field("note")});
    } else {
      out.push_back({l.t, "instructor", l.act});
    }
  }
  return out;
}

}  // namespace lb::sim::debrief
