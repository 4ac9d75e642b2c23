// Helpers for the volume-engine tests: tolerance checks that print both
// numbers, and lookups in derivations and limit findings.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <string>
#include <vector>

#include "explain/derivation.hpp"
#include "near.hpp"
#include "volume/exchange_volume.hpp"

namespace lb::testing {

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

/// True when some warning contains `needle`.
inline bool warns(const explain::Derivation& d, const std::string& needle) {
  return std::any_of(d.warnings.begin(), d.warnings.end(),
                     [&](const std::string& w) { return contains(w, needle); });
}

/// The input whose name starts with `prefix`, or nullptr.
inline const explain::Input* input(const explain::Derivation& d, const std::string& prefix) {
  for (const auto& in : d.inputs) {
    if (in.name.rfind(prefix, 0) == 0) return &in;
  }
  return nullptr;
}

inline std::size_t count(const std::vector<volume::LimitFinding>& findings,
                         const std::string& code) {
  return static_cast<std::size_t>(
      std::count_if(findings.begin(), findings.end(),
                    [&](const volume::LimitFinding& f) { return f.code == code; }));
}

inline const volume::LimitFinding* find(const std::vector<volume::LimitFinding>& findings,
                                        const std::string& code) {
  for (const auto& f : findings) {
    if (f.code == code) return &f;
  }
  return nullptr;
}

}  // namespace lb::testing
