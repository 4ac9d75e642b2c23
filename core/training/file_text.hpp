// Checks shared by the texts of an attempt (timeline, trace, debrief): they come from files a
// user names, are stored and later printed, so they must be UTF-8 lines without control
// characters, each ended by a line feed. Problems are reported at name:line:col.
#pragma once

#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "training/attempt.hpp"

namespace lb::training {

/// Adds an error for an empty text, invalid UTF-8, a refused character (a carriage return, a
/// control character, a bidirectional override) or, for a file of lines
/// (`lines` = true: timeline, trace), a missing final line feed; true when the text passed.
bool check_file_text(const NamedText& t, diag::Diagnostics& d, bool lines = true);

/// The lines of a text that passed check_file_text (without their line feeds).
std::vector<std::string_view> lines_of(std::string_view text);

/// 64 lower-case hex digits (how every SHA-256 is written and stored).
bool is_sha256_hex(std::string_view s);

/// name:line:col as a diagnostic location.
diag::Location at(const NamedText& t, int line, int column = 1);

}  // namespace lb::training
