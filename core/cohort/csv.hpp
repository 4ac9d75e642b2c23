// RFC 4180 CSV, split in the two steps the streaming cohort needs: finding
// where a record ends (a quoted field may hold commas, quotes and line
// breaks), done once by the reader, and splitting one record into fields,
// done by the worker that evaluates it. Neither allocates per record: fields
// are views into the record, or into a scratch buffer when a quoted field
// holds doubled quotes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lb::cohort::csv {

/// Sentinel returned by record_end when the record is not complete yet.
inline constexpr std::size_t kIncomplete = static_cast<std::size_t>(-1);

/// The offset just past the line break that ends the record starting at
/// `from` (quote-aware), or kIncomplete when `text` ends inside it.
std::size_t record_end(std::string_view text, std::size_t from);

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
