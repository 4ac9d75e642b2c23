// Person attributes shared by the volume engine, the patient file and the
// protocol (no dependency on either).
#pragma once

#include <string_view>

namespace lb::model {

enum class Sex { male, female };

/// Body build for Gilcher's rule of five.
enum class Build { obese, thin, normal, muscular };

std::string_view to_string(Sex s);
std::string_view to_string(Build b);

}  // namespace lb::model
