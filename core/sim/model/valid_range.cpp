#include "sim/model/valid_range.hpp"

#include <locale>
#include <sstream>

namespace lb::sim {

/// Shortest plain form (0.2, 37, 1e-06): the bounds are round numbers chosen by hand.
std::string plain_number(double v) {
  std::ostringstream o;
  o.imbue(std::locale::classic());
  o << v;
  return o.str();
}

namespace {
std::string number(double v) { return plain_number(v); }
}  // namespace

bool ValidRange::contains(double v) const {
  const bool lo_ok = min_open ? v > min : v >= min;
  const bool hi_ok = max_open ? v < max : v <= max;
  return lo_ok && hi_ok;  // NaN fails both comparisons
}

std::string ValidRange::text(const std::string& unit) const {
  std::string t =
      std::string(min_open ? "(" : "[") + number(min) + ", " + number(max) + (max_open ? ")" : "]");
  return unit.empty() ? t : t + " " + unit;
}

std::string ValidRange::requirement(const std::string& unit) const {
  return "must be in " + text(unit) + " (an open end '(' or ')' excludes that value)";
}

std::string out_of_range_message(const std::string& name, double value, const std::string& unit,
                                 const ValidRange& range) {
  return name + " " + number(value) + (unit.empty() ? "" : " " + unit) +
         " is outside the values the simulator accepts: it " + range.requirement(unit);
}

}  // namespace lb::sim
