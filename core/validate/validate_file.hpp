// Validates a LiverBridge input file of either kind, telling patient files
// from protocol files by their keys, and returns every diagnostic.
#pragma once

#include <string>

#include "diag/diagnostic.hpp"

namespace lb::validate {

enum class FileKind { patient, protocol, unknown };
std::string_view to_string(FileKind k);

struct Validation {
  FileKind kind = FileKind::unknown;
  diag::Diagnostics diagnostics;
  [[nodiscard]] bool ok() const { return !diagnostics.has_errors(); }
};

/// `forced` other than unknown skips detection.
Validation validate_file(const std::string& path, FileKind forced = FileKind::unknown);

}  // namespace lb::validate
