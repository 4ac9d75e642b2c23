// Small builders for score inputs in the tests: labs in either unit system.
#pragma once

#include <algorithm>
#include <string>

#include "scores/score_inputs.hpp"
#include "scores/score_result.hpp"
#include "units/lab_conversions.hpp"

namespace lb::testing {

inline units::LabConcentration bili_mg(double v) {
  return {units::Analyte::bilirubin, units::mg_per_dl(v)};
}
inline units::LabConcentration bili_umol(double v) {
  return {units::Analyte::bilirubin, units::umol_per_l(v)};
}
inline units::LabConcentration cr_mg(double v) {
  return {units::Analyte::creatinine, units::mg_per_dl(v)};
}
inline units::LabConcentration cr_umol(double v) {
  return {units::Analyte::creatinine, units::umol_per_l(v)};
}
inline units::LabConcentration lactate_mmol(double v) {
  return {units::Analyte::lactate, units::mmol_per_l(v)};
}
inline units::LabConcentration lactate_mg(double v) {
  return {units::Analyte::lactate, units::mg_per_dl(v)};
}
inline units::LabConcentration phosphate_mmol(double v) {
  return {units::Analyte::phosphate, units::mmol_per_l(v)};
}

/// MELD inputs with no dialysis in the last week.
inline scores::ScoreInputs meld_in(double bili, double inr, double cr) {
  scores::ScoreInputs in;
  in.bilirubin = bili_mg(bili);
  in.inr = units::fraction(inr);
  in.creatinine = cr_mg(cr);
  in.dialysis_sessions_last_week = 0;
  in.cvvhd_24h_last_week = false;
  return in;
}

inline bool lists(const scores::ScoreResult& r, const std::string& key) {
  return std::any_of(r.missing.begin(), r.missing.end(),
                     [&](const std::string& m) { return m.find(key) != std::string::npos; });
}
inline bool bound(const scores::ScoreResult& r, const std::string& text) {
  return std::any_of(r.bounds_applied.begin(), r.bounds_applied.end(),
                     [&](const std::string& m) { return m.find(text) != std::string::npos; });
}

}  // namespace lb::testing
