// libFuzzer target: patient YAML through the loader, then scores and a plan under
// four bundled protocols in every output format.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  lb::hostile::drive_patient(std::string_view(reinterpret_cast<const char*>(data), size),
                             lb::fuzz::abort_on_violation());
  return 0;
}
