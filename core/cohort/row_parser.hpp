// One CSV row -> one patient, with the checks of the patient-file loader:
// numbers must be numbers (std::from_chars, no locale), required values
// present, values inside the hard plausibility range (patient/plausibility),
// words from their list. Values outside the soft range are evaluated as they
// are (the patient loader warns about them; a cohort run has no one to warn).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "cohort/columns.hpp"
#include "patient/patient.hpp"

namespace lb::cohort {

/// Fills `patient` from the row's cells (one per header column). Returns
/// false on the first bad value and sets `error` to "column 'weight[kg]':
/// '7O' is not a number". `patient` is reset first, so one object can be
/// reused for every row (no allocation per row for ids up to 15 bytes).
bool parse_row(const Header& header, std::span<const std::string_view> cells,
               patient::Patient& patient, std::string& error);

}  // namespace lb::cohort
