// Kinetics chart: for each predicted solute, its value before each session,
// immediately after it and at the efficacy lab draw, against hours from the
// course start, with the stop criterion's threshold as a dashed line. Drawn
// with ImGui draw lists (ImPlot is not packaged): axes with units, "nice"
// ticks, hover read-out. Immediately-post values are hollow markers: they are
// not comparable with pre-session values (redistribution follows).
// Every predicted value carries its band (the range over the parameters' uncertainty),
// drawn as a shaded area around the line and given in the hover read-out.
// The same chart draws a records course (draw_observed_lab_chart): observed
// values as squares over the model's prediction, one line segment per session.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "gui/gui_common.hpp"
#include "gui/panels.hpp"
#include "kinetics/predict.hpp"
#include "kinetics/solute_value.hpp"
#include "text/format.hpp"
#include "units/quantities.hpp"

namespace lb::gui {

double nice_step(double lo, double hi, int target) {
  const double raw = (hi - lo) / std::max(target, 1);
  if (!(raw > 0) || !std::isfinite(raw)) return 1.0;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double f = raw / magnitude;
  return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * magnitude;
}

namespace {

enum class PointKind { pre, post, labs, predicted, observed };

struct Point {
  double hours = 0, value = 0;
  PointKind kind = PointKind::pre;
  int session = 1;
  std::string what;  ///< tooltip text replacing kind_words (records charts)
  /// The band around a predicted value; NaN when the point has none (observed values).
  double low = std::numeric_limits<double>::quiet_NaN();
  double high = std::numeric_limits<double>::quiet_NaN();
  [[nodiscard]] bool banded() const { return std::isfinite(low) && std::isfinite(high); }
};

struct Threshold {
  double value = 0;
  std::string label;
};

/// What one chart shows: line segments with markers, observed squares, thresholds.
struct ChartData {
  std::string title, unit;
  std::vector<std::vector<Point>> lines;
  std::vector<Point> observed;
  std::vector<Threshold> thresholds;
  const char* x_title = "hours from the course start (h)";
  const char* legend =
      "\u25cf before / efficacy labs   \u25cb immediately after   shaded: model estimate range";
};

double hours(units::Duration d) { return units::in_seconds(d) / 3600.0; }

std::vector<Point> points_of(const kinetics::SolutePrediction& p, const course::Course& c) {
  std::vector<Point> out;
  const std::size_t n = std::min(p.sessions.size(), c.sessions.size());
  for (std::size_t i = 0; i < n; ++i) {
    const auto& t = c.sessions[i].timing;
    const auto& v = p.sessions[i];
    const auto add = [&](units::Duration at, const explain::Derived<protocol::LabValue>& d,
                         const kinetics::Band& b, PointKind kind) {
      out.push_back({hours(at),
                     d.how.shown.value,
                     kind,
                     t.number,
                     {},
                     kinetics::band_low(p.solute, b).value,
                     kinetics::band_high(p.solute, b).value});
    };
    add(t.start, v.pre, v.pre_band, PointKind::pre);
    add(t.end, v.post, v.post_band, PointKind::post);
    add(t.labs_due, v.next_day, v.next_day_band, PointKind::labs);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Point& a, const Point& b) { return a.hours < b.hours; });
  return out;
}

std::vector<Threshold> thresholds_of(const kinetics::SolutePrediction& p, const course::Course& c) {
  std::vector<Threshold> out;
  if (p.sessions.empty()) return out;
  const protocol::LabValue& like = p.sessions.front().pre.value;
  for (const auto& st : c.stop_criteria) {
    if (!st.criterion.lab || *st.criterion.lab != p.solute) continue;
    const auto target = kinetics::in_form_of(p.solute, st.criterion.target, like);
    if (!target) continue;  // another unit system with no conversion: not drawn, never guessed
    out.push_back({kinetics::shown(p.solute, *target).value,
                   "stop: " + course::criterion_text(st.criterion)});
  }
  return out;
}

const char* kind_words(PointKind k) {
  switch (k) {
    case PointKind::pre: return "before session";
    case PointKind::post: return "immediately after session (not comparable)";
    case PointKind::labs: return "efficacy labs after session";
    case PointKind::predicted: return "model prediction";
    case PointKind::observed: return "observed";
  }
  return "";
}

void chart(AppState& s, const ChartData& data) {
  const std::string& title = data.title;
  const std::string& unit = data.unit;
  const std::vector<Threshold>& lines = data.thresholds;
  std::vector<Point> pts;  // every point, for the bounds and the hover read-out
  for (const auto& seg : data.lines) pts.insert(pts.end(), seg.begin(), seg.end());
  pts.insert(pts.end(), data.observed.begin(), data.observed.end());
  const float fh = ImGui::GetFontSize();
  const std::string y_title = title + " (" + (unit.empty() ? "ratio" : unit) + ")";
  // The legend goes beside the title when both fit, else on its own line below it.
  const float avail = ImGui::GetContentRegionAvail().x;
  const float legend_w = ImGui::CalcTextSize(data.legend).x;
  const float legend_drop =
      ImGui::CalcTextSize(y_title.c_str()).x * 1.1f + legend_w + 2 * fh > avail ? fh * 1.3f : 0;
  const ImVec2 size(avail, em(12) + legend_drop);
  ImGui::InvisibleButton(title.c_str(), size);
  record_rect(s, "chart." + title);
  const bool hovered = ImGui::IsItemHovered();
  const ImVec2 p0 = ImGui::GetItemRectMin();
  const ImVec2 p1 = ImGui::GetItemRectMax();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border);
  const ImU32 line = ImGui::ColorConvertFloat4ToU32(kColourAccent);
  const ImU32 stop = ImGui::ColorConvertFloat4ToU32(kColourWarning);
  const ImU32 seen = ImGui::ColorConvertFloat4ToU32(kColourOk);

