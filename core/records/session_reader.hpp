// Reads a performed session from YAML (format: docs/records.md) into a
// SessionInput, with every problem as a file:line:col diagnostic: wrong or
// missing units, negative volumes, an end before the start, unknown fluids,
// analytes or adverse events. Nothing is written here: the caller stores the
// session only when there are no errors.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "records/model.hpp"

namespace lb::records {

struct SessionLoad {
  std::optional<SessionInput> session;  ///< set only when there are no errors
  diag::Diagnostics diagnostics;
};

/// Replacement fluids a session may list under `replaced:`.
const std::vector<std::string>& fluid_names();

SessionLoad parse_session(std::string_view text, const std::string& file);
SessionLoad load_session_file(const std::string& path);

}  // namespace lb::records
