// Plasma volume estimators (LiverBridge clinical reference §2.5, §2.6).
#include "volume/plasma_volume.hpp"

#include <string>

#include "text/format.hpp"
#include "volume/detail.hpp"
#include "volume/kernels.hpp"

namespace lb::volume {

namespace {

constexpr const char* kHematocritSource =
    "Winters JL. Plasma exchange: concepts, mechanisms, and an overview of the American Society "
    "for Apheresis guidelines. Hematology Am Soc Hematol Educ Program 2012;2012:7-12; "
    "LiverBridge clinical reference §2.5";
constexpr const char* kKaplanSource =
    "Kaplan AA. A simple and accurate method for prescribing plasma exchange. ASAIO Trans "
    "1990;36(3):M597-9 (unverified default, review locally); LiverBridge clinical reference §2.6";

explain::Input hematocrit_input(units::Fraction hct) {
  const double v = units::in_fraction(hct);
  return explain::quantity_input("Hct (hematocrit)", v, "", detail::decimals_for(v, 2, 4));
}

explain::Derivation pv_derivation(units::Volume pv) {
  explain::Derivation how;
  how.id = "plasma_volume";
  how.label = "Plasma volume";
  how.shown = {units::in_milliliters(pv), "mL", 0};
  return how;
}

}  // namespace

explain::Derived<units::Volume> plasma_volume_from_hematocrit(
    const explain::Derived<units::Volume>& tbv, units::Fraction hematocrit) {
  detail::require_positive(units::in_milliliters(tbv.value), "total blood volume");
  detail::require_hematocrit(hematocrit);
  // PV = TBV × (1 − Hct), Hct as a fraction (LiverBridge clinical reference §2.5).
  const units::Volume pv = kernel::plasma_from_hematocrit(tbv.value, hematocrit);

  explain::Derivation how = pv_derivation(pv);
  how.method = "Total blood volume and hematocrit";
  how.formula = "PV = TBV × (1 − Hct)";
  how.inputs = {
      explain::quantity_input("TBV (total blood volume)", tbv.how.shown.value, tbv.how.shown.unit,
                              tbv.how.shown.decimals, tbv.how.id),
      hematocrit_input(hematocrit),
  };
  how.source = kHematocritSource;
  return {pv, std::move(how)};
}

explain::Derived<units::Volume> kaplan_plasma_volume(units::Mass weight, units::Fraction hematocrit,
                                                     units::VolumePerMass factor) {
  detail::require_weight(weight);
  detail::require_hematocrit(hematocrit);
  detail::require_positive(units::in_ml_per_kg(factor), "Kaplan factor");
  // Kaplan: EPV = 0.065 L/kg × W × (1 − Hct) (LiverBridge clinical reference §2.6, (unverified)).
  const units::Volume pv = kernel::kaplan_plasma(factor, weight, hematocrit);

  const double factor_l_per_kg = units::in_liters(factor * units::kilograms(1));
  const std::string factor_text =
      text::fixed(factor_l_per_kg, detail::decimals_for(factor_l_per_kg, 3, 6));
  explain::Derivation how = pv_derivation(pv);
  how.method = "Kaplan 1990";
  how.formula = "PV = " + factor_text + " × W × (1 − Hct)  (W in kg, PV in L)";
  how.inputs = {
      explain::quantity_input("W (weight)", units::in_kilograms(weight), "kg",
                              detail::weight_decimals(weight)),
      hematocrit_input(hematocrit),
      explain::quantity_input("Kaplan factor", factor_l_per_kg, "L/kg",
                              detail::decimals_for(factor_l_per_kg, 3, 6)),
  };
  how.source = kKaplanSource;
  how.warnings.push_back(
      "The Kaplan formula (" + factor_text +
      " L/kg × W × (1 − Hct)) is an unverified default: review locally; the paper has not "
      "been read; check with a clinician before use");
  return {pv, std::move(how)};
}

}  // namespace lb::volume
