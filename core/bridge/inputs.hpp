// The inputs a bridge rule may compare: measured labs (named as in the patient file),
// clinical values, scores computed from measured values, and course figures. One table, so
// the rule reader refuses an input nobody gathers (with a "did you mean").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "units/analyte.hpp"
#include "units/dimension.hpp"

namespace lb::bridge {

struct InputSpec {
  std::string_view key;    ///< "creatinine", "clif_c_aclf"
  std::string_view label;  ///< "Creatinine", "CLIF-C ACLF"
  units::Dimension dimension = units::Dimension::fraction;
  /// A lab whose threshold may be written in the other unit system (mg/dL vs µmol/L).
  std::optional<units::Analyte> analyte;
  bool flag = false;  ///< yes/no (1 or 0): thresholds are written "true"/"false"
};

const std::vector<InputSpec>& input_specs();
const InputSpec* find_input(std::string_view key);
std::vector<std::string> input_keys();

}  // namespace lb::bridge
