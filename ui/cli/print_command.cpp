// `liverbridge print --patient ID --out FILE`: the printable plan and course
// record as a self-contained HTML page (open it in a browser and print on A4).
// The page is built from the stored plan JSON and the session records
// (core/print/printable.hpp), so it shows what was approved, not a re-run.
#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <system_error>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "io/atomic_write.hpp"
#include "print/printable.hpp"
#include "records/review.hpp"
#include "records/store.hpp"

namespace lb::cli {

RegisteredCommand add_print_command(CLI::App& app) {
  struct Options {
    std::string db, patient, out;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "print", "Write the printable plan and course summary (self-contained HTML) for a patient");
  cmd->add_option("--patient", o->patient, "Pseudonymous patient id")->required();
  cmd->add_option("--out", o->out, "HTML file to write (atomically)")->required();
  cmd->add_option("--db", o->db,
                  "Records database (default: $XDG_DATA_HOME/liverbridge/records.db)");
  return {cmd, [o](std::ostream& out, std::ostream& err) {
            return guarded_records_run("print", err, [&] {
              records::Store store(records_database(o->db));
              const records::PatientId patient(o->patient);
              const auto course = records::review_course(store, patient);
              std::string html;
              try {
                html = report::render_printable_html(course, store.sessions_for(patient));
              } catch (const std::invalid_argument& e) {
                err << "liverbridge: print: " << e.what() << "\n";
                return kExitBadInput;
              }
              try {
                io::atomic_write(o->out, html);
              } catch (const std::system_error& e) {
                err << "liverbridge: print: cannot write " << o->out << ": " << e.what() << "\n";
                return kExitBadInput;
              }
              out << "wrote " << o->out << "\n";
              return kExitOk;
            });
          }};
}

}  // namespace lb::cli
