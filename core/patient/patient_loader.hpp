// Reads a patient YAML file (format: examples/README.md) into a Patient.
// All problems are collected: errors (malformed YAML, unknown keys, missing
// units, implausible values) leave `patient` empty; warnings (borderline
// values) do not.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostic.hpp"
#include "patient/patient.hpp"

namespace lb::patient {

struct PatientLoad {
  std::optional<Patient> patient;  ///< set only when there are no errors
  diag::Diagnostics diagnostics;
};

/// Parses patient YAML text; `file` names it in diagnostics.
PatientLoad parse_patient(std::string_view text, const std::string& file);
/// Reads and parses a patient file.
PatientLoad load_patient_file(const std::string& path);

}  // namespace lb::patient
