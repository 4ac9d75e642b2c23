// Parser for "<number> <unit>" text as clinicians write it ("72 kg", "1.8 mg/dL",
// "30 %"). Every rejection says what was wrong: no number, not finite, missing
// unit, unknown unit (with a suggestion) or a unit of the wrong dimension.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "units/any_quantity.hpp"
#include "units/dimension.hpp"
#include "units/quantities.hpp"

namespace lb::units {

/// A number with a recognised unit, converted to SI.
struct ParsedQuantity {
  double si_value = 0.0;
  Dimension dimension = Dimension::fraction;
  std::string unit;  ///< the unit as written, e.g. "µmol/L"
  /// The value as a quantity of its dimension; `.get<Q>()` checks the dimension.
  [[nodiscard]] AnyQuantity quantity() const { return AnyQuantity::from_si(si_value, dimension); }
};

/// Either a value or a human-readable reason it was rejected.
template <class T>
struct ParseResult {
  std::optional<T> value;
  std::string error;  ///< empty when value is set
  explicit operator bool() const { return value.has_value(); }
};

/// Parses "<number> <unit>" in any known unit. Bare numbers are rejected
/// ("missing unit") unless allow_bare_fraction is set, in which case a bare
/// number is read as a dimensionless fraction (e.g. hematocrit 0.30).
ParseResult<ParsedQuantity> parse_quantity(std::string_view text, bool allow_bare_fraction = false);

/// Parses and checks the dimension; the error names the expected dimension.
ParseResult<ParsedQuantity> parse_quantity_of(std::string_view text, Dimension expected,
                                              bool allow_bare_fraction = false);

/// Typed convenience wrappers.
ParseResult<Length> parse_length(std::string_view text);
ParseResult<Mass> parse_mass(std::string_view text);
ParseResult<Volume> parse_volume(std::string_view text);
ParseResult<Duration> parse_duration(std::string_view text);
ParseResult<Flow> parse_flow(std::string_view text);
ParseResult<MassConcentration> parse_mass_concentration(std::string_view text);
ParseResult<AmountConcentration> parse_amount_concentration(std::string_view text);
ParseResult<CellConcentration> parse_cell_concentration(std::string_view text);
ParseResult<VolumePerMass> parse_volume_per_mass(std::string_view text);
ParseResult<Pressure> parse_pressure(std::string_view text);
ParseResult<DoseRate> parse_dose_rate(std::string_view text);
/// "30 %" or, when allow_bare is set, "0.30".
ParseResult<Fraction> parse_fraction(std::string_view text, bool allow_bare = false);

/// A plain finite number without unit (INR, pH, multiples). Rejects NaN/inf,
/// thousands separators, decimal commas and trailing text.
ParseResult<double> parse_plain_number(std::string_view text);

/// Every unit spelling the parser knows (for tests that walk all units).
std::vector<std::string_view> unit_spellings();

}  // namespace lb::units
