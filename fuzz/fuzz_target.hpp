// What every libFuzzer target shares: a property violation found by the
// drivers (tests/unit/hostile/hostile_drive.hpp) aborts, so libFuzzer saves the
// input as a crash; uncaught exceptions and sanitizer reports do the same.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#include "hostile_drive.hpp"

namespace lb::fuzz {

inline const hostile::Fail& abort_on_violation() {
  static const hostile::Fail fail = [](const std::string& what) {
    std::fprintf(stderr, "property violated: %s\n", what.c_str());
    std::abort();
  };
  return fail;
}

}  // namespace lb::fuzz