  double xmin = 0, xmax = 1, ymin = std::numeric_limits<double>::max(), ymax = -ymin;
  for (const auto& p : pts) {
    xmax = std::max(xmax, p.hours);
    ymin = std::min(ymin, p.banded() ? p.low : p.value);
    ymax = std::max(ymax, p.banded() ? p.high : p.value);
  }
  for (const auto& t : lines) {
    ymin = std::min(ymin, t.value);
    ymax = std::max(ymax, t.value);
  }
  if (ymin > ymax) ymin = 0, ymax = 1;
  ymin = std::min(ymin, 0.0);  // from zero: a fall reads as the share it is
  if (ymax <= ymin) ymax = ymin + 1;
  const double ys = nice_step(ymin, ymax, 4);
  ymin = std::floor(ymin / ys) * ys;
  ymax = std::ceil(ymax / ys) * ys;
  const double xs = nice_step(xmin, xmax, 8);
  xmax = std::ceil(xmax / xs) * xs;

  char buf[64];
  (void)std::snprintf(buf, sizeof buf, "%g", ymax);
  const float left = ImGui::CalcTextSize(buf).x + fh * 0.8f;
  const ImVec2 a(p0.x + left, p0.y + fh * 1.6f + legend_drop);
  const ImVec2 b(p1.x - fh * 0.8f, p1.y - fh * 2.4f);
  const auto X = [&](double v) {
    return a.x + static_cast<float>((v - xmin) / (xmax - xmin)) * (b.x - a.x);
  };
  const auto Y = [&](double v) {
    return b.y - static_cast<float>((v - ymin) / (ymax - ymin)) * (b.y - a.y);
  };

