#include "units/lab_conversions.hpp"

#include <cmath>
#include <optional>
#include <stdexcept>
#include <string>

namespace lb::units {

namespace {

/// SI amount per conventional mass unit: e.g. bilirubin 17.1 µmol/L per mg/dL.
struct Factor {
  MassConcentration mass_unit;
  AmountConcentration amount_per_mass_unit;
};

std::optional<Factor> factor(Analyte a) {
  switch (a) {
    case Analyte::bilirubin: return Factor{mg_per_dl(1), umol_per_l(17.1)};
    case Analyte::creatinine: return Factor{mg_per_dl(1), umol_per_l(88.4)};
    case Analyte::ammonia: return Factor{ug_per_dl(1), umol_per_l(0.587)};
    case Analyte::ionized_calcium:
    case Analyte::total_calcium: return Factor{mg_per_dl(1), mmol_per_l(0.2495)};
    case Analyte::lactate: return Factor{mg_per_dl(1), mmol_per_l(0.111)};
    case Analyte::glucose: return Factor{mg_per_dl(1), mmol_per_l(0.0555)};
    case Analyte::phosphate: return Factor{mg_per_dl(1), mmol_per_l(0.3229)};
    case Analyte::citrate: return Factor{mg_per_dl(1), umol_per_l(52.05)};
    default: return std::nullopt;
  }
}

}  // namespace

bool has_molar_conversion(Analyte a) { return factor(a).has_value(); }

double round_significant(double v, int digits) {
  if (v == 0.0 || !std::isfinite(v)) return v;
  const int magnitude = static_cast<int>(std::floor(std::log10(std::fabs(v))));
  const double scale = std::pow(10.0, digits - 1 - magnitude);
  return std::round(v * scale) / scale;
}

MolarMass conversion_molar_mass(Analyte a) {
  const auto f = factor(a);
  if (!f) {
    throw std::invalid_argument("no molar-mass conversion for " + std::string(analyte_name(a)));
  }
  return f->mass_unit / f->amount_per_mass_unit;
}

AmountConcentration to_amount(Analyte a, MassConcentration c) {
  const AmountConcentration exact = c / conversion_molar_mass(a);
  return AmountConcentration::from_value(round_significant(exact.value(), 9));
}

MassConcentration to_mass(Analyte a, AmountConcentration c) {
  const MassConcentration exact = c * conversion_molar_mass(a);
  return MassConcentration::from_value(round_significant(exact.value(), 9));
}

AmountConcentration bilirubin_to_umol(MassConcentration c) {
  return to_amount(Analyte::bilirubin, c);
}
MassConcentration bilirubin_to_mg_dl(AmountConcentration c) {
  return to_mass(Analyte::bilirubin, c);
}
AmountConcentration creatinine_to_umol(MassConcentration c) {
  return to_amount(Analyte::creatinine, c);
}
MassConcentration creatinine_to_mg_dl(AmountConcentration c) {
  return to_mass(Analyte::creatinine, c);
}

AmountConcentration calcium_meq_to_mmol(double meq_per_l) { return mmol_per_l(meq_per_l * 0.5); }

LabConcentration::LabConcentration(Analyte analyte, MassConcentration entered)
    : analyte_(analyte), entered_(entered) {}
LabConcentration::LabConcentration(Analyte analyte, AmountConcentration entered)
    : analyte_(analyte), entered_(entered) {}

MassConcentration LabConcentration::mass() const {
  if (const auto* m = std::get_if<MassConcentration>(&entered_)) return *m;
  return to_mass(analyte_, std::get<AmountConcentration>(entered_));
}

AmountConcentration LabConcentration::amount() const {
  if (const auto* n = std::get_if<AmountConcentration>(&entered_)) return *n;
  return to_amount(analyte_, std::get<MassConcentration>(entered_));
}

}  // namespace lb::units
