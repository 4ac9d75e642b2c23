// Text that comes from outside (files, command lines, databases) must be valid
// UTF-8 before it is stored or printed: JSON output refuses anything else, and
// a terminal obeys the control characters hidden in it (ESC[2J clears the
// screen; a newline in a reason forges an audit line). These are the checks
// and the escaping every loader and printer shares.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace lb::text {

/// Byte offset of the first byte that does not begin a well-formed UTF-8
/// sequence (stray continuation bytes, overlong forms, surrogates, code points
/// above U+10FFFF, truncated sequences), or nullopt when all of `s` is valid.
std::optional<std::size_t> invalid_utf8_at(std::string_view s);

/// Where a character is refused in one-line text (ids, names, reasons) and, with
/// `allow_line_breaks`, in free text: C0 controls (tab and, when allowed, line
/// feed excepted), DEL, C1 controls, U+2028/U+2029 (line and paragraph
/// separators) and the bidirectional overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069), which reorder what a reader sees. `s` must be valid UTF-8.
struct Refused {
  std::size_t offset = 0;  ///< byte offset of the character
  char32_t code_point = 0;
};
std::optional<Refused> refused_character_at(std::string_view s, bool allow_line_breaks);

/// "U+001B", "U+2028": how a refused character is named in messages.
std::string code_point_name(char32_t c);

/// The 1-based line and column (in bytes, as yaml-cpp counts) of `offset`.
struct LineColumn {
  int line = 1;
  int column = 1;
};
LineColumn line_column(std::string_view s, std::size_t offset);

/// `s` safe to print on a terminal or in a report: invalid bytes become
/// "\xNN", refused characters "\u{...}"-style escapes ("\x1b", "\u2028");
/// line feeds are kept only with `keep_line_breaks`, tabs always.
std::string escaped(std::string_view s, bool keep_line_breaks = false);

/// A serialised JSON document (valid UTF-8) with every refused character inside its strings
/// written as a JSON escape ("\u007f", "\u2028"): JSON allows DEL, the C1 controls, the
/// separators and the bidirectional overrides raw, and a terminal or viewer obeys them. Line
/// feeds and tabs between tokens stay (JSON writers escape those inside strings). Text written
/// before the loaders refused such characters can still reach an export.
std::string printable_json(std::string_view json);

/// The first problem of untrusted one-line text (a command-line value that is
/// stored), worded for a message after its name ("contains ..."), or "" when
/// the text is fine.
std::string one_line_problem(std::string_view s);

}  // namespace lb::text
