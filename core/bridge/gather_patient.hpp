// Observations from one patient file: labs as entered, clinical values, and the scores the
// planner computes from them (unrounded). Part of bridge/gather.cpp.
#pragma once

#include <string>
#include <vector>

#include "bridge/observation.hpp"
#include "patient/patient.hpp"
#include "protocol/score_settings.hpp"
#include "scores/score_result.hpp"

namespace lb::bridge::detail {

/// Every observation `p` supports, all with the same time, tag and source; `entered` reads
/// the text a lab was written as ("4.2 mg/dL") from the file.
std::vector<Observation> patient_observations(const patient::Patient& p,
                                              const scores::ScoreSettings& settings,
                                              const std::string& patient_text,
                                              const Observation& stamp);

/// The score observations (unrounded MELD, UKELD, Child-Pugh, AARC, CLIF-C OF and ACLF,
/// organ failures) of a computed score set, all with the stamp's time, tag and source.
std::vector<Observation> score_observations(const scores::ScoreSet& set, const Observation& stamp);

}  // namespace lb::bridge::detail
