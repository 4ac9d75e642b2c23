// The patient fields an eligibility rule may name ("labs.platelets",
// "clinical.active_bleeding"), each with its kind, dimension and a typed
// accessor. The same table validates rules when a protocol is read (unknown
// field, wrong dimension, impossible bound) and reads the patient when rules
// are evaluated, so the two can never disagree.
// Lives with the patient (inputs tier): the protocol reader validates rules
// against it and the eligibility engine reads patients through it.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "patient/patient.hpp"
#include "units/dimension.hpp"
#include "units/lab_conversions.hpp"

namespace lb::eligibility {

enum class FieldKind {
  quantity,  ///< one dimension (platelets, PaO2/FiO2): bounds parsed with it
  lab,       ///< an analyte in either unit system (bilirubin mg/dL or µmol/L)
  number,    ///< a plain number (INR, pH, HE grade)
  boolean,   ///< true/false (active bleeding)
  word,      ///< one of a fixed set of words (diagnosis, sex)
};

/// One value read from a patient: `si` for quantity/number, `lab` for labs,
/// `flag` for booleans, `word` for words. `note` explains an inferred value
/// (e.g. a norepinephrine dose of 0 when no vasopressor runs).
struct FieldValue {
  double si = 0.0;
  std::optional<units::LabConcentration> lab;
  bool flag = false;
  std::string_view word;
  std::string_view note;
};

struct FieldSpec {
  std::string_view name;  ///< dotted name as in the patient file: "labs.platelets"
  FieldKind kind = FieldKind::quantity;
  /// quantity: the dimension; lab: the dimension of `display_unit`.
  units::Dimension dimension = units::Dimension::fraction;
  units::Analyte analyte = units::Analyte::bilirubin;  ///< lab only
  std::string_view display_unit;                       ///< unit for messages ("" plain)
  std::span<const std::string_view> words;             ///< word only: the allowed words
  /// Integer-valued plain numbers (HE grade) accept only whole-number bounds.
  bool whole = false;
  /// The patient's value, or nullopt when it is missing.
  std::optional<FieldValue> (*read)(const patient::Patient&) = nullptr;
};

/// Every field, in the order of the patient file.
std::span<const FieldSpec> field_registry();
/// The field with this dotted name, or nullptr.
const FieldSpec* find_field(std::string_view name);
/// Names of all fields (for did-you-mean suggestions and documentation).
std::vector<std::string> field_names();

}  // namespace lb::eligibility
