#include "bridge/inputs.hpp"

namespace lb::bridge {

using units::Analyte;
using units::Dimension;

const std::vector<InputSpec>& input_specs() {
  // Scores are compared on their unrounded value (never rounded across a threshold); the
  // labs keep the unit they were entered in and convert through the analyte's molar mass.
  static const std::vector<InputSpec> kSpecs = {
      {"inr", "INR", Dimension::fraction, std::nullopt, false},
      {"factor_v", "Factor V", Dimension::fraction, std::nullopt, false},
      {"pta", "Prothrombin activity", Dimension::fraction, std::nullopt, false},
      {"bilirubin", "Total bilirubin", Dimension::amount_concentration, Analyte::bilirubin, false},
      {"creatinine", "Creatinine", Dimension::amount_concentration, Analyte::creatinine, false},
      {"lactate", "Lactate", Dimension::amount_concentration, Analyte::lactate, false},
      {"phosphate", "Phosphate", Dimension::amount_concentration, Analyte::phosphate, false},
      {"ammonia", "Ammonia", Dimension::amount_concentration, Analyte::ammonia, false},
      {"arterial_ph", "Arterial pH", Dimension::fraction, std::nullopt, false},
      {"he_grade", "Hepatic encephalopathy grade (West Haven)", Dimension::fraction, std::nullopt,
       false},
      {"age", "Age", Dimension::time, std::nullopt, false},
      {"jaundice_to_encephalopathy", "Jaundice to encephalopathy", Dimension::time, std::nullopt,
       false},
      {"kcc_unfavourable_etiology",
       "Etiology non-A non-B (indeterminate), halothane or idiosyncratic drug reaction",
       Dimension::fraction, std::nullopt, true},
      {"sepsis", "Sepsis", Dimension::fraction, std::nullopt, true},
      {"meld", "MELD (unrounded)", Dimension::fraction, std::nullopt, false},
      {"ukeld", "UKELD (unrounded)", Dimension::fraction, std::nullopt, false},
      {"child_pugh", "Child-Pugh score", Dimension::fraction, std::nullopt, false},
      {"aarc", "AARC score", Dimension::fraction, std::nullopt, false},
      {"clif_c_of", "CLIF-C OF", Dimension::fraction, std::nullopt, false},
      {"clif_c_aclf", "CLIF-C ACLF (unrounded)", Dimension::fraction, std::nullopt, false},
      {"organ_failures", "Organ failures (EASL-CLIF)", Dimension::fraction, std::nullopt, false},
      {"sessions_given", "Sessions recorded", Dimension::fraction, std::nullopt, false},
      {"tbrr", "Bilirubin rebound (TBRR)", Dimension::fraction, std::nullopt, false},
      {"bilirubin_change", "Bilirubin change since the first value", Dimension::fraction,
       std::nullopt, false},
      {"inr_change", "INR change since the first value", Dimension::fraction, std::nullopt, false},
      {"pta_change", "Prothrombin activity change since the first value", Dimension::fraction,
       std::nullopt, false},
      {"ammonia_change", "Ammonia change since the first value", Dimension::fraction, std::nullopt,
       false},
      {"he_grade_change", "Encephalopathy grade change since the first value", Dimension::fraction,
       std::nullopt, false},
  };
  return kSpecs;
}

const InputSpec* find_input(std::string_view key) {
  for (const auto& s : input_specs()) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

std::vector<std::string> input_keys() {
  std::vector<std::string> out;
  for (const auto& s : input_specs()) out.emplace_back(s.key);
  return out;
}

}  // namespace lb::bridge
