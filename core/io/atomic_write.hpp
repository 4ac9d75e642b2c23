// Crash-safe file replacement: write a temp file in the same directory, fsync
// it, rename it over the target, fsync the directory. A reader sees either
// the old file or the new one, never a torn write.
#pragma once

#include <string>
#include <string_view>

namespace lb::io {

/// Throws std::system_error on failure; the previous file is then untouched
/// and no temp file is left behind.
void atomic_write(const std::string& path, std::string_view content);

/// Reads a whole file; throws std::system_error when it cannot.
std::string read_file(const std::string& path);

}  // namespace lb::io
