// The analytes a session record accepts as pre/post labs: every lab of the
// patient field catalogue (core/patient/catalogue.hpp), with its name and
// accepted units, so a session record takes exactly what the patient file
// takes. A fixed list, so that a typo is refused rather than stored as a new
// analyte nobody reviews.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "patient/catalogue.hpp"
#include "records/model.hpp"
#include "units/analyte.hpp"
#include "units/dimension.hpp"

namespace lb::records {

struct AnalyteSpec {
  std::string name;  ///< the patient file's lab key: "bilirubin"
  units::Analyte analyte = units::Analyte::bilirubin;
  const patient::Field* field = nullptr;  ///< the catalogue row (units, kind)
  std::string hint;                       ///< units for error messages
};

const std::vector<AnalyteSpec>& analytes();
const AnalyteSpec* find_analyte(std::string_view name);
/// How pages name a stored analyte: the catalogue's label ("inr" -> "INR", "bilirubin" ->
/// "Bilirubin"), or the stored name when no field has it (a record written by other software).
std::string analyte_label(std::string_view name);

/// Parses a lab value for `spec`: a quantity in one of the field's units
/// (calcium in mEq/L is stored as mmol/L), or a plain number. Returns the
/// error text when refused.
std::optional<RecordedQuantity> parse_lab_value(const AnalyteSpec& spec, std::string_view text,
                                                std::string& error);

std::string_view dimension_key(units::Dimension d);
std::optional<units::Dimension> dimension_from_key(std::string_view key);

}  // namespace lb::records
