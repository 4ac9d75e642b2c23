// libFuzzer target: a cohort CSV through the streaming reader, header included.
// The first byte chooses whether a valid header is put in front, so that the
// rows are reached without the fuzzer having to find a header first.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const bool with_header = (data[0] & 1U) != 0;
  lb::hostile::drive_cohort(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1),
                            with_header, lb::fuzz::abort_on_violation());
  return 0;
}
