// `liverbridge import --fhir FILE`: a FHIR R4 Bundle of lab Observations read into a patient
// file. An Observation is taken by its LOINC code (the rows of codes.hpp, both unit systems
// of a lab) with a UCUM unit the patient format accepts for that field (patient::accept
// decides, as for every reader). Unknown codes are reported and left out; a known code whose
// unit is missing, unknown or of the wrong kind is an error: nothing is guessed. Every
// problem names the file and the JSON pointer of the value.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lb::fhir {

struct ImportProblem {
  bool error = true;    ///< false: a note (an unknown code left out)
  std::string pointer;  ///< JSON pointer: "/entry/3/resource/valueQuantity/code"
  std::string message;
};

struct ImportResult {
  std::string yaml;                     ///< the patient file (written only when no errors)
  std::vector<ImportProblem> problems;  ///< in bundle order
  /// Required fields of the patient format the bundle did not give (diagnosis, ...): the
  /// file needs them before it can be planned with.
  std::vector<std::string> missing;
  [[nodiscard]] bool has_errors() const;
};

/// `patient_id` replaces or supplies the id (a hospital bundle carries record numbers, which
/// are never used as the pseudonymous id); "" takes the id from a LiverBridge identifier.
ImportResult import_bundle(std::string_view json_text, std::string_view patient_id = "");

/// "FILE: /entry/3/resource/code: error: unknown ..."
std::string format_problem(const std::string& file, const ImportProblem& p);

}  // namespace lb::fhir
