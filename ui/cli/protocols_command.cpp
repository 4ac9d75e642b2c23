#include <cstdlib>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/print_diagnostics.hpp"
#include "gui/data_dirs.hpp"
#include "protocol/protocol_loader.hpp"
#include "text/format.hpp"

namespace lb::cli {

std::string protocols_directory(const std::string& option) {
  if (!option.empty()) return option;
  if (const char* env = std::getenv("LIVERBRIDGE_PROTOCOLS_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  return gui::program_data_dirs().protocols;
}

int run_protocols(const std::string& protocols_dir, std::ostream& out, std::ostream& err) {
  diag::Diagnostics problems;
  const std::string dir = protocols_directory(protocols_dir);
  const auto list = protocol::list_protocols(dir, problems);
  std::size_t id_width = 2;
  std::size_t version_width = 7;
  for (const auto& p : list) {
    id_width = std::max(id_width, text::display_width(p.id));
    version_width = std::max(version_width, text::display_width(p.version));
  }
  out << text::pad_right("ID", id_width + 2) << text::pad_right("VERSION", version_width + 2)
      << "TITLE\n";
  for (const auto& p : list) {
    out << text::pad_right(p.id, id_width + 2) << text::pad_right(p.version, version_width + 2)
        << p.title << "\n";
  }
  print_diagnostics(problems, err);
  if (list.empty()) {
    err << "liverbridge: no protocols found in " << dir << "\n";
    return kExitBadInput;
  }
  return kExitOk;
}

}  // namespace lb::cli
