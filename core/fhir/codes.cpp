// The code tables (codes.hpp). Every LOINC row was checked against published LOINC
// listings; docs/fhir.md marks the rows that could not be confirmed and why a code was
// chosen where LOINC offers several (specimen, method).
#include "fhir/codes.hpp"

#include <algorithm>
#include <array>

namespace lb::fhir {

namespace {
using D = units::Dimension;

// Labs with two unit systems have two rows: LOINC codes mass ("mCnc") and molar ("sCnc")
// concentration separately, and a value is sent with the code of the system it was
// entered in, so the receiving system does not convert it.
constexpr std::array<FieldCode, 33> kFieldCodes = {{
    {"age", D::time, "30525-0", "Age"},
    {"height", D::length, "8302-2", "Body height"},
    {"weight", D::mass, "29463-7", "Body weight"},
    {"hematocrit", D::fraction, "4544-3",
     "Hematocrit [Volume Fraction] of Blood by Automated count"},
    {"labs.bilirubin", D::mass_concentration, "1975-2",
     "Bilirubin.total [Mass/volume] in Serum or Plasma"},
    {"labs.bilirubin", D::amount_concentration, "14631-6",
     "Bilirubin.total [Moles/volume] in Serum or Plasma"},
    {"labs.creatinine", D::mass_concentration, "2160-0",
     "Creatinine [Mass/volume] in Serum or Plasma"},
    {"labs.creatinine", D::amount_concentration, "14682-9",
     "Creatinine [Moles/volume] in Serum or Plasma"},
    {"labs.ammonia", D::mass_concentration, "22763-7", "Ammonia [Mass/volume] in Plasma"},
    {"labs.ammonia", D::amount_concentration, "16362-6", "Ammonia [Moles/volume] in Plasma"},
    {"labs.lactate", D::mass_concentration, "14118-4", "Lactate [Mass/volume] in Serum or Plasma"},
    {"labs.lactate", D::amount_concentration, "2524-7",
     "Lactate [Moles/volume] in Serum or Plasma"},
    {"labs.ionized_calcium", D::mass_concentration, "17863-2",
     "Calcium.ionized [Mass/volume] in Serum or Plasma"},
    {"labs.ionized_calcium", D::amount_concentration, "1994-3",
     "Calcium.ionized [Moles/volume] in Blood"},
    {"labs.total_calcium", D::mass_concentration, "17861-6",
     "Calcium [Mass/volume] in Serum or Plasma"},
    {"labs.total_calcium", D::amount_concentration, "2000-8",
     "Calcium [Moles/volume] in Serum or Plasma"},
    {"labs.glucose", D::mass_concentration, "2345-7", "Glucose [Mass/volume] in Serum or Plasma"},
    {"labs.glucose", D::amount_concentration, "14749-6",
     "Glucose [Moles/volume] in Serum or Plasma"},
    {"labs.phosphate", D::mass_concentration, "2777-1",
     "Phosphate [Mass/volume] in Serum or Plasma"},
    {"labs.phosphate", D::amount_concentration, "14879-1",
     "Phosphate [Moles/volume] in Serum or Plasma"},
    {"labs.inr", D::fraction, "6301-6", "INR in Platelet poor plasma by Coagulation assay",
     "{INR}"},
    {"labs.sodium", D::amount_concentration, "2951-2", "Sodium [Moles/volume] in Serum or Plasma"},
    {"labs.potassium", D::amount_concentration, "2823-3",
     "Potassium [Moles/volume] in Serum or Plasma"},
    {"labs.bicarbonate", D::amount_concentration, "1963-8",
     "Bicarbonate [Moles/volume] in Serum or Plasma"},
    {"labs.albumin", D::mass_concentration, "1751-7", "Albumin [Mass/volume] in Serum or Plasma"},
    {"labs.fibrinogen", D::mass_concentration, "3255-7",
     "Fibrinogen [Mass/volume] in Platelet poor plasma by Coagulation assay"},
    {"labs.igg", D::mass_concentration, "2465-3", "IgG [Mass/volume] in Serum or Plasma"},
    {"labs.platelets", D::cell_concentration, "777-3",
     "Platelets [#/volume] in Blood by Automated count"},
    {"labs.wbc", D::cell_concentration, "6690-2",
     "Leukocytes [#/volume] in Blood by Automated count"},
    {"labs.pta", D::fraction, "5894-1", "Prothrombin time (PT) actual/Normal"},
    {"labs.factor_v", D::fraction, "3193-0",
     "Coagulation factor V activity actual/normal in Platelet poor plasma by Coagulation assay"},
    {"labs.arterial_ph", D::fraction, "2744-1", "pH of Arterial blood", "[pH]"},
    // Not labs of the catalogue's `labs:` section but sent as measurements all the same.
    {"clinical.map", D::pressure, "8478-0", "Mean blood pressure"},
}};

// LOINC has no code this program could confirm for these scores (docs/fhir.md): every
// score is sent in the project's code system, the score's stable key as its code.
constexpr std::array<ScoreCode, 12> kScoreCodes = {{
    {"meld", kScoreSystem, "meld", "MELD"},
    {"meld_na", kScoreSystem, "meld_na", "MELD-Na"},
    {"meld_3", kScoreSystem, "meld_3", "MELD 3.0"},
    {"ukeld", kScoreSystem, "ukeld", "UKELD"},
    {"child_pugh", kScoreSystem, "child_pugh", "Child-Pugh score"},
    {"kings_college", kScoreSystem, "kings_college", "King's College criteria"},
    {"clichy", kScoreSystem, "clichy", "Clichy criteria"},
    {"clif_c_of", kScoreSystem, "clif_c_of", "CLIF-C organ failure score"},
    {"clif_c_aclf", kScoreSystem, "clif_c_aclf", "CLIF-C ACLF score"},
    {"clif_c_ad", kScoreSystem, "clif_c_ad", "CLIF-C AD score"},
    {"aarc", kScoreSystem, "aarc", "AARC-ACLF score"},
    {"china_lf_stage", kScoreSystem, "china_lf_stage", "Liver failure stage (Chinese guideline)"},
}};

constexpr std::array<UnitSpelling, 26> kUnits = {{
    {"mg/dL", "mg/dL"},
    {"\u00b5mol/L", "umol/L"},
    {"\u00b5g/dL", "ug/dL"},
    {"mmol/L", "mmol/L"},
    {"mEq/L", "meq/L"},
    {"g/dL", "g/dL"},
    {"g/L", "g/L"},
    {"10^9/L", "10*9/L"},
    {"10^3/\u00b5L", "10*3/uL"},
    {"%", "%"},
    {"kg", "kg"},
    {"g", "g"},
    {"lb", "[lb_av]"},
    {"cm", "cm"},
    {"m", "m"},
    {"in", "[in_i]"},
    {"ft", "[ft_i]"},
    {"years", "a"},
    {"days", "d"},
    {"h", "h"},
    {"min", "min"},
    {"mL", "mL"},
    {"L", "L"},
    {"mL/min", "mL/min"},
    {"mmHg", "mm[Hg]"},
    {"kPa", "kPa"},
}};
}  // namespace

std::span<const FieldCode> field_codes() { return kFieldCodes; }

const FieldCode* code_for(std::string_view field, units::Dimension d) {
  const auto it = std::find_if(kFieldCodes.begin(), kFieldCodes.end(), [&](const FieldCode& c) {
    return c.field == field && c.dimension == d;
  });
  return it == kFieldCodes.end() ? nullptr : &*it;
}

const FieldCode* code_of_loinc(std::string_view loinc) {
  const auto it = std::find_if(kFieldCodes.begin(), kFieldCodes.end(),
                               [&](const FieldCode& c) { return c.loinc == loinc; });
  return it == kFieldCodes.end() ? nullptr : &*it;
}

std::span<const ScoreCode> score_codes() { return kScoreCodes; }

const ScoreCode* score_code(std::string_view key) {
  const auto it = std::find_if(kScoreCodes.begin(), kScoreCodes.end(),
                               [&](const ScoreCode& c) { return c.key == key; });
  return it == kScoreCodes.end() ? nullptr : &*it;
}

ProcedureCode plasma_exchange_code() {
  // SNOMED CT "Plasmapheresis (procedure)"; docs/fhir.md says how far it was confirmed.
  return {kSnomed, "11401008", "Plasmapheresis"};
}

std::span<const UnitSpelling> unit_spellings() { return kUnits; }

std::optional<std::string_view> ucum_of(std::string_view liverbridge_unit) {
  for (const auto& u : kUnits) {
    if (u.liverbridge == liverbridge_unit) return u.ucum;
  }
  return std::nullopt;
}

std::optional<std::string_view> liverbridge_unit_of(std::string_view ucum) {
  for (const auto& u : kUnits) {
    if (u.ucum == ucum) return u.liverbridge;
  }
  return std::nullopt;
}

}  // namespace lb::fhir
