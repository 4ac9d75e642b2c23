#include "sim/run/patient_draws.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/random/distributions.hpp"

namespace lb::sim::run {

namespace {

/// The lowest and highest values a draw may take: the distribution's min and max, else the
/// parameter's valid interval (an open end: the nearest double inside it).
double lowest(const scenario::ParameterDraw& d, const ValidRange& r) {
  if (d.min) return *d.min;
  return r.min_open ? std::nextafter(r.min, std::numeric_limits<double>::infinity()) : r.min;
}
double highest(const scenario::ParameterDraw& d, const ValidRange& r) {
  if (d.max) return *d.max;
  return r.max_open ? std::nextafter(r.max, -std::numeric_limits<double>::infinity()) : r.max;
}

}  // namespace

std::string DrawnParameter::distribution() const {
  std::string t = "N(" + plain_number(from.mean) + ", " + plain_number(from.sd) + ")";
  if (from.min || from.max) {
    t += " [" + (from.min ? plain_number(*from.min) : std::string("…")) + ", " +
         (from.max ? plain_number(*from.max) : std::string("…")) + "]";
  }
  return unit.empty() ? t : t + " " + unit;
}

std::string DrawnParameter::text() const {
  return id + " " + plain_number(value) + (unit.empty() ? "" : " " + unit) + " drawn from " +
         distribution() + ", seed " + std::to_string(seed);
}

std::vector<DrawnParameter> draw_parameters(const scenario::Scenario& scenario, std::uint64_t seed,
                                            Parameters& parameters) {
  std::vector<DrawnParameter> out;
  random::Stream stream(seed, kPatientStream);
  for (const auto& o : scenario.parameters) {
    if (!o.draw) continue;
    const Parameter* p = parameters.find(o.id);
    if (p == nullptr) continue;                // the loader knows every id; nothing to draw into
    const double z = stream.normal(0.0, 1.0);  // one deviate per drawn parameter, always
    const double value =
        std::clamp(o.draw->mean + o.draw->sd * z, lowest(*o.draw, p->range),
                   std::max(lowest(*o.draw, p->range), highest(*o.draw, p->range)));
    DrawnParameter d{o.id, value, p->unit, *o.draw, seed, o.where};
    parameters.set(o.id, value,
                   d.distribution() + ", seed " + std::to_string(seed) + ": scenario " +
                       scenario.id + " (" + scenario.file + ":" + std::to_string(o.where.line) +
                       ")");
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<Parameters> draw_corners(const scenario::Scenario& scenario,
                                     const Parameters& parameters,
                                     std::vector<std::string>* described) {
  std::vector<const scenario::ParameterOverride*> drawn;
  for (const auto& o : scenario.parameters) {
    if (o.draw && parameters.find(o.id) != nullptr) drawn.push_back(&o);
  }
  std::vector<Parameters> out;
  if (drawn.empty()) return out;
  constexpr std::size_t kAllCombinations = 8;
  const bool all = drawn.size() <= kAllCombinations;
  const std::size_t count = all ? std::size_t{1} << drawn.size() : 2;
  for (std::size_t corner = 0; corner < count; ++corner) {
    Parameters p = parameters;
    std::string text;
    for (std::size_t i = 0; i < drawn.size(); ++i) {
      const auto& o = *drawn[i];
      const Parameter& q = *p.find(o.id);
      const bool high = all ? ((corner >> i) & 1U) != 0 : corner == 1;
      const double lo = lowest(*o.draw, q.range);
      const double v = high ? std::max(lo, highest(*o.draw, q.range)) : lo;
      const std::string unit = q.unit;
      p.set(o.id, v, "an end of the scenario's distribution");
      text += (text.empty() ? "" : ", ") + o.id + " " + plain_number(v) +
              (unit.empty() ? "" : " " + unit);
    }
    out.push_back(std::move(p));
    if (described != nullptr) described->push_back(text);
  }
  return out;
}

}  // namespace lb::sim::run
