#include "units/dimension.hpp"

namespace lb::units {

std::string_view dimension_name(Dimension d) {
  switch (d) {
    case Dimension::length: return "length";
    case Dimension::mass: return "mass";
    case Dimension::volume: return "volume";
    case Dimension::time: return "time";
    case Dimension::flow: return "flow rate";
    case Dimension::mass_concentration: return "mass concentration";
    case Dimension::amount_concentration: return "amount concentration";
    case Dimension::cell_concentration: return "cell count per volume";
    case Dimension::volume_per_mass: return "volume per body mass";
    case Dimension::pressure: return "pressure";
    case Dimension::dose_rate: return "dose rate";
    case Dimension::body_mass_index: return "body mass index";
    case Dimension::fraction: return "fraction";
  }
  return "unknown";
}

std::string_view dimension_examples(Dimension d) {
  switch (d) {
    case Dimension::length: return "cm, m, in, ft";
    case Dimension::mass: return "kg, g, lb";
    case Dimension::volume: return "mL, L";
    case Dimension::time: return "min, h, d, years";
    case Dimension::flow: return "mL/min, L/h";
    case Dimension::mass_concentration: return "mg/dL, g/dL, g/L, mg/L, ug/dL";
    case Dimension::amount_concentration: return "umol/L, mmol/L, mEq/L";
    case Dimension::cell_concentration: return "10^9/L, 10^3/uL";
    case Dimension::volume_per_mass: return "mL/kg, L/kg";
    case Dimension::pressure: return "mmHg, kPa";
    case Dimension::dose_rate: return "ug/kg/min, mg/kg/min";
    case Dimension::body_mass_index: return "kg/m2";
    case Dimension::fraction: return "%";
  }
  return "";
}

}  // namespace lb::units
