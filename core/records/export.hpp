// A patient's records for other tools: JSON with everything (plans with their
// input texts, sessions, labs, the audit trail) or CSV with one row per
// session (SI values plus the text as entered, so a spreadsheet can compute
// and a reader can check what was typed).
#pragma once

#include <string>

#include "records/store.hpp"

namespace lb::records {

/// Throws InputError for an unknown patient.
std::string export_json(Store& store, const PatientId& patient);
std::string export_csv(Store& store, const PatientId& patient);

/// RFC 4180 field: quoted when it holds a comma, quote or line break; a leading
/// = + - @ is prefixed with ' so spreadsheets do not run it as a formula.
std::string csv_field(const std::string& value);

}  // namespace lb::records
