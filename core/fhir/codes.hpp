// The code tables of the FHIR R4 export and import: the LOINC code of every patient field
// LiverBridge sends (labs in both unit systems where LOINC tells mass from molar
// concentration), the project's own code system for the scores, the SNOMED CT procedure
// code, and the UCUM spelling of each unit the patient format accepts. docs/fhir.md prints
// the same tables; tests/unit/fhir/ fails when the two disagree or a lab field of the
// catalogue (core/patient/catalogue.hpp) has no row.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "units/dimension.hpp"

namespace lb::fhir {

inline constexpr std::string_view kLoinc = "http://loinc.org";
inline constexpr std::string_view kUcum = "http://unitsofmeasure.org";
inline constexpr std::string_view kSnomed = "http://snomed.info/sct";
// LiverBridge has no public web address: these URIs name its definitions, they are not
// addresses (".example" is reserved, RFC 2606). docs/fhir.md lists them.
inline constexpr std::string_view kPatientIdSystem = "https://liverbridge.example/fhir/patient-id";
inline constexpr std::string_view kScoreSystem =
    "https://liverbridge.example/fhir/CodeSystem/score";
/// The patient file's diagnosis codes ("alf", "aclf", ...) as the code of a Condition: no
/// SNOMED CT or ICD-10 code was confirmed for each of LiverBridge's diagnosis groups.
inline constexpr std::string_view kDiagnosisSystem =
    "https://liverbridge.example/fhir/CodeSystem/diagnosis";
inline constexpr std::string_view kOrderSystem =
    "https://liverbridge.example/fhir/CodeSystem/order";
inline constexpr std::string_view kProtocolSystem = "https://liverbridge.example/fhir/protocol-id";
inline constexpr std::string_view kProtocolHashSystem =
    "https://liverbridge.example/fhir/protocol-sha256";
inline constexpr std::string_view kExtensionBase =
    "https://liverbridge.example/fhir/StructureDefinition/";

/// One LOINC code for a patient field, for values of one dimension.
struct FieldCode {
  std::string_view field;      ///< catalogue key: "labs.bilirubin", "weight"
  units::Dimension dimension;  ///< mass or amount concentration, fraction for plain numbers...
  std::string_view loinc;
  std::string_view display;  ///< LOINC long common name
  /// UCUM unit for a plain number (INR "{INR}", pH "[pH]"); empty for quantities, whose
  /// unit comes from the field's usual units.
  std::string_view plain_unit = {};
};
std::span<const FieldCode> field_codes();
/// The code a field's value of this dimension is sent with, or nullptr.
const FieldCode* code_for(std::string_view field, units::Dimension d);
/// The row of a LOINC code, or nullptr (an unknown code).
const FieldCode* code_of_loinc(std::string_view loinc);

/// A score of scores::ScoreSet, by its stable key, as an Observation code.
struct ScoreCode {
  std::string_view key;  ///< "meld_na"
  std::string_view system;
  std::string_view code;
  std::string_view display;
};
std::span<const ScoreCode> score_codes();
const ScoreCode* score_code(std::string_view key);

/// Therapeutic plasma exchange as a procedure (ServiceRequest and Procedure code).
struct ProcedureCode {
  std::string_view system, code, display;
};
ProcedureCode plasma_exchange_code();

/// A unit as the patient format spells it and as UCUM does.
struct UnitSpelling {
  std::string_view liverbridge;  ///< "µmol/L", "10^9/L", "years"
  std::string_view ucum;         ///< "umol/L", "10*9/L", "a"
};
std::span<const UnitSpelling> unit_spellings();
/// UCUM for a patient-format unit, or nullopt (then the value is not exported).
std::optional<std::string_view> ucum_of(std::string_view liverbridge_unit);
/// The patient-format unit for a UCUM code, or nullopt (an unknown unit, reported).
std::optional<std::string_view> liverbridge_unit_of(std::string_view ucum);

}  // namespace lb::fhir
