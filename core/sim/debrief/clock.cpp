#include "sim/debrief/clock.hpp"

#include <cstdio>
#include <cstdlib>

namespace lb::sim::debrief {

std::string clock(scenario::SimTime t) {
  const bool negative = t < 0;
  const auto a = std::llabs(t);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%lld:%02lld:%02lld", negative ? "-" : "", a / 3600,
                (a / 60) % 60, a % 60);
  return buf;
}

std::string span(scenario::SimTime seconds) {
  const auto a = std::llabs(seconds);
  const std::string sign = seconds < 0 ? "-" : "";
  if (a < 60) return sign + std::to_string(a) + " s";
  if (a < 3600) {
    return sign + std::to_string(a / 60) + " min" +
           (a % 60 != 0 ? " " + std::to_string(a % 60) + " s" : "");
  }
  return sign + std::to_string(a / 3600) + " h" +
         ((a / 60) % 60 != 0 ? " " + std::to_string((a / 60) % 60) + " min" : "");
}

}  // namespace lb::sim::debrief
