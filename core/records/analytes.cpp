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
  static const std::vector<AnalyteSpec> kAnalytes = [] {
    std::vector<AnalyteSpec> out;
    for (const auto& f : patient::field_catalogue()) {
      if (f.section() != patient::Section::labs || !f.analyte) continue;
      out.push_back(
          {std::string(f.leaf()), *f.analyte, &f,
           f.kind == patient::FieldKind::number ? "a plain number" : patient::units_hint(f)});
    }
    return out;
  }();
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
  if (spec.field->kind == patient::FieldKind::number) {
    const auto n = units::parse_plain_number(text);
    if (!n) {
      error = n.error;
      return std::nullopt;
    }
    return RecordedQuantity{units::AnyQuantity::of(units::Fraction::from_value(*n.value)),
                            std::string(text)};
  }
  const auto q = units::parse_quantity(text);
  if (!q) {
    error = q.error + " (expected " + spec.hint + ")";
    return std::nullopt;
  }
  const patient::Accepted accepted = patient::accept(*spec.field, *q.value);
  switch (accepted.refusal) {
    case patient::Refusal::none: break;
    case patient::Refusal::meq_not_ion:
      error = "mEq/L is not a unit for " + spec.name + " (it is not a simple ion); expected " +
              spec.hint;
      return std::nullopt;
    default:
      error = "'" + std::string(text) + "' is a " +
              std::string(units::dimension_name(q.value->dimension)) + "; expected " + spec.hint;
      return std::nullopt;
  }
  return RecordedQuantity{*accepted.value, std::string(text)};
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

std::string analyte_label(std::string_view name) {
  return std::string{patient::field_label(name).value_or(name)};
}

}  // namespace lb::records
