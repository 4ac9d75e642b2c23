// `liverbridge export --patient ID --format csv|json`: a patient's records for
// other tools, to stdout or atomically to --out FILE.
#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "io/atomic_write.hpp"
#include "records/export.hpp"
#include "records/store.hpp"

namespace lb::cli {

RegisteredCommand add_export_command(CLI::App& app) {
  struct Options {
    std::string db, patient, format = "json", out;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("export", "Export a patient's session records as CSV or JSON");
  cmd->add_option("--patient", o->patient, "Pseudonymous patient id")->required();
  cmd->add_option("--format", o->format, "Output format")
      ->check(CLI::IsMember({"csv", "json"}))
      ->capture_default_str();
  cmd->add_option("--out", o->out, "Write to this file (atomically) instead of stdout");
  cmd->add_option("--db", o->db,
                  "Records database (default: $XDG_DATA_HOME/liverbridge/records.db)");
  return {cmd, [o](std::ostream& out, std::ostream& err) {
            return guarded_records_run("export", err, [&] {
              records::Store store(records_database(o->db));
              const records::PatientId patient(o->patient);
              const std::string text = o->format == "csv" ? records::export_csv(store, patient)
                                                          : records::export_json(store, patient);
              if (o->out.empty()) {
                out << text;
                return kExitOk;
              }
              try {
                io::atomic_write(o->out, text);
              } catch (const std::system_error& e) {
                err << "liverbridge: export: cannot write " << o->out << ": " << e.what() << "\n";
                return kExitBadInput;
              }
              return kExitOk;
            });
          }};
}

}  // namespace lb::cli
