// Plausibility bounds for the values of a patient file, kept with each field
// in the field catalogue (catalogue.cpp). Outside the hard range a value is physiologically
// impossible or, far more often, a unit or typing slip (weight 700 kg, Hct 0.9,
// height 30 cm): an error. Outside the soft range it is possible but rare
// enough to be checked before it drives a plan: a warning.
#pragma once

#include <cmath>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "diag/diagnostic.hpp"
#include "units/any_quantity.hpp"
#include "units/compare.hpp"
#include "units/dimension.hpp"

namespace lb::patient {

struct PlausibleRange {
  std::string_view key;   ///< dotted key path as in the file: "weight", "labs.bilirubin"
  std::string_view unit;  ///< unit the bounds are written in, spelled as the parser reads it
                          ///< ("" for plain numbers such as INR)
  double hard_min = 0.0;  ///< below: error
  double hard_max = 0.0;  ///< above: error
  std::optional<double> soft_min;  ///< below: warning
  std::optional<double> soft_max;  ///< above: warning
  std::string_view soft_note;      ///< why the soft bound matters (may be empty)
};

/// Every bound, one entry per key.
std::span<const PlausibleRange> plausible_ranges();
/// The bounds for a dotted key path, or nullptr when the key has none.
const PlausibleRange* find_range(std::string_view key);

/// SI value of one `range.unit` ("kg" -> 1, "mg/dL" -> 0.01, "" -> 1) and its dimension.
struct UnitScale {
  double si_per_unit = 1.0;
  units::Dimension dimension = units::Dimension::fraction;
};
UnitScale unit_scale(std::string_view unit);

enum class Plausibility { plausible, unusual, implausible };

/// Classifies an SI value against a range; edges count as inside, with the
/// tolerant comparisons of units/compare.hpp (a value converted from another
/// unit system is not pushed out by a rounding error).
template <class Q>
Plausibility classify(const PlausibleRange& r, Q value) {
  const double s = unit_scale(r.unit).si_per_unit;
  // The comparisons are all false for a non-finite value; it is never plausible.
  if (!std::isfinite(units::AnyQuantity::of(value).si())) return Plausibility::implausible;
  if (units::below(value, Q::from_value(r.hard_min * s)) ||
      units::above(value, Q::from_value(r.hard_max * s))) {
    return Plausibility::implausible;
  }
  if ((r.soft_min && units::below(value, Q::from_value(*r.soft_min * s))) ||
      (r.soft_max && units::above(value, Q::from_value(*r.soft_max * s)))) {
    return Plausibility::unusual;
  }
  return Plausibility::plausible;
}

/// A finding to report at the value, or nullopt when the value is plausible.
struct Finding {
  diag::Severity severity = diag::Severity::error;
  std::string message;  ///< without the key, e.g. "700 kg is implausible; expected 0.5–500 kg"
};

/// Classifies `si_value` (in the SI unit of the range's dimension) and words
/// the finding. `written` is the value as the file has it ("154.3 lb");
/// `written_scale` is the scale of the unit it was written in, so that a value
/// written in another unit is also shown in the range's unit.
template <class Q>
std::optional<Finding> assess(const PlausibleRange& r, Q value, std::string_view written,
                              UnitScale written_scale);

/// "0.5–500 kg", "at least 18 years", "at most 50 mg/dL".
std::string describe_hard(const PlausibleRange& r);
std::string describe_soft(const PlausibleRange& r);
/// A number as a clinician writes it: no exponent, at most 4 significant
/// digits after the point ("0.05", "699.9", "1710").
std::string plain_number(double v);

namespace detail {
std::optional<Finding> word_finding(const PlausibleRange& r, Plausibility p, double si,
                                    std::string_view written, UnitScale written_scale);
}

template <class Q>
std::optional<Finding> assess(const PlausibleRange& r, Q value, std::string_view written,
                              UnitScale written_scale) {
  return detail::word_finding(r, classify(r, value), units::AnyQuantity::of(value).si(), written,
                              written_scale);
}

/// The same for a quantity whose dimension is known at run time.
inline std::optional<Finding> assess(const PlausibleRange& r, const units::AnyQuantity& value,
                                     std::string_view written, UnitScale written_scale) {
  return value.visit([&](auto q) { return assess(r, q, written, written_scale); });
}

}  // namespace lb::patient
