// Helpers shared by the protocol tests: a minimal valid protocol and
// diagnostic matchers.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "diag/diagnostic.hpp"
#include "protocol/protocol_loader.hpp"

namespace lb::testing {

/// A minimal valid protocol; `exchange` replaces the exchange section and
/// `extra` is appended at the end of the file.
inline std::string minimal_protocol(const std::string& exchange =
                                        "exchange:\n"
                                        "  rule: plasma_volumes\n"
                                        "  amount: 1.5\n"
                                        "  source: src1\n",
                                    const std::string& extra = "") {
  return "schema_version: 1\n"              // line 1
         "id: test-protocol\n"              // line 2
         "version: \"1.0.0\"\n"             // line 3
         "title: Test protocol\n"           // line 4
         "sources:\n"                       // line 5
         "  - id: src1\n"                   // line 6
         "    citation: \"Source one.\"\n"  // line 7
         "indications: [alf]\n" +           // line 8
         exchange +                         // from line 9
         extra;
}

inline std::string all_diagnostics(const diag::Diagnostics& d) {
  std::string all;
  for (const auto& item : d.items()) all += "  " + diag::format(item) + "\n";
  return all;
}

/// An error whose formatted text contains `text` (and, when line > 0, at line:col).
inline bool has_error(const diag::Diagnostics& d, const std::string& text, int line = 0,
                      int column = 0) {
  for (const auto& item : d.items()) {
    if (item.severity != diag::Severity::error) continue;
    if (line > 0 && (item.where.line != line || item.where.column != column)) continue;
    if (diag::format(item).find(text) != std::string::npos) return true;
  }
  return false;
}

inline bool has_warning(const diag::Diagnostics& d, const std::string& text) {
  for (const auto& item : d.items()) {
    if (item.severity == diag::Severity::warning &&
        diag::format(item).find(text) != std::string::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace lb::testing
