// RFC 4180 CSV, split in the two steps the streaming cohort needs: finding
// where a record ends, done once by the reader, and splitting one record into
// fields, done by the worker that evaluates it. Neither allocates per record:
// fields are views into the record, or into a scratch buffer when a quoted
// field holds doubled quotes. A record is one line: no cohort value may hold a
// line break, and a stray quote must cost its own row only, never the rest of
// the file, so row N is always line N.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lb::cohort::csv {

/// Sentinel returned by record_end when the record is not complete yet.
inline constexpr std::size_t kIncomplete = static_cast<std::size_t>(-1);

/// The offset just past the line break that ends the record starting at
/// `from`, or kIncomplete when `text` ends before one. Quotes do not matter:
/// an unclosed quote is reported by split() for its own line.
std::size_t record_end(std::string_view text, std::size_t from);

/// What a skipped over-long line is reported as.
inline constexpr const char* kTooLongMessage =
    "the line is longer than 64 KiB; not a patient row (skipped to its line break)";

/// The first problem of a record's text, worded for "row N: ...", or "" when
/// it is valid UTF-8 without control characters (tab and the line break
/// excepted), line or paragraph separators, or bidirectional overrides.
std::string text_problem(std::string_view record);

/// True for a record holding nothing but its line break (or spaces).
bool is_blank(std::string_view record);

/// Splits one record (with or without its "\n" / "\r\n") into fields.
/// Unquoted fields are trimmed of spaces and tabs; quoted fields are taken
/// exactly, with "" read as ". Views point into `record` or `scratch`, which
/// is cleared and must outlive them. On malformed quoting returns false and
/// sets `error` (naming the 1-based field number).
bool split(std::string_view record, std::vector<std::string_view>& fields, std::string& scratch,
           std::string& error);

/// Appends `value` as one CSV field, quoted when it holds a comma, a quote or
/// a line break (RFC 4180).
void append_field(std::string& out, std::string_view value);

}  // namespace lb::cohort::csv
