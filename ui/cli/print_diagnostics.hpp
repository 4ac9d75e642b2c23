// How every sub-command reports a loader's findings: one line each, sorted, file:line:col first.
#pragma once

#include <iosfwd>

#include "diag/diagnostic.hpp"

namespace lb::cli {

/// Prints diagnostics to `err` (sorted by file, line and column; one per line).
void print_diagnostics(const diag::Diagnostics& d, std::ostream& err);

}  // namespace lb::cli
