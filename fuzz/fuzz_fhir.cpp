// libFuzzer target: `liverbridge import --fhir`, a FHIR R4 Bundle (JSON) read into a
// patient file, which is then loaded and scored (tests/unit/hostile/hostile_drive.hpp).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  lb::hostile::drive_fhir_import(std::string_view(reinterpret_cast<const char*>(data), size),
                                 lb::fuzz::abort_on_violation());
  return 0;
}
