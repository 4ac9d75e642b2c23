// Analyte-aware lab conversions between the conventional (mass) and SI (amount)
// unit systems. These are not unit conversions: each needs the analyte's
// conversion factor (a molar mass), so each is an explicit, named function.
// Factors: LiverBridge clinical reference §22 (csmu.edu.tw AMA SI table).
//
// Converted values are rounded to 9 significant digits so that a lab entered in
// one system and compared against a threshold defined in the other lands on the
// correct side (256.5 µmol/L bilirubin is exactly 15 mg/dL, not 14.999999...).
#pragma once

#include <string_view>
#include <variant>

#include "units/analyte.hpp"
#include "units/quantities.hpp"

namespace lb::units {

// Conversion factors (mass unit -> amount unit), per analyte:
//   bilirubin   mg/dL × 17.1 = µmol/L
//   creatinine  mg/dL × 88.4 = µmol/L
//   ammonia     µg/dL (as NH3) × 0.587 = µmol/L
//   calcium (ionised and total)  mg/dL × 0.2495 = mmol/L
//   lactate     mg/dL × 0.111 = mmol/L (MW 90.08 gives 0.1110)
//   glucose     mg/dL × 0.0555 = mmol/L
//   phosphate   mg/dL × 0.3229 = mmol/L (as phosphorus, MW 30.97)
//   citrate     mg/dL × 52.05 = µmol/L

/// Whether the analyte has a molar-mass conversion (the analytes above); only
/// these may be held as a LabConcentration.
bool has_molar_conversion(Analyte a);

/// The molar mass implied by the analyte's published conversion factor, e.g.
/// bilirubin 1 mg/dL = 17.1 µmol/L  ->  584.795 g/mol. Throws
/// std::invalid_argument for an analyte without one (a programming error).
MolarMass conversion_molar_mass(Analyte a);

/// Mass concentration -> amount concentration for the analyte (rounded to 9
/// significant digits).
AmountConcentration to_amount(Analyte a, MassConcentration c);
/// Amount concentration -> mass concentration for the analyte (rounded to 9
/// significant digits).
MassConcentration to_mass(Analyte a, AmountConcentration c);

// Named shorthands, one per analyte the scores need.
AmountConcentration bilirubin_to_umol(MassConcentration c);
MassConcentration bilirubin_to_mg_dl(AmountConcentration c);
AmountConcentration creatinine_to_umol(MassConcentration c);
MassConcentration creatinine_to_mg_dl(AmountConcentration c);

/// Ionised calcium: mEq/L × 0.5 = mmol/L (calcium is divalent). The parser reads
/// "mEq/L" as mmol/L for monovalent ions, so calcium entered in mEq/L must go
/// through this function instead.
AmountConcentration calcium_meq_to_mmol(double meq_per_l);

/// Rounds to `digits` significant decimal digits (used after conversions).
double round_significant(double v, int digits);

/// A lab value as the clinician entered it, in either unit system, for one
/// analyte. Both views are available; the one not entered is converted.
class LabConcentration {
 public:
  LabConcentration(Analyte analyte, MassConcentration entered);
  LabConcentration(Analyte analyte, AmountConcentration entered);

  [[nodiscard]] Analyte analyte() const { return analyte_; }
  [[nodiscard]] MassConcentration mass() const;
  [[nodiscard]] AmountConcentration amount() const;
  /// True when the value was entered as a mass concentration (mg/dL, g/L...).
  [[nodiscard]] bool entered_as_mass() const {
    return std::holds_alternative<MassConcentration>(entered_);
  }

 private:
  Analyte analyte_;
  std::variant<MassConcentration, AmountConcentration> entered_;
};

}  // namespace lb::units
