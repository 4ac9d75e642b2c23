// Reads the optional `labs:` section of a patient file (examples/README.md).
#pragma once

#include "patient/patient.hpp"
#include "yaml/map_reader.hpp"

namespace lb::patient {

/// Reads every lab the reader's mapping holds and reports unknown keys.
/// An invalid (absent) reader yields empty Labs.
Labs read_labs(yaml::MapReader& r);

}  // namespace lb::patient
