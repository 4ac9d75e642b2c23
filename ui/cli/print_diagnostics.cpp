#include "cli/print_diagnostics.hpp"

#include <ostream>

namespace lb::cli {

void print_diagnostics(const diag::Diagnostics& d, std::ostream& err) {
  for (const auto& item : d.sorted()) err << diag::format(item) << "\n";
}

}  // namespace lb::cli
