// `liverbridge import --fhir FILE [--out patient.yaml] [--id ID]`: the lab Observations of a
// FHIR R4 Bundle as a patient file (fhir/import.hpp), to stdout or atomically to --out. An
// unknown code is noted and left out; a known lab whose unit cannot be read is an error and
// nothing is written. Required fields the bundle lacks (diagnosis, ...) are listed: the file
// needs them before it can be planned with.
#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>
#include <system_error>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "fhir/import.hpp"
#include "io/atomic_write.hpp"
#include "text/utf8.hpp"

namespace lb::cli {

RegisteredCommand add_import_command(CLI::App& app) {
  struct Options {
    std::string fhir, out, id;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "import", "Read the lab Observations of a FHIR R4 Bundle into a patient file");
  cmd->add_option("--fhir", o->fhir, "FHIR R4 Bundle (JSON) with LOINC-coded lab Observations")
      ->required();
  cmd->add_option("--out", o->out, "Write the patient file here (atomically) instead of stdout");
  cmd->add_option("--id", o->id,
                  "Pseudonymous patient id for the file (a hospital's record number is never "
                  "taken as the id)");
  return {cmd, [o](std::ostream& out, std::ostream& err) {
            if (!o->id.empty()) {
              if (const std::string problem = text::one_line_problem(o->id); !problem.empty()) {
                err << "liverbridge: import: --id: " << problem << "\n";
                return kExitBadInput;
              }
            }
            std::string text;
            try {
              text = io::read_file(o->fhir);
            } catch (const std::exception& e) {
              err << "liverbridge: import: " << e.what() << "\n";  // names the file
              return kExitBadInput;
            }
            const auto result = fhir::import_bundle(text, o->id);
            for (const auto& p : result.problems) err << fhir::format_problem(o->fhir, p) << "\n";
            if (result.has_errors()) {
              err << "liverbridge: import: nothing written: fix the errors above\n";
              return kExitBadInput;
            }
            if (o->out.empty()) {
              out << result.yaml;
            } else {
              try {
                io::atomic_write(o->out, result.yaml);
              } catch (const std::system_error& e) {
                err << "liverbridge: import: cannot write " << o->out << ": " << e.what() << "\n";
                return kExitBadInput;
              }
            }
            for (const auto& key : result.missing) {
              err << "liverbridge: import: the bundle gives no " << key
                  << ": add it to the patient file before planning\n";
            }
            return kExitOk;
          }};
}

}  // namespace lb::cli
