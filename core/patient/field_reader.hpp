// Reading one patient-file value: parse it with its unit, then hold it against
// the plausibility table. Each problem becomes one diagnostic at the value's
// line and column; a value with an error comes back as nullopt, so that
// nothing downstream (cross-checks, the plan) sees it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "patient/plausibility.hpp"
#include "units/dimension.hpp"
#include "units/lab_conversions.hpp"
#include "units/parse.hpp"
#include "yaml/map_reader.hpp"

namespace lb::patient {

/// A quantity as the file has it ("154.3 lb") and as parsed.
struct Entered {
  std::string text;
  units::ParsedQuantity parsed;
};

/// Scale of the unit the quantity was written in (a bare number: 1).
UnitScale written_scale(const units::ParsedQuantity& q);

/// Parses "<number> <unit>" of the given dimension; errors are reported.
std::optional<Entered> read_quantity(yaml::MapReader& r, const std::string& key, yaml::Need need,
                                     units::Dimension dimension, bool allow_bare_fraction = false);

/// Reports the plausibility finding for `value` (if the key has bounds).
/// Returns false when the value is an error (implausible).
template <class Q>
bool check_plausible(yaml::MapReader& r, const std::string& key, Q value, std::string_view written,
                     UnitScale scale) {
  const PlausibleRange* range = find_range(r.key_path(key));
  if (range == nullptr) return true;
  const auto finding = assess(*range, value, written, scale);
  if (!finding) return true;
  if (finding->severity == diag::Severity::error) {
    r.error_at(key, finding->message);
    return false;
  }
  r.warning_at(key, finding->message);
  return true;
}

/// A quantity of one dimension, checked for plausibility.
template <class Q>
std::optional<Q> read_checked(yaml::MapReader& r, const std::string& key, yaml::Need need,
                              units::Dimension dimension) {
  const auto entered = read_quantity(r, key, need, dimension);
  if (!entered) return std::nullopt;
  const Q value = Q::from_value(entered->parsed.si_value);
  if (!check_plausible(r, key, value, entered->text, written_scale(entered->parsed))) {
    return std::nullopt;
  }
  return value;
}

/// A plain number without unit (INR, pH), checked for plausibility.
std::optional<double> read_plain_checked(yaml::MapReader& r, const std::string& key,
                                         yaml::Need need);

/// A lab concentration in either unit system: a mass concentration
/// (conventional: mg/dL, µg/dL, g/L) or an amount concentration (SI: µmol/L,
/// mmol/L). `accepted` names the usual units for messages ("mg/dL or µmol/L").
/// mEq/L is read as 0.5 mmol/L for calcium (divalent) and refused for analytes
/// that are not ions. The value keeps the system it was entered in.
std::optional<units::LabConcentration> read_lab(yaml::MapReader& r, const std::string& key,
                                                units::Analyte analyte, std::string_view accepted);

}  // namespace lb::patient
