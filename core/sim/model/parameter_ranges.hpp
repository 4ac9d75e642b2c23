// The valid interval of each physiology parameter (parameter_ranges.cpp), set on the defaults.
#pragma once

#include "sim/model/parameters.hpp"

namespace lb::sim {

void set_valid_ranges(Parameters& p);

}  // namespace lb::sim
