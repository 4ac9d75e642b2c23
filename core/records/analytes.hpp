// The analytes a session record accepts as pre/post labs, with the dimensions
// each may be written in (the same names and units as the patient file,
// examples/README.md). A fixed list, so that a typo is refused rather than
// stored as a new analyte nobody reviews.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "records/model.hpp"
#include "units/dimension.hpp"

namespace lb::records {

struct AnalyteSpec {
  std::string name;
  std::vector<units::Dimension> dimensions;  ///< empty: a plain number (INR, pH)
  std::string hint;                          ///< units for error messages
};

const std::vector<AnalyteSpec>& analytes();
const AnalyteSpec* find_analyte(std::string_view name);

/// Parses a lab value for `spec`: a quantity in one of its dimensions, or a
/// plain number. Returns the error text when refused.
std::optional<RecordedQuantity> parse_lab_value(const AnalyteSpec& spec, std::string_view text,
                                                std::string& error);

std::string_view dimension_key(units::Dimension d);
std::optional<units::Dimension> dimension_from_key(std::string_view key);

}  // namespace lb::records
