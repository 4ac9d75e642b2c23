// Validates a LiverBridge input file of either kind, telling patient files
// from protocol files by their keys, and returns every diagnostic.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostic.hpp"
#include "text/enum_names.hpp"

namespace lb::validate {

enum class FileKind { patient, protocol, unknown };
/// One table for both: to_string gives "patient", "protocol", "unknown"; parse
/// reads those and the command line's "auto" (= unknown: detect by the keys).
inline constexpr auto kFileKindNames = text::enum_names<FileKind>({
    {FileKind::patient, "patient"},
    {FileKind::protocol, "protocol"},
    {FileKind::unknown, "unknown"},
});
static_assert(kFileKindNames.unique());
std::string_view to_string(FileKind k);
std::optional<FileKind> parse_file_kind(std::string_view word);

struct Validation {
  FileKind kind = FileKind::unknown;
  diag::Diagnostics diagnostics;
  [[nodiscard]] bool ok() const { return !diagnostics.has_errors(); }
};

/// `forced` other than unknown skips detection.
Validation validate_file(const std::string& path, FileKind forced = FileKind::unknown);

}  // namespace lb::validate
