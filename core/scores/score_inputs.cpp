#include "scores/score_inputs.hpp"

#include <cmath>

namespace lb::scores {

ScoreInputs score_inputs(const patient::Patient& p) {
  ScoreInputs in;
  in.sex = p.sex;
  in.age = p.age;
  in.etiology = p.etiology;
  in.diagnosis = p.diagnosis;
  in.bilirubin = p.labs.bilirubin;
  in.creatinine = p.labs.creatinine;
  in.lactate = p.labs.lactate;
  in.phosphate = p.labs.phosphate;
  in.glucose = p.labs.glucose;
  in.inr = p.labs.inr;
  in.sodium = p.labs.sodium;
  in.albumin = p.labs.albumin;
  in.wbc = p.labs.wbc;
  in.pta = p.labs.pta;
  in.factor_v = p.labs.factor_v;
  in.arterial_ph = p.labs.arterial_ph;
  in.he_grade = p.clinical.hepatic_encephalopathy_grade;
  in.ascites = p.clinical.ascites;
  in.vasopressors = p.clinical.vasopressors;
  in.map = p.clinical.mean_arterial_pressure;
  in.pao2_fio2 = p.clinical.pao2_fio2;
  in.mechanical_ventilation = p.clinical.mechanical_ventilation;
  in.on_dialysis = p.clinical.on_dialysis;
  in.dialysis_sessions_last_week = p.clinical.dialysis_sessions_last_week;
  in.cvvhd_24h_last_week = p.clinical.cvvhd_24h_last_week;
  in.jaundice_to_encephalopathy = p.clinical.jaundice_to_encephalopathy;
  return in;
}

double round_half_up(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  const double scaled = value * scale;
  const double nudge = 1e-9 * std::fmax(1.0, std::fabs(scaled));
  return std::floor(scaled + 0.5 + nudge) / scale;
}

}  // namespace lb::scores
