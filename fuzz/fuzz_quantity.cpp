// libFuzzer target: the "<number> <unit>" parser; an accepted value must be finite.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  lb::hostile::drive_quantity(std::string_view(reinterpret_cast<const char*>(data), size),
                              lb::fuzz::abort_on_violation());
  return 0;
}
