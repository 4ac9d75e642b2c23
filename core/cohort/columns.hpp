// The columns a cohort CSV may have (docs/cohort.md): one per patient-file
// value, named as in the patient file without its section ("bilirubin", not
// "labs.bilirubin"), with the unit in brackets in the header:
// `bilirubin[mg/dL]`, `weight[lb]`, `platelets[10^9/L]`. The unit is read
// once, from the header, so each cell is a bare number; plain numbers (INR),
// whole numbers, true/false and words have no unit.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "patient/catalogue.hpp"
#include "patient/plausibility.hpp"
#include "units/dimension.hpp"
#include "units/lab_conversions.hpp"

namespace lb::cohort {

enum class ColumnKind {
  text,        ///< the pseudonymous id
  quantity,    ///< one dimension; unit in the header (weight[kg])
  lab,         ///< an analyte in either unit system (bilirubin[mg/dL] or [umol/L])
  hematocrit,  ///< [%], or no unit for a fraction (0.30)
  number,      ///< a plain number without unit (INR, pH)
  whole,       ///< a whole number in a range (HE grade)
  boolean,     ///< true / false
  word,        ///< one of a fixed set of words (sex, diagnosis)
};

/// One column: a projection of a row of the patient field catalogue.
struct ColumnSpec {
  std::string_view name;                  ///< header name without the unit: "bilirubin"
  const patient::Field* field = nullptr;  ///< the catalogue row: units, range, words, setter
  ColumnKind kind = ColumnKind::quantity;
  units::Dimension dimension = units::Dimension::fraction;  ///< quantity only
  std::string units_hint;  ///< "mg/dL or µmol/L" (docs and messages); "" when unit-less
  bool required = false;
  int min = 0, max = 0;                     ///< whole only
  std::span<const std::string_view> words;  ///< word only
  std::string_view key;  ///< patient-file key path: plausibility range and messages
};

/// Every column, in the order of the patient file: every catalogue field but
/// the allergies (a list has no place in one CSV cell).
std::span<const ColumnSpec> column_specs();

/// One header cell, resolved: the column and how to read its numbers.
struct Column {
  const ColumnSpec* spec = nullptr;
  std::string header;        ///< as written: "weight[lb]"
  double si_per_unit = 1.0;  ///< SI value of one header unit
  /// lab only: the header unit is a mass concentration (else an amount concentration).
  bool lab_as_mass = false;
  /// The header unit as the parser spells it ("µmol/L", "%"; "" without one).
  std::string unit;
  /// The plausibility range expressed in the header unit (none: no check), so that a
  /// cell is checked and worded in the unit the header names, as in a patient file.
  std::optional<patient::PlausibleRange> range;
};

struct Header {
  std::vector<Column> columns;  ///< one per header cell, in file order
};

/// Resolves the header cells; every problem (unknown column, missing or
/// wrong unit, duplicate, missing required column) is appended to `errors`
/// as "column 3 'weight[stone]': ..." and the result is nullopt.
std::optional<Header> parse_header(std::span<const std::string_view> cells,
                                   std::vector<std::string>& errors);

/// "bilirubin[mg/dL|umol/L]" for each column (for --help and docs).
std::vector<std::string> documented_columns();

}  // namespace lb::cohort
