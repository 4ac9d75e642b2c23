#include "records/analytes.hpp"

#include <array>
#include <utility>

#include "units/parse.hpp"

namespace lb::records {

namespace {
using D = units::Dimension;
constexpr std::array<std::pair<D, std::string_view>, 13> kDimensionKeys = {{
    {D::length, "length"},
    {D::mass, "mass"},
    {D::volume, "volume"},
    {D::time, "time"},
    {D::flow, "flow"},
    {D::mass_concentration, "mass_concentration"},
    {D::amount_concentration, "amount_concentration"},
    {D::cell_concentration, "cell_concentration"},
    {D::volume_per_mass, "volume_per_mass"},
    {D::pressure, "pressure"},
    {D::dose_rate, "dose_rate"},
    {D::body_mass_index, "body_mass_index"},
    {D::fraction, "fraction"},
}};
}  // namespace

const std::vector<AnalyteSpec>& analytes() {
  static const std::vector<AnalyteSpec> kAnalytes = {
      {"bilirubin", {D::mass_concentration, D::amount_concentration}, "mg/dL or \u00b5mol/L"},
      {"creatinine", {D::mass_concentration, D::amount_concentration}, "mg/dL or \u00b5mol/L"},
      {"ammonia", {D::mass_concentration, D::amount_concentration}, "\u00b5mol/L or \u00b5g/dL"},
      {"lactate", {D::mass_concentration, D::amount_concentration}, "mmol/L or mg/dL"},
      {"ionized_calcium", {D::mass_concentration, D::amount_concentration}, "mmol/L or mg/dL"},
      {"total_calcium", {D::mass_concentration, D::amount_concentration}, "mmol/L or mg/dL"},
      {"glucose", {D::mass_concentration, D::amount_concentration}, "mmol/L or mg/dL"},
      {"phosphate", {D::mass_concentration, D::amount_concentration}, "mmol/L or mg/dL"},
      {"sodium", {D::amount_concentration}, "mmol/L"},
      {"potassium", {D::amount_concentration}, "mmol/L"},
      {"bicarbonate", {D::amount_concentration}, "mmol/L"},
      {"albumin", {D::mass_concentration}, "g/dL or g/L"},
      {"fibrinogen", {D::mass_concentration}, "g/L or mg/dL"},
      {"igg", {D::mass_concentration}, "g/L or mg/dL"},
      {"platelets", {D::cell_concentration}, "10^9/L"},
      {"wbc", {D::cell_concentration}, "10^9/L"},
      {"factor_v", {D::fraction}, "%"},
      {"pta", {D::fraction}, "%"},
      {"inr", {}, "a plain number"},
  };
  return kAnalytes;
}

const AnalyteSpec* find_analyte(std::string_view name) {
  for (const auto& a : analytes()) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

std::optional<RecordedQuantity> parse_lab_value(const AnalyteSpec& spec, std::string_view text,
                                                std::string& error) {
  if (spec.dimensions.empty()) {
    const auto n = units::parse_plain_number(text);
    if (!n) {
      error = n.error;
      return std::nullopt;
    }
    return RecordedQuantity{*n.value, D::fraction, std::string(text)};
  }
  const auto q = units::parse_quantity(text);
  if (!q) {
    error = q.error + " (expected " + spec.hint + ")";
    return std::nullopt;
  }
  for (const auto d : spec.dimensions) {
    if (q.value->dimension == d) return RecordedQuantity{q.value->si_value, d, std::string(text)};
  }
  error = "'" + std::string(text) + "' is a " +
          std::string(units::dimension_name(q.value->dimension)) + "; expected " + spec.hint;
  return std::nullopt;
}

std::string_view dimension_key(units::Dimension d) {
  for (const auto& [dim, key] : kDimensionKeys) {
    if (dim == d) return key;
  }
  return "fraction";
}

std::optional<units::Dimension> dimension_from_key(std::string_view key) {
  for (const auto& [dim, k] : kDimensionKeys) {
    if (k == key) return dim;
  }
  return std::nullopt;
}

}  // namespace lb::records
