#include <ostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "validate/validate_file.hpp"

namespace lb::cli {

int run_validate(const ValidateOptions& options, std::ostream& out, std::ostream& err) {
  // The option is checked against auto|patient|protocol by the command line.
  const validate::FileKind forced =
      validate::parse_file_kind(options.kind).value_or(validate::FileKind::unknown);

  bool all_ok = true;
  for (const auto& file : options.files) {
    const auto v = validate::validate_file(file, forced);
    for (const auto& d : v.diagnostics.sorted()) err << diag::format(d) << "\n";
    const auto errors = v.diagnostics.count(diag::Severity::error);
    const auto warnings = v.diagnostics.count(diag::Severity::warning);
    if (v.ok()) {
      out << file << ": ok (" << validate::to_string(v.kind) << " file";
      if (warnings > 0) out << ", " << warnings << " warning" << (warnings == 1 ? "" : "s");
      out << ")\n";
    } else {
      all_ok = false;
      out << file << ": INVALID (" << errors << " error" << (errors == 1 ? "" : "s") << ")\n";
    }
  }
  return all_ok ? kExitOk : kExitBadInput;
}

}  // namespace lb::cli
