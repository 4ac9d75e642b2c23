#include "bridge/compare_values.hpp"

#include <cmath>

#include "bridge/names.hpp"
#include "text/format.hpp"
#include "units/compare.hpp"
#include "units/lab_conversions.hpp"
#include "units/parse.hpp"

namespace lb::bridge::detail {

using units::AnyQuantity;
using units::Dimension;

std::optional<AnyQuantity> in_threshold_dimension(const AnyQuantity& value,
                                                  std::optional<units::Analyte> analyte,
                                                  const AnyQuantity& threshold) {
  if (value.dimension() == threshold.dimension()) return value;
  if (!analyte || !units::has_molar_conversion(*analyte)) return std::nullopt;
  if (value.dimension() == Dimension::mass_concentration &&
      threshold.dimension() == Dimension::amount_concentration) {
    return AnyQuantity::of(units::to_amount(*analyte, value.get<units::MassConcentration>()));
  }
  if (value.dimension() == Dimension::amount_concentration &&
      threshold.dimension() == Dimension::mass_concentration) {
    return AnyQuantity::of(units::to_mass(*analyte, value.get<units::AmountConcentration>()));
  }
  return std::nullopt;
}

std::optional<bool> compare(const AnyQuantity& value, std::optional<units::Analyte> analyte,
                            const Comparison& c) {
  const auto v = in_threshold_dimension(value, analyte, c.threshold);
  if (!v) return std::nullopt;
  return v->visit([&](auto q) -> bool {
    using Q = decltype(q);
    const Q t = c.threshold.get<Q>();
    switch (c.comparator) {
      case Comparator::less: return units::below(q, t);
      case Comparator::at_most: return units::at_most(q, t);
      case Comparator::greater: return units::above(q, t);
      case Comparator::at_least: return units::at_least(q, t);
    }
    return false;
  });
}

namespace {

/// The unit part of a threshold text ("300 µmol/L" -> "µmol/L", "70" -> "").
std::string unit_part(const std::string& threshold_text) {
  const auto space = threshold_text.find(' ');
  return space == std::string::npos ? "" : threshold_text.substr(space + 1);
}

}  // namespace

std::string in_unit_of(const AnyQuantity& value, std::optional<units::Analyte> analyte,
                       const Comparison& c) {
  const auto v = in_threshold_dimension(value, analyte, c.threshold);
  if (!v) return "";
  const std::string unit = unit_part(c.threshold_text);
  // The size of one threshold unit in SI, from the same parser that read the threshold.
  double per_unit = 1.0;
  if (!unit.empty()) {
    auto one = units::parse_quantity("1 " + unit, false);
    if (!one.value) return "";
    per_unit = one.value->si_value;
  } else if (c.threshold_text.find('%') != std::string::npos) {
    per_unit = 0.01;
  }
  // Printing only: SI number over the unit's SI size.
  const double shown = v->si() / per_unit;
  const double limit = c.threshold.si() / per_unit;
  int decimals = std::fabs(shown) >= 100 ? 0 : 2;
  // Never print a value so that it reads as the threshold when it is not equal to it.
  while (decimals < 6 && text::fixed(shown, decimals) == text::fixed(limit, decimals) &&
         std::fabs(shown - limit) > 1e-9 * std::fmax(std::fabs(shown), std::fabs(limit))) {
    ++decimals;
  }
  std::string out = text::fixed(shown, decimals);
  if (c.threshold_text.find('%') != std::string::npos) return out + " %";
  return unit.empty() ? out : out + " " + unit;
}

std::string comparison_text(const Comparison& c) {
  if (c.threshold_text == "true") return "is yes";
  if (c.threshold_text == "false") return "is no";
  return std::string(comparator_sign(c.comparator)) + " " + c.threshold_text;
}

}  // namespace lb::bridge::detail
