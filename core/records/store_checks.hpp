// Checks shared by the parts of the store (store_*.cpp): internal to core/records, not part of
// Store's interface. Every text that is stored and later printed passes check_one_line.
#pragma once

#include <string>

namespace lb::records::detail {

/// Text that is stored and later printed (ids, names, reasons, values): valid UTF-8 on one
/// line without control characters, so that no record can forge an audit line or act on
/// the terminal of whoever lists it. Throws InputError naming `what`.
void check_one_line(const std::string& what, const std::string& value);
/// Who is recording: required, one line.
void check_actor(const std::string& actor);

}  // namespace lb::records::detail
