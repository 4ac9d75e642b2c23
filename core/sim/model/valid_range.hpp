// The values a simulation number may take: an interval with each end open or closed. Every
// physiology parameter has one (parameters.cpp) and so has every starting-state override
// (sim/run/start_state.cpp): a scenario line outside it is refused at its file:line:col, so
// no override can divide by zero, take a logarithm of a negative number or leave the range the
// model was built for.
#pragma once

#include <string>

namespace lb::sim {

struct ValidRange {
  double min = 0.0;
  double max = 0.0;
  bool min_open = false;  ///< true: min itself is outside
  bool max_open = false;  ///< true: max itself is outside

  static constexpr ValidRange closed(double lo, double hi) { return {lo, hi, false, false}; }
  /// (lo, hi]: above lo (a divisor, a volume, a half-time), up to hi.
  static constexpr ValidRange above(double lo, double hi) { return {lo, hi, true, false}; }
  /// [lo, hi): from lo, below hi (room temperature below body temperature).
  static constexpr ValidRange below(double lo, double hi) { return {lo, hi, false, true}; }

  /// False for NaN.
  [[nodiscard]] bool contains(double v) const;
  /// "(0, 0.5] L/kg", the interval in mathematical notation with the unit.
  [[nodiscard]] std::string text(const std::string& unit) const;
  /// "must be in (0, 0.5] L/kg" (the message of a refused value).
  [[nodiscard]] std::string requirement(const std::string& unit) const;
};

/// The shortest plain form of a number (0.2, 37, 1e-06; six significant digits), as the
/// ranges and the drawn parameters are written.
std::string plain_number(double v);

/// "room_temperature 37 °C is outside the values the simulator accepts: it must be in
/// [10, 37) °C ...", the one message of a refused override (scenario loader, Parameters::set).
std::string out_of_range_message(const std::string& name, double value, const std::string& unit,
                                 const ValidRange& range);

}  // namespace lb::sim
