// The physical dimensions a clinician can write in a LiverBridge file, with
// the names and examples used in error messages.
#pragma once

#include <string_view>

namespace lb::units {

enum class Dimension {
  length,
  mass,
  volume,
  time,
  flow,
  mass_concentration,
  amount_concentration,
  cell_concentration,
  volume_per_mass,
  pressure,
  dose_rate,
  body_mass_index,
  fraction,
};

/// "volume", "mass concentration", ...
std::string_view dimension_name(Dimension d);
/// The units accepted for a dimension, as a hint: "mL, L".
std::string_view dimension_examples(Dimension d);

}  // namespace lb::units
