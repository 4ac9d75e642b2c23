// libFuzzer target: the records import paths. The first byte chooses a
// performed-session file (`record session`) or a patient file stored as an
// approved plan (`record plan`); either is stored in a scratch database and
// reviewed and exported in every format.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const bool as_session = (data[0] & 1U) != 0;
  lb::hostile::drive_records(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1),
                             as_session, lb::fuzz::abort_on_violation());
  return 0;
}
