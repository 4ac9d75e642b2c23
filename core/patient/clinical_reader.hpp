// Reads the optional `clinical:` section of a patient file (examples/README.md).
#pragma once

#include "patient/patient.hpp"
#include "yaml/map_reader.hpp"

namespace lb::patient {

/// Reads the clinical state into `p` (the catalogue's clinical fields and the
/// allergies), checks it for contradictions (a norepinephrine dose with
/// `vasopressors: false`) and reports unknown keys. An invalid (absent) reader
/// leaves the clinical state empty.
void read_clinical(yaml::MapReader& r, Patient& p);

}  // namespace lb::patient
