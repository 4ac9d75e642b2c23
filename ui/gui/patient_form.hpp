// The patient being edited, as text: one entry per key of the patient file
// (examples/README.md), each a value string and the unit chosen beside it.
// The fields are the window's projection of the patient field catalogue
// (core/patient/catalogue.hpp).
// The form is turned into patient YAML and read by the core loader, so the
// GUI validates exactly as `liverbridge validate` does.
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"

namespace lb::gui {

enum class FieldKind {
  text,      ///< id
  quantity,  ///< "<number>" + unit selector
  number,    ///< plain number (INR, pH)
  choice,    ///< one word of `choices` ("" = not given, when optional)
  boolean,   ///< "", "true", "false"
  list,      ///< allergies: unit is the mode ("not recorded", "none known", "listed")
};

struct FieldSpec {
  std::string_view key;      ///< dotted key path as in the file: "weight", "labs.bilirubin"
  std::string_view label;    ///< short label shown in the form
  std::string_view meaning;  ///< tooltip: what the field is
  FieldKind kind = FieldKind::quantity;
  bool required = false;
  std::vector<std::string_view> units;    ///< quantity: selectable units, the first is the default
  std::vector<std::string_view> choices;  ///< choice: allowed words
};

/// Every field, in the order of the patient file.
std::span<const FieldSpec> patient_fields();
const FieldSpec* find_field(std::string_view key);

/// "fraction" stands for a bare number (hematocrit 0.30).
inline constexpr std::string_view kBareFraction = "fraction";
inline constexpr std::string_view kAllergiesUnknown = "not recorded";
inline constexpr std::string_view kAllergiesNone = "none known";
inline constexpr std::string_view kAllergiesListed = "listed";

struct FieldInput {
  std::string value;
  std::string unit;
  bool operator==(const FieldInput&) const = default;
};

struct PatientForm {
  std::map<std::string, FieldInput, std::less<>> fields;  ///< by key; every spec has an entry
  bool operator==(const PatientForm&) const = default;
};

/// A form with every field empty and each unit at its default.
PatientForm empty_form();
/// Patient YAML for the form (empty fields omitted).
std::string form_to_yaml(const PatientForm& form);
/// Fills a form from patient YAML. Values the form cannot hold (a key it does
/// not know, a value that is not a scalar) are reported in `problems`; the
/// rest is still filled so the user can fix the file in the form.
PatientForm form_from_yaml(std::string_view text, const std::string& file,
                           diag::Diagnostics& problems);

/// "70kg" -> {"70", "kg"}; "88 10^9/L" -> {"88", "10^9/L"}; "u"/Greek mu read as µ.
FieldInput split_quantity(std::string_view text);

}  // namespace lb::gui
