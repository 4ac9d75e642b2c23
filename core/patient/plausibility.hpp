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
  std::string unit;       ///< unit the bounds are written in, spelled as the parser reads it
                          ///< ("" for plain numbers such as INR)
  double hard_min = 0.0;  ///< below: error
  double hard_max = 0.0;  ///< above: error
  std::optional<double> soft_min;  ///< below: warning
  std::optional<double> soft_max;  ///< above: warning
  std::string_view soft_note;      ///< why the soft bound matters (may be empty)
};

/// Every bound, one entry per key, in the unit the catalogue writes it in. A value written
/// in another unit is held against the range expressed in its own unit
/// (catalogue.hpp: range_in_unit), so that what a message states is what was checked.
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

/// Classifies a number written in `r.unit`; edges count as inside, within the relative
/// tolerance of units/compare.hpp. A non-finite number is never plausible.
Plausibility classify(const PlausibleRange& r, double number);

/// A finding to report at the value, or nullopt when the value is plausible.
struct Finding {
  diag::Severity severity = diag::Severity::error;
  std::string message;  ///< without the key, e.g. "700 kg is implausible; expected 0.5–500 kg"
};

/// Classifies `number` (written in `r.unit`) and words the finding with the value as the
/// file has it (`written`, "1704 µg/dL") and the bounds in the same unit.
std::optional<Finding> assess(const PlausibleRange& r, double number, std::string_view written);

/// "0.5–500 kg", "at least 18 years", "at most 50 mg/dL".
std::string describe_hard(const PlausibleRange& r);
std::string describe_soft(const PlausibleRange& r);
/// A number as a clinician writes it: no exponent, at most 4 significant
/// digits after the point ("0.05", "699.9", "1710").
std::string plain_number(double v);
/// `v` rounded to the digits plain_number shows, away from the inside of a range: down for
/// a lower bound (`up` false), up for an upper bound. A bound converted to another unit is
/// shown and checked with these digits, so the value on a documented edge is accepted.
double shown_bound(double v, bool up);

}  // namespace lb::patient
