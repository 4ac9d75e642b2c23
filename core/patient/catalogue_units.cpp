// The one decision which units a field takes (catalogue.hpp: accept).
#include <cmath>

#include "patient/catalogue.hpp"
#include "units/compare.hpp"
#include "units/parse.hpp"

namespace lb::patient {

namespace {

bool takes_unit(FieldKind k) { return k == FieldKind::quantity || k == FieldKind::lab; }

bool same_size(std::string_view unit, std::string_view other) {
  const auto a = units::parse_quantity("1 " + std::string(unit));
  const auto b = units::parse_quantity("1 " + std::string(other));
  if (!a || !b || a.value->dimension != b.value->dimension) return false;
  return std::fabs(a.value->si_value - b.value->si_value) <=
         units::kRelativeTolerance * std::fabs(b.value->si_value);
}

}  // namespace

Accepted accept(const Field& f, const units::ParsedQuantity& q) {
  using units::Dimension;
  const auto value = [&](double si) {
    return Accepted{units::AnyQuantity::from_si(si, q.dimension), Refusal::none};
  };
  if (q.unit.empty()) {
    const bool plain = f.kind == FieldKind::number || f.kind == FieldKind::whole;
    if (q.dimension == Dimension::fraction && (plain || f.units.bare_fraction)) {
      return value(q.si_value);
    }
    return {std::nullopt, Refusal::no_unit};
  }
  if (!takes_unit(f.kind)) return {std::nullopt, Refusal::wrong_dimension};
  const bool dimension_ok = f.kind == FieldKind::lab
                                ? q.dimension == Dimension::mass_concentration ||
                                      q.dimension == Dimension::amount_concentration
                                : q.dimension == f.dimension;
  if (!dimension_ok) return {std::nullopt, Refusal::wrong_dimension};
  double si = q.si_value;
  if (q.unit == "mEq/L") {
    switch (f.units.meq) {
      case MeqRule::refused: return {std::nullopt, Refusal::meq_not_ion};
      case MeqRule::monovalent: break;
      // Calcium is divalent: 1 mEq/L = 0.5 mmol/L (LiverBridge clinical reference §22). The parser
      // read the number as mmol/L, the monovalent meaning.
      case MeqRule::divalent:
        return Accepted{units::AnyQuantity::of(units::calcium_meq_to_mmol(si)), Refusal::none};
    }
  }
  if (f.units.only_usual) {
    bool usual = false;
    for (const auto u : f.units.usual) usual = usual || same_size(q.unit, u);
    if (!usual) return {std::nullopt, Refusal::not_usual};
  }
  return value(si);
}

}  // namespace lb::patient

namespace lb::patient {

FieldValue measured_value(const Field& f, const units::AnyQuantity& q) {
  FieldValue v;
  if (f.kind != FieldKind::lab) {
    v.quantity = q;
    return v;
  }
  if (const auto mass = q.as<units::MassConcentration>()) {
    v.lab.emplace(*f.analyte, *mass);
  } else {
    v.lab.emplace(*f.analyte, q.get<units::AmountConcentration>());
  }
  return v;
}

std::optional<units::AnyQuantity> in_range_dimension(const Field& f, const FieldValue& v) {
  if (!f.range) return std::nullopt;
  if (v.lab) {
    return f.dimension == units::Dimension::mass_concentration
               ? units::AnyQuantity::of(v.lab->mass())
               : units::AnyQuantity::of(v.lab->amount());
  }
  return v.quantity;
}

std::optional<PlausibleRange> range_in_unit(const Field& f, std::string_view unit) {
  if (!f.range) return std::nullopt;
  const PlausibleRange& r = *f.range;
  // One written unit as accept() reads it (calcium mEq/L is 0.5 mmol/L).
  units::AnyQuantity one = units::AnyQuantity::of(units::fraction(1.0));
  if (!unit.empty()) {
    const auto parsed = units::parse_quantity("1 " + std::string(unit));
    if (!parsed) return std::nullopt;
    const Accepted a = accept(f, *parsed.value);
    if (!a.value) return std::nullopt;
    one = *a.value;
  } else if (!r.unit.empty() && !f.units.bare_fraction) {
    return std::nullopt;
  }
  const UnitScale range_scale = unit_scale(r.unit);
  if (one.dimension() == range_scale.dimension &&
      std::fabs(one.si() - range_scale.si_per_unit) <=
          units::kRelativeTolerance * range_scale.si_per_unit) {
    return r;
  }
  // A bound in the written unit: to SI in the range's dimension, across unit systems with
  // the analyte's factor for a lab, then in units of `one`.
  const auto convert = [&](double bound) {
    double si = bound * range_scale.si_per_unit;
    if (one.dimension() != range_scale.dimension) {
      const FieldValue v =
          measured_value(f, units::AnyQuantity::from_si(si, range_scale.dimension));
      if (!v.lab) return std::nan("");
      si = one.dimension() == units::Dimension::mass_concentration
               ? units::AnyQuantity::of(v.lab->mass()).si()
               : units::AnyQuantity::of(v.lab->amount()).si();
    }
    return si / one.si();
  };
  PlausibleRange out = r;
  out.unit = std::string(unit);
  out.hard_min = shown_bound(convert(r.hard_min), false);
  out.hard_max = shown_bound(convert(r.hard_max), true);
  if (r.soft_min) out.soft_min = shown_bound(convert(*r.soft_min), false);
  if (r.soft_max) out.soft_max = shown_bound(convert(*r.soft_max), true);
  if (!std::isfinite(out.hard_min) || !std::isfinite(out.hard_max)) return std::nullopt;
  return out;
}

}  // namespace lb::patient
