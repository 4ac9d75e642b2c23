// The unit-typed inputs every score reads, gathered from a patient. Each score
// is a pure function of these; a field that is empty is unknown, and a score
// that needs it lists it as missing instead of assuming a normal value.
#pragma once

#include <optional>

#include "model/person.hpp"
#include "patient/patient.hpp"
#include "units/lab_conversions.hpp"
#include "units/quantities.hpp"

namespace lb::scores {

struct ScoreInputs {
  std::optional<model::Sex> sex;
  std::optional<units::Duration> age;
  std::optional<patient::Etiology> etiology;
  std::optional<patient::Diagnosis> diagnosis;

  std::optional<units::LabConcentration> bilirubin;   ///< total bilirubin
  std::optional<units::LabConcentration> creatinine;  ///< serum creatinine
  std::optional<units::LabConcentration> lactate;
  std::optional<units::LabConcentration> phosphate;
  std::optional<units::LabConcentration> glucose;  ///< MELD-Na: the sodium correction some use
  std::optional<units::Fraction> inr;
  std::optional<units::AmountConcentration> sodium;
  std::optional<units::MassConcentration> albumin;
  std::optional<units::CellConcentration> wbc;
  std::optional<units::Fraction> pta;       ///< prothrombin activity
  std::optional<units::Fraction> factor_v;  ///< % of normal
  std::optional<units::Fraction> arterial_ph;

  std::optional<int> he_grade;  ///< West Haven 0–4
  std::optional<patient::Ascites> ascites;
  std::optional<bool> vasopressors;
  std::optional<units::Pressure> map;
  std::optional<units::Pressure> pao2_fio2;
  std::optional<bool> mechanical_ventilation;
  std::optional<bool> on_dialysis;  ///< renal replacement therapy now
  std::optional<int> dialysis_sessions_last_week;
  std::optional<bool> cvvhd_24h_last_week;
  std::optional<units::Duration> jaundice_to_encephalopathy;
};

ScoreInputs score_inputs(const patient::Patient& p);

/// Decimal round-half-up (LiverBridge clinical reference: "use decimal round-half-up"), after a
/// relative 1e-9 nudge so that 16.65 stored as 16.6499999... rounds to 16.7.
double round_half_up(double value, int decimals = 0);

}  // namespace lb::scores
