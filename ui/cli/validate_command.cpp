#include <ostream>

#include "bridge/context.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/print_diagnostics.hpp"
#include "io/atomic_write.hpp"
#include "validate/validate_file.hpp"

namespace lb::cli {

int run_validate(const ValidateOptions& options, std::ostream& out, std::ostream& err) {
  // The option is checked against auto|patient|protocol by the command line.
  const validate::FileKind forced =
      validate::parse_file_kind(options.kind).value_or(validate::FileKind::unknown);

  bool all_ok = true;
  for (const auto& file : options.files) {
    auto v = validate::validate_file(file, forced);
    if (v.kind == validate::FileKind::patient) {
      // The `bridge:` section is read by the bridge view, not the patient loader (it needs the
      // records' time parser); a file that validates must be one the bridge view reads too.
      try {
        const auto context = bridge::read_patient_context(io::read_file(file), file);
        for (const auto& d : context.diagnostics.items()) v.diagnostics.add(d);
      } catch (const std::exception&) {
        // Unreadable: validate_file has already said so.
      }
    }
    print_diagnostics(v.diagnostics, err);
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
