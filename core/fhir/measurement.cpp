#include "fhir/measurement.hpp"

#include "units/lab_conversions.hpp"
#include "units/parse.hpp"

namespace lb::fhir {

std::optional<double> number_in(const units::AnyQuantity& q, std::string_view unit) {
  const auto one = units::parse_quantity("1 " + std::string(unit));
  if (!one) return std::nullopt;
  const auto r = units::ratio(q, one.value->quantity());
  if (!r) return std::nullopt;
  // 9 digits, as the lab conversions round: 4.2 mg/dL stays 4.2 through SI and back.
  return units::round_significant(*r, 9);
}

namespace {
/// The first of the field's usual units of this dimension (the catalogue lists the
/// default first), or nullopt.
std::optional<std::string_view> usual_unit(const patient::Field& f, units::Dimension d) {
  for (const auto u : f.units.usual) {
    const auto one = units::parse_quantity("1 " + std::string(u));
    if (one && one.value->dimension == d) return u;
  }
  return std::nullopt;
}
}  // namespace

std::optional<Measurement> measure(const patient::Field& field, const units::AnyQuantity& q) {
  const FieldCode* code = code_for(field.key, q.dimension());
  if (!code) return std::nullopt;
  Measurement m{&field, code, 0.0, "", ""};
  if (field.kind == patient::FieldKind::number) {
    // INR and pH: plain numbers, held as fractions of 1.
    const auto plain = q.as<units::Fraction>();
    if (!plain) return std::nullopt;
    m.value = units::round_significant(units::in_fraction(*plain), 9);
    m.ucum = std::string(code->plain_unit);
    return m;
  }
  const auto unit = usual_unit(field, q.dimension());
  if (!unit) return std::nullopt;
  const auto ucum = ucum_of(*unit);
  const auto n = number_in(q, *unit);
  if (!ucum || !n) return std::nullopt;
  m.value = *n;
  m.unit = std::string(*unit);
  m.ucum = std::string(*ucum);
  return m;
}

std::optional<Measurement> measure(const patient::Field& field, const patient::FieldValue& value) {
  if (value.lab) {
    const auto& l = *value.lab;
    return measure(field, l.entered_as_mass() ? units::AnyQuantity::of(l.mass())
                                              : units::AnyQuantity::of(l.amount()));
  }
  if (value.quantity) return measure(field, *value.quantity);
  return std::nullopt;
}

}  // namespace lb::fhir
