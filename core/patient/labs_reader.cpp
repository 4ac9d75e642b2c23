#include "patient/labs_reader.hpp"

#include "patient/field_reader.hpp"

namespace lb::patient {

namespace {
using units::Analyte;
using units::Dimension;
using yaml::Need;
}  // namespace

Labs read_labs(yaml::MapReader& r) {
  Labs labs;
  if (!r.valid()) return labs;

  // Analytes reported in either unit system; the value keeps the one entered.
  labs.bilirubin = read_lab(r, "bilirubin", Analyte::bilirubin, "mg/dL or \u00b5mol/L");
  labs.creatinine = read_lab(r, "creatinine", Analyte::creatinine, "mg/dL or \u00b5mol/L");
  labs.ammonia = read_lab(r, "ammonia", Analyte::ammonia, "\u00b5mol/L or \u00b5g/dL");
  labs.lactate = read_lab(r, "lactate", Analyte::lactate, "mmol/L or mg/dL");
  labs.ionized_calcium = read_lab(r, "ionized_calcium", Analyte::calcium, "mmol/L or mg/dL");
  labs.total_calcium = read_lab(r, "total_calcium", Analyte::calcium, "mmol/L or mg/dL");
  labs.glucose = read_lab(r, "glucose", Analyte::glucose, "mmol/L or mg/dL");
  labs.phosphate = read_lab(r, "phosphate", Analyte::phosphate, "mmol/L or mg/dL");

  if (const auto inr = read_plain_checked(r, "inr", Need::optional)) {
    labs.inr = units::fraction(*inr);
  }

  // Monovalent ions: mmol/L (= mEq/L).
  labs.sodium = read_checked<units::AmountConcentration>(r, "sodium", Need::optional,
                                                         Dimension::amount_concentration);
  labs.potassium = read_checked<units::AmountConcentration>(r, "potassium", Need::optional,
                                                            Dimension::amount_concentration);
  labs.bicarbonate = read_checked<units::AmountConcentration>(r, "bicarbonate", Need::optional,
                                                              Dimension::amount_concentration);

  // Proteins: mass concentration only (g/dL, g/L, mg/dL).
  labs.albumin = read_checked<units::MassConcentration>(r, "albumin", Need::optional,
                                                        Dimension::mass_concentration);
  labs.fibrinogen = read_checked<units::MassConcentration>(r, "fibrinogen", Need::optional,
                                                           Dimension::mass_concentration);
  labs.igg = read_checked<units::MassConcentration>(r, "igg", Need::optional,
                                                    Dimension::mass_concentration);

  // Cell counts: 10^9/L (= 10^3/µL).
  labs.platelets = read_checked<units::CellConcentration>(r, "platelets", Need::optional,
                                                          Dimension::cell_concentration);
  labs.wbc = read_checked<units::CellConcentration>(r, "wbc", Need::optional,
                                                    Dimension::cell_concentration);

  // Activities in % (a bare number is refused: 0.4 and 40 would both be guesses).
  labs.pta = read_checked<units::Fraction>(r, "pta", Need::optional, Dimension::fraction);
  labs.factor_v = read_checked<units::Fraction>(r, "factor_v", Need::optional, Dimension::fraction);

  if (const auto ph = read_plain_checked(r, "arterial_ph", Need::optional)) {
    labs.arterial_ph = units::fraction(*ph);
  }

  r.finish();
  return labs;
}

}  // namespace lb::patient
