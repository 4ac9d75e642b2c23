// Crash-safe file replacement: write a temp file in the same directory, fsync
// it, rename it over the target, fsync the directory. A reader sees either
// the old file or the new one, never a torn write. What LiverBridge writes
// (exports, printable plans, calendars, patient files) is patient data: files
// are 0600 and new directories 0700, whatever the umask or the old file's mode.
#pragma once

#include <string>
#include <string_view>

namespace lb::io {

/// Throws std::system_error on failure; the previous file is then untouched
/// and no temp file is left behind. The file is readable by its owner only
/// (0600), also when it replaces a file that was readable by others.
void atomic_write(const std::string& path, std::string_view content);

/// Creates `dir` and its missing parents with mode 0700 (owner only); existing
/// directories are left as they are. Throws std::system_error on failure.
void create_private_directories(const std::string& dir);

/// Reads a whole file; throws std::system_error when it cannot.
std::string read_file(const std::string& path);

}  // namespace lb::io
