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

}  // namespace lb::sim::run
