// Helpers shared by the score files (internal to core/scores).
#pragma once

#include <string>

#include "patient/plausibility.hpp"
#include "scores/score_inputs.hpp"
#include "scores/score_result.hpp"
#include "units/compare.hpp"

namespace lb::scores::detail {

/// A number as a clinician writes it ("1.5", "0.643", "137").
inline std::string num(double v) { return patient::plain_number(v); }

inline double bilirubin_mg_dl(const units::LabConcentration& c) {
  return units::in_mg_per_dl(c.mass());
}
inline double bilirubin_umol_l(const units::LabConcentration& c) {
  return units::in_umol_per_l(c.amount());
}
inline double creatinine_mg_dl(const units::LabConcentration& c) {
  return units::in_mg_per_dl(c.mass());
}

/// "54 µmol/L (= 3.158 mg/dL)" for a lab entered in µmol/L and used in mg/dL;
/// "2 mg/dL" when entered in mg/dL.
std::string mg_dl_text(const units::LabConcentration& c);
/// The same for a score defined in µmol/L.
std::string umol_l_text(const units::LabConcentration& c);
/// Lactate/phosphate in mmol/L, with the entered value when it was mg/dL.
std::string mmol_l_text(const units::LabConcentration& c);

/// Starts a result with its identity; `missing` etc. are filled by the caller.
ScoreResult start(std::string key, std::string name, std::string version, std::string source);

/// The dialysis rule of MELD and MELD 3.0: two or more dialysis sessions or
/// 24 h of CVVHD in the last week. Empty when it cannot be decided.
struct DialysisRule {
  std::optional<bool> applies;
  std::string note;  ///< how it was decided
};
DialysisRule meld_dialysis_rule(const ScoreInputs& in);

/// Age in whole years for display.
inline std::string years_text(units::Duration age) { return num(units::in_years(age)) + " years"; }

}  // namespace lb::scores::detail
