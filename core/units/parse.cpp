#include "units/parse.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <string>
#include <vector>

#include "text/did_you_mean.hpp"

namespace lb::units {

namespace {

struct UnitSpelling {
  std::string_view spelling;
  Dimension dimension;
  double to_si;  ///< multiply the written number by this to get the SI value
};

// Micro may be written as "u", the micro sign U+00B5 or Greek mu U+03BC; all
// three spellings are listed so that none is an "unknown unit".
constexpr double kMmHg = 133.322387415;
constexpr std::array kUnits = {
    UnitSpelling{"m", Dimension::length, 1.0},
    UnitSpelling{"cm", Dimension::length, 1e-2},
    UnitSpelling{"mm", Dimension::length, 1e-3},
    UnitSpelling{"in", Dimension::length, 0.0254},
    UnitSpelling{"ft", Dimension::length, 0.3048},
    UnitSpelling{"kg", Dimension::mass, 1.0},
    UnitSpelling{"g", Dimension::mass, 1e-3},
    UnitSpelling{"mg", Dimension::mass, 1e-6},
    UnitSpelling{"lb", Dimension::mass, 0.45359237},
    UnitSpelling{"lbs", Dimension::mass, 0.45359237},
    UnitSpelling{"L", Dimension::volume, 1e-3},
    UnitSpelling{"l", Dimension::volume, 1e-3},
    UnitSpelling{"mL", Dimension::volume, 1e-6},
    UnitSpelling{"ml", Dimension::volume, 1e-6},
    UnitSpelling{"s", Dimension::time, 1.0},
    UnitSpelling{"min", Dimension::time, 60.0},
    UnitSpelling{"h", Dimension::time, 3600.0},
    UnitSpelling{"d", Dimension::time, 86400.0},
    UnitSpelling{"days", Dimension::time, 86400.0},
    UnitSpelling{"y", Dimension::time, 365.25 * 86400.0},
    UnitSpelling{"years", Dimension::time, 365.25 * 86400.0},
    UnitSpelling{"mL/min", Dimension::flow, 1e-6 / 60.0},
    UnitSpelling{"ml/min", Dimension::flow, 1e-6 / 60.0},
    UnitSpelling{"mL/h", Dimension::flow, 1e-6 / 3600.0},
    UnitSpelling{"ml/h", Dimension::flow, 1e-6 / 3600.0},
    UnitSpelling{"L/h", Dimension::flow, 1e-3 / 3600.0},
    UnitSpelling{"L/min", Dimension::flow, 1e-3 / 60.0},
    UnitSpelling{"mg/dL", Dimension::mass_concentration, 1e-2},
    UnitSpelling{"mg/dl", Dimension::mass_concentration, 1e-2},
    UnitSpelling{"g/dL", Dimension::mass_concentration, 10.0},
    UnitSpelling{"g/dl", Dimension::mass_concentration, 10.0},
    UnitSpelling{"g/L", Dimension::mass_concentration, 1.0},
    UnitSpelling{"g/l", Dimension::mass_concentration, 1.0},
    UnitSpelling{"mg/L", Dimension::mass_concentration, 1e-3},
    UnitSpelling{"mg/l", Dimension::mass_concentration, 1e-3},
    UnitSpelling{"ug/dL", Dimension::mass_concentration, 1e-5},
    UnitSpelling{"\u00b5g/dL", Dimension::mass_concentration, 1e-5},
    UnitSpelling{"\u03bcg/dL", Dimension::mass_concentration, 1e-5},
    UnitSpelling{"umol/L", Dimension::amount_concentration, 1e-3},
    UnitSpelling{"\u00b5mol/L", Dimension::amount_concentration, 1e-3},
    UnitSpelling{"\u03bcmol/L", Dimension::amount_concentration, 1e-3},
    UnitSpelling{"mmol/L", Dimension::amount_concentration, 1.0},
    UnitSpelling{"mmol/l", Dimension::amount_concentration, 1.0},
    // mEq/L equals mmol/L only for monovalent ions (Na, K, Cl, HCO3); the
    // divalent-calcium conversion is a named function in lab_conversions.
    UnitSpelling{"mEq/L", Dimension::amount_concentration, 1.0},
    UnitSpelling{"10^9/L", Dimension::cell_concentration, 1e12},
    UnitSpelling{"x10^9/L", Dimension::cell_concentration, 1e12},
    UnitSpelling{"\u00d710^9/L", Dimension::cell_concentration, 1e12},
    UnitSpelling{"10^3/uL", Dimension::cell_concentration, 1e12},
    UnitSpelling{"10^3/\u00b5L", Dimension::cell_concentration, 1e12},
    UnitSpelling{"10^3/\u03bcL", Dimension::cell_concentration, 1e12},
    UnitSpelling{"G/L", Dimension::cell_concentration, 1e12},
    UnitSpelling{"mL/kg", Dimension::volume_per_mass, 1e-6},
    UnitSpelling{"ml/kg", Dimension::volume_per_mass, 1e-6},
    UnitSpelling{"L/kg", Dimension::volume_per_mass, 1e-3},
    UnitSpelling{"mmHg", Dimension::pressure, kMmHg},
    UnitSpelling{"kPa", Dimension::pressure, 1e3},
    UnitSpelling{"ug/kg/min", Dimension::dose_rate, 1e-9 / 60.0},
    UnitSpelling{"\u00b5g/kg/min", Dimension::dose_rate, 1e-9 / 60.0},
    UnitSpelling{"\u03bcg/kg/min", Dimension::dose_rate, 1e-9 / 60.0},
    UnitSpelling{"mg/kg/min", Dimension::dose_rate, 1e-6 / 60.0},
    UnitSpelling{"kg/m2", Dimension::body_mass_index, 1.0},
    UnitSpelling{"kg/m\u00b2", Dimension::body_mass_index, 1.0},
    UnitSpelling{"%", Dimension::fraction, 0.01},
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

/// Splits "12.5 mg/dL" into the numeric prefix and the rest. The numeric part
/// ends at the first character that cannot belong to a decimal number; an
/// exponent 'e' is only taken when digits follow it.
std::pair<std::string_view, std::string_view> split_number(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.')) ++i;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    std::size_t j = i + 1;
    if (j < s.size() && (s[j] == '-' || s[j] == '+')) ++j;
    if (j < s.size() && s[j] >= '0' && s[j] <= '9') {
      while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
      i = j;
    }
  }
  return {s.substr(0, i), s.substr(i)};
}

std::vector<std::string> all_spellings() {
  std::vector<std::string> out;
  out.reserve(kUnits.size());
  for (const auto& u : kUnits) out.emplace_back(u.spelling);
  return out;
}

/// "a mass", "an amount concentration".
std::string with_article(std::string_view noun) {
  const bool vowel =
      !noun.empty() && std::string_view("aeiou").find(noun.front()) != std::string_view::npos;
  return (vowel ? "an " : "a ") + std::string(noun);
}

/// At most 40 bytes of `s` (cut at a UTF-8 character boundary) and "…": a message
/// quotes what was written, not a 100 000-character line.
std::string shortened(std::string_view s) {
  constexpr std::size_t kMax = 40;
  if (s.size() <= kMax) return std::string(s);
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0U) == 0x80U) --cut;
  return std::string(s.substr(0, cut)) + "\u2026";
}

