// Observations from one patient file: labs as entered, clinical values, and the scores the
// planner computes from them (unrounded). Part of bridge/gather.cpp.
#pragma once

#include <string>
#include <vector>

#include "bridge/observation.hpp"
#include "patient/patient.hpp"
#include "protocol/score_settings.hpp"

namespace lb::bridge::detail {

/// Every observation `p` supports, all with the same time, tag and source; `entered` reads
/// the text a lab was written as ("4.2 mg/dL") from the file.
std::vector<Observation> patient_observations(const patient::Patient& p,
                                              const scores::ScoreSettings& settings,
                                              const std::string& patient_text,
                                              const Observation& stamp);

}  // namespace lb::bridge::detail
