#include "simprint/debrief_charts_svg.hpp"

#include <algorithm>
#include <sstream>

#include "print/printable.hpp"
#include "text/format.hpp"

namespace lb::simprint {

namespace {

// The chart's drawing box in SVG user units (the page scales it to the column width).
constexpr double kWidth = 600.0, kHeight = 90.0, kLeft = 56.0, kRight = 8.0, kTop = 6.0,
                 kBottom = 16.0;

const char* marker_stroke(const std::string& kind) {
  if (kind == "alarm") return "#b00000";
  if (kind == "event") return "#555555";
  if (kind == "instructor") return "#7a4a00";
  return "#0050a0";
}
const char* marker_dash(const std::string& kind) {
  // Dash patterns tell the kinds apart on a black-and-white print.
  if (kind == "alarm") return "4,2";
  if (kind == "event") return "1,2";
  if (kind == "instructor") return "6,2,1,2";
  return "none";
}

}  // namespace

std::string chart_svg(const sim::debrief::ChartSeries& s,
                      const std::vector<sim::debrief::Marker>& markers, long long duration_s) {
  std::ostringstream o;
  if (s.value.empty() || duration_s <= 0) return "";
  double lo = *std::min_element(s.value.begin(), s.value.end());
  double hi = *std::max_element(s.value.begin(), s.value.end());
  if (hi - lo < 1e-9) {
    lo -= 0.5;
    hi += 0.5;
  }
  const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  const auto x = [&](double t) { return kLeft + plot_w * t / static_cast<double>(duration_s); };
  const auto y = [&](double v) { return kTop + plot_h * (hi - v) / (hi - lo); };
  o << "<svg class=\"chart\" viewBox=\"0 0 " << kWidth << " " << kHeight
    << "\" width=\"100%\" role=\"img\" aria-label=\"" << report::html_escape(s.label) << "\">\n"
    << "<rect x=\"" << kLeft << "\" y=\"" << kTop << "\" width=\"" << plot_w << "\" height=\""
    << plot_h << "\" fill=\"none\" stroke=\"#888\"/>\n";
  for (const auto& m : markers) {
    o << "<line x1=\"" << text::fixed(x(static_cast<double>(m.t)), 1) << "\" x2=\""
      << text::fixed(x(static_cast<double>(m.t)), 1) << "\" y1=\"" << kTop << "\" y2=\""
      << kTop + plot_h << "\" stroke=\"" << marker_stroke(m.kind) << "\" stroke-dasharray=\""
      << marker_dash(m.kind) << "\" stroke-width=\"0.8\"><title>"
      << report::html_escape(m.kind + ": " + m.label) << "</title></line>\n";
  }
  o << "<polyline fill=\"none\" stroke=\"#000\" stroke-width=\"1.2\" points=\"";
  for (std::size_t i = 0; i < s.value.size(); ++i) {
    o << (i == 0 ? "" : " ") << text::fixed(x(static_cast<double>(s.t[i])), 1) << ","
      << text::fixed(y(s.value[i]), 1);
  }
  o << "\"/>\n";
  const std::string unit = s.unit.empty() ? "" : " " + s.unit;
  o << "<text x=\"2\" y=\"" << kTop + 8 << "\" font-size=\"8\">" << text::fixed(hi, 2)
    << "</text>\n<text x=\"2\" y=\"" << kTop + plot_h << "\" font-size=\"8\">" << text::fixed(lo, 2)
    << "</text>\n<text x=\"" << kLeft << "\" y=\"" << kHeight - 3
    << "\" font-size=\"8\">0 min</text>\n<text x=\"" << kWidth - kRight - 40 << "\" y=\""
    << kHeight - 3 << "\" font-size=\"8\">" << duration_s / 60 << " min</text>\n<text x=\""
    << kLeft + 4 << "\" y=\"" << kTop + 9 << "\" font-size=\"9\" font-weight=\"bold\">"
    << report::html_escape(s.label + unit) << "</text>\n</svg>\n";
  return o.str();
}

}  // namespace lb::simprint