template <class T>
ParseResult<T> fail(std::string message) {
  ParseResult<T> r;
  r.error = std::move(message);
  return r;
}

}  // namespace

ParseResult<double> parse_plain_number(std::string_view text) {
  const std::string_view s = trim(text);
  if (s.empty()) return fail<double>("expected a number, found nothing");
  const std::string lowered = [&] {
    std::string l(s);
    for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return l;
  }();
  if (lowered.find("nan") != std::string::npos || lowered.find("inf") != std::string::npos) {
    return fail<double>("'" + shortened(s) + "' is not a finite number");
  }
  auto [num, rest] = split_number(s);
  if (num.empty() || num == "-" || num == "+" || num == ".") {
    return fail<double>("expected a number, found '" + shortened(s) + "'");
  }
  // from_chars rejects a leading '+', which people do write.
  if (num.front() == '+') num.remove_prefix(1);
  double v = 0.0;
  const auto [ptr, ec] = std::from_chars(num.data(), num.data() + num.size(), v);
  if (ec == std::errc::result_out_of_range) {
    return fail<double>("'" + shortened(num) + "' is out of range");
  }
  if (ec != std::errc() || ptr != num.data() + num.size()) {
    return fail<double>("expected a number, found '" + shortened(s) + "'");
  }
  if (!std::isfinite(v)) return fail<double>("'" + shortened(s) + "' is not a finite number");
  if (!trim(rest).empty()) {
    const std::string_view tail = trim(rest);
    if (tail.front() == ',') {
      return fail<double>("'" + shortened(s) +
                          "' uses a comma; write decimals with a point (e.g. 1.5) and no "
                          "thousands separators");
    }
    return fail<double>("unexpected text '" + shortened(tail) + "' after the number");
  }
  return ParseResult<double>{v, {}};
}

