#include "kinetics/solute_value.hpp"

#include "units/compare.hpp"
#include "units/lab_conversions.hpp"

namespace lb::kinetics {

namespace {

std::optional<units::Analyte> analyte_of(Solute s) {
  if (s == Solute::bilirubin) return units::Analyte::bilirubin;
  if (s == Solute::ammonia) return units::Analyte::ammonia;
  return std::nullopt;
}

std::optional<LabValue> from_lab(const std::optional<units::LabConcentration>& c) {
  if (!c) return std::nullopt;
  if (c->entered_as_mass()) return LabValue{c->mass()};
  return LabValue{c->amount()};
}

template <class Q>
std::optional<LabValue> wrap(const std::optional<Q>& q) {
  if (!q) return std::nullopt;
  return LabValue{*q};
}

units::LabConcentration to_lab(units::Analyte a, const LabValue& v) {
  if (const auto* m = std::get_if<units::MassConcentration>(&v)) return {a, *m};
  return {a, std::get<units::AmountConcentration>(v)};
}

}  // namespace

std::optional<LabValue> baseline_of(const patient::Patient& patient, Solute s) {
  const auto& l = patient.labs;
  switch (s) {
    case Solute::bilirubin: return from_lab(l.bilirubin);
    case Solute::ammonia: return from_lab(l.ammonia);
    case Solute::inr: return wrap(l.inr);
    case Solute::factor_v: return wrap(l.factor_v);
    case Solute::pta: return wrap(l.pta);
    case Solute::albumin: return wrap(l.albumin);
    case Solute::fibrinogen: return wrap(l.fibrinogen);
    case Solute::igg: return wrap(l.igg);
    default: break;  // not a predicted solute
  }
  return std::nullopt;
}

void set_lab(patient::Patient& patient, Solute s, const LabValue& v) {
  auto& l = patient.labs;
  const auto* fraction = std::get_if<units::Fraction>(&v);
  const auto* mass = std::get_if<units::MassConcentration>(&v);
  switch (s) {
    case Solute::bilirubin: l.bilirubin = to_lab(units::Analyte::bilirubin, v); break;
    case Solute::ammonia: l.ammonia = to_lab(units::Analyte::ammonia, v); break;
    case Solute::inr:
      if (fraction) l.inr = *fraction;
      break;
    case Solute::factor_v:
      if (fraction) l.factor_v = *fraction;
      break;
    case Solute::pta:
      if (fraction) l.pta = *fraction;
      break;
    case Solute::albumin:
      if (mass) l.albumin = *mass;
      break;
    case Solute::fibrinogen:
      if (mass) l.fibrinogen = *mass;
      break;
    case Solute::igg:
      if (mass) l.igg = *mass;
      break;
    default: break;  // not a predicted solute
  }
}

std::optional<LabValue> in_form_of(Solute s, const LabValue& v, const LabValue& like) {
  if (v.index() == like.index()) return v;
  const auto analyte = analyte_of(s);
  if (!analyte) return std::nullopt;
  if (const auto* m = std::get_if<units::MassConcentration>(&v)) {
    if (std::holds_alternative<units::AmountConcentration>(like)) {
      return LabValue{units::to_amount(*analyte, *m)};
    }
  }
  if (const auto* a = std::get_if<units::AmountConcentration>(&v)) {
    if (std::holds_alternative<units::MassConcentration>(like)) {
      return LabValue{units::to_mass(*analyte, *a)};
    }
  }
  return std::nullopt;
}

explain::Shown shown(Solute s, const LabValue& v) {
  if (const auto* f = std::get_if<units::Fraction>(&v)) {
    if (s == Solute::inr) return {units::in_fraction(*f), "", 2};
    return {units::in_percent(*f), "%", 0};
  }
  if (const auto* a = std::get_if<units::AmountConcentration>(&v)) {
    return {units::in_umol_per_l(*a), "µmol/L", 0};
  }
  const auto m = std::get<units::MassConcentration>(v);
  switch (s) {
    case Solute::bilirubin: return {units::in_mg_per_dl(m), "mg/dL", 1};
    case Solute::ammonia: return {units::in_ug_per_dl(m), "µg/dL", 0};
    case Solute::fibrinogen: return {units::in_g_per_l(m), "g/L", 2};
    default: return {units::in_g_per_l(m), "g/L", 1};
  }
}

bool at_most(const LabValue& a, const LabValue& b) {
  if (a.index() != b.index()) return false;
  return std::visit(
      [&](const auto& x) {
        using Q = std::decay_t<decltype(x)>;
        return units::at_most(x, std::get<Q>(b));
      },
      a);
}

bool at_least(const LabValue& a, const LabValue& b) {
  if (a.index() != b.index()) return false;
  return std::visit(
      [&](const auto& x) {
        using Q = std::decay_t<decltype(x)>;
        return units::at_least(x, std::get<Q>(b));
      },
      a);
}

}  // namespace lb::kinetics
