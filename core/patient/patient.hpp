// The patient as read from a patient file. Every physical value is a typed
// quantity; labs keep the unit system they were entered in (LabConcentration)
// so that each score can take them in the unit it is defined in. Optional
// fields are std::optional: a missing value is never silently "normal".
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/person.hpp"
#include "units/lab_conversions.hpp"
#include "units/quantities.hpp"

namespace lb::patient {

enum class Diagnosis { alf, subacute_lf, aclf, chronic_lf, other };
enum class Ascites { none, mild, moderate_severe };
/// Cause of the liver failure, as the scores need it (King's College Criteria
/// choose their branch by it; "indeterminate", "halothane" and "drug_induced"
/// are KCC non-paracetamol minor criteria).
enum class Etiology {
  paracetamol,    ///< acetaminophen
  hav,            ///< hepatitis A
  hbv,            ///< hepatitis B (incl. flare, HDV co-infection)
  hcv,            ///< hepatitis C
  hev,            ///< hepatitis E
  alcohol,        ///< alcohol-associated
  drug_induced,   ///< idiosyncratic drug reaction (not paracetamol)
  halothane,      ///< halothane hepatitis
  autoimmune,     ///< autoimmune hepatitis
  wilson,         ///< Wilson disease
  budd_chiari,    ///< Budd-Chiari syndrome
  ischemic,       ///< ischaemic hepatitis
  pregnancy,      ///< acute fatty liver of pregnancy, HELLP
  mushroom,       ///< Amanita poisoning
  indeterminate,  ///< seronegative, "non-A non-B"
  other,
};

std::string_view to_string(Diagnosis d);
std::string_view to_string(Ascites a);
std::string_view to_string(Etiology e);
/// Every etiology with its file word, in the order documented.
const std::vector<std::pair<std::string, Etiology>>& etiology_words();

struct Labs {
  std::optional<units::LabConcentration> bilirubin;        // mg/dL or µmol/L
  std::optional<units::LabConcentration> creatinine;       // mg/dL or µmol/L
  std::optional<units::LabConcentration> ammonia;          // µg/dL or µmol/L
  std::optional<units::LabConcentration> lactate;          // mmol/L or mg/dL
  std::optional<units::LabConcentration> ionized_calcium;  // mmol/L or mg/dL
  std::optional<units::LabConcentration> total_calcium;    // mmol/L or mg/dL
  std::optional<units::LabConcentration> glucose;          // mmol/L or mg/dL
  std::optional<units::LabConcentration> phosphate;        // mmol/L or mg/dL
  std::optional<units::Fraction> inr;                      // pure number
  std::optional<units::AmountConcentration> sodium;        // mmol/L (= mEq/L)
  std::optional<units::AmountConcentration> potassium;     // mmol/L
  std::optional<units::AmountConcentration> bicarbonate;   // mmol/L
  std::optional<units::MassConcentration> albumin;         // g/dL or g/L
  std::optional<units::MassConcentration> fibrinogen;      // g/L or mg/dL
  std::optional<units::MassConcentration> igg;             // g/L or mg/dL
  std::optional<units::CellConcentration> platelets;       // 10^9/L
  std::optional<units::CellConcentration> wbc;             // 10^9/L
  std::optional<units::Fraction> pta;                      // prothrombin activity, %
  std::optional<units::Fraction> factor_v;                 // % of normal
  std::optional<units::Fraction> arterial_ph;              // pure number
};

struct Clinical {
  std::optional<int> hepatic_encephalopathy_grade;  // West Haven 0–4
  std::optional<Ascites> ascites;
  std::optional<bool> vasopressors;
  std::optional<units::DoseRate> norepinephrine_dose;     // µg/kg/min
  std::optional<units::Pressure> mean_arterial_pressure;  // key "map"
  std::optional<units::Pressure> pao2_fio2;               // mmHg
  std::optional<bool> mechanical_ventilation;
  std::optional<bool> active_bleeding;
  std::optional<bool> dic;
  std::optional<bool> sepsis;
  std::optional<bool> on_dialysis;
  /// Intermittent dialysis sessions in the last 7 days (MELD: two or more set creatinine to 4.0).
  std::optional<int> dialysis_sessions_last_week;
  /// 24 hours of continuous veno-venous haemodialysis (CVVHD) in the last 7 days.
  std::optional<bool> cvvhd_24h_last_week;
  /// Interval from the onset of jaundice to encephalopathy (KCC non-paracetamol: > 7 days).
  std::optional<units::Duration> jaundice_to_encephalopathy;
  std::vector<std::string> allergies;
};

struct Patient {
  std::string id;  ///< pseudonymous
  model::Sex sex = model::Sex::male;
  units::Duration age;
  units::Length height;
  units::Mass weight;
  units::Fraction hematocrit;  ///< as a fraction (0.30)
  Diagnosis diagnosis = Diagnosis::other;
  std::optional<model::Build> build;  ///< only needed by Gilcher's rule of five
  std::optional<Etiology> etiology;   ///< cause of the liver failure (scores)
  Labs labs;
  Clinical clinical;
};

}  // namespace lb::patient