  dl->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_FrameBg));
  for (int i = 0; xmin + i * xs <= xmax + xs * 1e-9; ++i) {  // integer counters: no drift
    const double t = xmin + i * xs;
    dl->AddLine(ImVec2(X(t), a.y), ImVec2(X(t), b.y), grid);
    (void)std::snprintf(buf, sizeof buf, "%g", t);
    dl->AddText(ImVec2(X(t) - ImGui::CalcTextSize(buf).x * 0.5f, b.y + fh * 0.2f), text, buf);
  }
  for (int i = 0; ymin + i * ys <= ymax + ys * 1e-9; ++i) {
    const double t = ymin + i * ys;
    dl->AddLine(ImVec2(a.x, Y(t)), ImVec2(b.x, Y(t)), grid);
    (void)std::snprintf(buf, sizeof buf, "%g", t);
    dl->AddText(ImVec2(a.x - ImGui::CalcTextSize(buf).x - fh * 0.4f, Y(t) - fh * 0.5f), text, buf);
  }
  const char* x_title = data.x_title;
  dl->AddText(ImVec2((a.x + b.x - ImGui::CalcTextSize(x_title).x) * 0.5f, b.y + fh * 1.2f), text,
              x_title);
  dl->AddText(bold_font(), fh, ImVec2(p0.x, p0.y), text, y_title.c_str());

  dl->PushClipRect(a, b, true);
  for (const auto& t : lines) {  // dashed threshold line
    const float y = Y(t.value);
    for (float x = a.x; x < b.x; x += fh) {
      dl->AddLine(ImVec2(x, y), ImVec2(std::min(x + fh * 0.6f, b.x), y), stop, 2.0f);
    }
    const std::string label = t.label + " " + text::fixed(t.value, 1) + " " + unit;
    dl->AddText(ImVec2(b.x - ImGui::CalcTextSize(label.c_str()).x - fh * 0.3f, y - fh * 1.1f), stop,
                label.c_str());
  }
  std::vector<ImVec2> path;  // screen positions of `pts`, in the same order
  for (const auto& p : pts) path.emplace_back(X(p.hours), Y(p.value));
  // The band: a translucent area between consecutive points' low and high ends.
  const ImU32 band = ImGui::ColorConvertFloat4ToU32(
      ImVec4(kColourAccent.x, kColourAccent.y, kColourAccent.z, kColourAccent.w * 0.25f));
  for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
    const Point& u = pts[i];
    const Point& v = pts[i + 1];
    if (!u.banded() || !v.banded() || u.kind == PointKind::observed) continue;
    const ImVec2 quad[4] = {ImVec2(X(u.hours), Y(u.low)), ImVec2(X(v.hours), Y(v.low)),
                            ImVec2(X(v.hours), Y(v.high)), ImVec2(X(u.hours), Y(u.high))};
    dl->AddConvexPolyFilled(quad, 4, band);
  }
  std::size_t at = 0;
  for (const auto& seg : data.lines) {
    dl->AddPolyline(path.data() + at, static_cast<int>(seg.size()), line, ImDrawFlags_None, 2.0f);
    at += seg.size();
  }
  for (std::size_t i = 0; i < pts.size(); ++i) {
    if (pts[i].kind == PointKind::observed) {
      const float r = fh * 0.3f;
      dl->AddRectFilled(ImVec2(path[i].x - r, path[i].y - r), ImVec2(path[i].x + r, path[i].y + r),
                        seen);
    } else if (pts[i].kind == PointKind::post || pts[i].kind == PointKind::predicted) {
      dl->AddCircle(path[i], fh * 0.25f, line, 12, 2.0f);
    } else {
      dl->AddCircleFilled(path[i], fh * 0.25f, line);
    }
  }
  dl->PopClipRect();

  // Legend, top right.
  const char* legend = data.legend;
  dl->AddText(ImVec2(b.x - legend_w, p0.y + legend_drop), text, legend);

  if (hovered && !pts.empty()) {  // nearest point's value with its unit
    const float mx = ImGui::GetIO().MousePos.x;
    std::size_t best = 0;
    for (std::size_t i = 1; i < pts.size(); ++i) {
      if (std::fabs(path[i].x - mx) < std::fabs(path[best].x - mx)) best = i;
    }
    dl->AddLine(ImVec2(path[best].x, a.y), ImVec2(path[best].x, b.y),
                ImGui::GetColorU32(ImGuiCol_PlotLinesHovered));
    ImGui::BeginTooltip();
    const Point& q = pts[best];
    if (q.banded() && q.low < q.high) {
      ImGui::Text("%s model estimate %s–%s %s", title.c_str(), text::fixed(q.low, 2).c_str(),
                  text::fixed(q.high, 2).c_str(), unit.c_str());
    } else {
      ImGui::Text("%s %s %s", title.c_str(), text::fixed(q.value, 2).c_str(), unit.c_str());
    }
    if (pts[best].what.empty()) {
      ImGui::Text("%s %d, %s h", kind_words(pts[best].kind), pts[best].session,
                  text::fixed(pts[best].hours, 1).c_str());
    } else {
      ImGui::Text("%s, %s h", pts[best].what.c_str(), text::fixed(pts[best].hours, 1).c_str());
    }
    ImGui::EndTooltip();
  }
}

}  // namespace

void draw_kinetics_chart(AppState& s, const plan::Plan& plan) {
  if (!plan.course) return;
  const course::Course& c = *plan.course;
  heading("Predicted labs");
  ImGui::SameLine();
  ImGui::TextColored(kColourMuted, "hover a chart for values");
  for (const auto& p : c.kinetics) {
    if (p.sessions.empty()) continue;
    const std::string title(protocol::solute_label(p.solute));
    ChartData data;
    data.title = title;
    data.unit = p.sessions.front().pre.how.shown.unit;
    data.lines.push_back(points_of(p, c));
    data.thresholds = thresholds_of(p, c);
    chart(s, data);
    ImGui::Spacing();
  }
  for (const auto& n : c.not_predicted) {
    ImGui::TextColored(kColourMuted, "%s not predicted: %s",
                       std::string(protocol::solute_label(n.solute)).c_str(), n.reason.c_str());
  }
}

void draw_observed_lab_chart(AppState& s, const ObservedLabChart& c) {
  ChartData data;
  data.title = c.title;
  data.unit = c.unit;
  data.x_title = "hours from the course's first record: a start or a lab draw (h)";
  data.legend = "\u25a0 observed   \u25cb model prediction (from the value before)";
  for (const auto& seg : c.predicted) {
    std::vector<Point>& line = data.lines.emplace_back();
    for (const auto& p : seg) line.push_back({p.hours, p.value, PointKind::predicted, 0, p.what});
  }
  for (const auto& p : c.observed) {
    data.observed.push_back({p.hours, p.value, PointKind::observed, 0, p.what});
  }
  chart(s, data);
}

}  // namespace lb::gui
