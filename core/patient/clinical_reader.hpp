// Reads the optional `clinical:` section of a patient file (examples/README.md).
#pragma once

#include "patient/patient.hpp"
#include "yaml/map_reader.hpp"

namespace lb::patient {

/// Reads the clinical state, checks it for contradictions (a norepinephrine
/// dose with `vasopressors: false`) and reports unknown keys. An invalid
/// (absent) reader yields an empty Clinical.
Clinical read_clinical(yaml::MapReader& r);

}  // namespace lb::patient