ParseResult<ParsedQuantity> parse_quantity(std::string_view text, bool allow_bare_fraction) {
  const std::string_view s = trim(text);
  if (s.empty()) return fail<ParsedQuantity>("expected '<number> <unit>', found nothing");
  if (const auto finite = parse_plain_number(s);
      !finite && finite.error.find("not a finite number") != std::string::npos) {
    return fail<ParsedQuantity>(finite.error);
  }
  auto [num_text, unit_text] = split_number(s);
  unit_text = trim(unit_text);
  if (!unit_text.empty() && unit_text.front() == ',') {
    return fail<ParsedQuantity>("'" + shortened(s) +
                                "' uses a comma; write decimals with a point (e.g. 1.5) and no "
                                "thousands separators");
  }
  const auto number = parse_plain_number(num_text.empty() ? s : num_text);
  if (!number) {
    // A word where the number should be: "nan mL", "inf kg", "lots".
    return fail<ParsedQuantity>(number.error);
  }
  if (unit_text.empty()) {
    if (allow_bare_fraction)
      return ParseResult<ParsedQuantity>{ParsedQuantity{*number.value, Dimension::fraction, ""},
                                         {}};
    return fail<ParsedQuantity>("'" + shortened(s) + "' has no unit; write it as '" + shortened(s) +
                                " <unit>'");
  }
  for (const auto& u : kUnits) {
    if (u.spelling == unit_text) {
      // A finite number can overflow in the conversion ("1e300 10^9/L" is 1e312 per m³);
      // infinity would then pass every bound, so it is refused here, where it arises.
      const double si = *number.value * u.to_si;
      if (!std::isfinite(si)) {
        return fail<ParsedQuantity>("'" + shortened(s) + "' is out of range (too large in " +
                                    std::string(unit_text) + ")");
      }
      return ParseResult<ParsedQuantity>{ParsedQuantity{si, u.dimension, std::string(unit_text)},
                                         {}};
    }
  }
  return fail<ParsedQuantity>("unknown unit '" + shortened(unit_text) + "'" +
                              text::did_you_mean_suffix(unit_text, all_spellings()));
}

ParseResult<ParsedQuantity> parse_quantity_of(std::string_view text, Dimension expected,
                                              bool allow_bare_fraction) {
  auto parsed = parse_quantity(text, allow_bare_fraction && expected == Dimension::fraction);
  if (!parsed) {
    if (parsed.error.find("has no unit") != std::string::npos ||
        parsed.error.find("unknown unit") != std::string::npos) {
      parsed.error += "; expected " + with_article(dimension_name(expected)) + " in " +
                      std::string(dimension_examples(expected));
    }
    return parsed;
  }
  if (parsed.value->dimension != expected) {
    return fail<ParsedQuantity>("'" + std::string(trim(text)) + "' is " +
                                with_article(dimension_name(parsed.value->dimension)) +
                                ", expected " + with_article(dimension_name(expected)) + " in " +
                                std::string(dimension_examples(expected)));
  }
  return parsed;
}

namespace {
template <class Q>
ParseResult<Q> typed(std::string_view text, Dimension d, bool bare = false) {
  auto p = parse_quantity_of(text, d, bare);
  if (!p) return fail<Q>(p.error);
  return ParseResult<Q>{Q::from_value(p.value->si_value), {}};
}
}  // namespace

ParseResult<Length> parse_length(std::string_view t) { return typed<Length>(t, Dimension::length); }
ParseResult<Mass> parse_mass(std::string_view t) { return typed<Mass>(t, Dimension::mass); }
ParseResult<Volume> parse_volume(std::string_view t) { return typed<Volume>(t, Dimension::volume); }
ParseResult<Duration> parse_duration(std::string_view t) {
  return typed<Duration>(t, Dimension::time);
}
ParseResult<Flow> parse_flow(std::string_view t) { return typed<Flow>(t, Dimension::flow); }
ParseResult<MassConcentration> parse_mass_concentration(std::string_view t) {
  return typed<MassConcentration>(t, Dimension::mass_concentration);
}
ParseResult<AmountConcentration> parse_amount_concentration(std::string_view t) {
  return typed<AmountConcentration>(t, Dimension::amount_concentration);
}
ParseResult<CellConcentration> parse_cell_concentration(std::string_view t) {
  return typed<CellConcentration>(t, Dimension::cell_concentration);
}
ParseResult<VolumePerMass> parse_volume_per_mass(std::string_view t) {
  return typed<VolumePerMass>(t, Dimension::volume_per_mass);
}
ParseResult<Pressure> parse_pressure(std::string_view t) {
  return typed<Pressure>(t, Dimension::pressure);
}
ParseResult<DoseRate> parse_dose_rate(std::string_view t) {
  return typed<DoseRate>(t, Dimension::dose_rate);
}
ParseResult<Fraction> parse_fraction(std::string_view t, bool allow_bare) {
  return typed<Fraction>(t, Dimension::fraction, allow_bare);
}

}  // namespace lb::units

namespace lb::units {

std::vector<std::string_view> unit_spellings() {
  std::vector<std::string_view> out;
  for (const auto& u : kUnits) out.push_back(u.spelling);
  return out;
}

}  // namespace lb::units
