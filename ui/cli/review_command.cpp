// `liverbridge review --patient ID`: planned vs actual per session, observed
// vs predicted labs, plan reproducibility and a next-session model estimate.
#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "records/review.hpp"
#include "records/review_render.hpp"
#include "records/store.hpp"

namespace lb::cli {

RegisteredCommand add_review_command(CLI::App& app) {
  struct Options {
    std::string db, patient, format = "text";
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("review",
                                 "Review a patient's course: planned vs actual, labs, "
                                 "next-session model estimate");
  cmd->add_option("--patient", o->patient, "Pseudonymous patient id")->required();
  cmd->add_option("--format", o->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "markdown"}))
      ->capture_default_str();
  cmd->add_option("--db", o->db,
                  "Records database (default: $XDG_DATA_HOME/liverbridge/records.db)");
  return {cmd, [o](std::ostream& out, std::ostream& err) {
            return guarded_records_run("review", err, [&] {
              records::Store store(records_database(o->db));
              const auto review = records::review_course(store, records::PatientId(o->patient));
              if (o->format == "json") {
                out << records::review_json(review).dump(2) << "\n";
              } else if (o->format == "markdown") {
                out << records::render_review_markdown(review);
              } else {
                out << records::render_review_text(review);
              }
              // A broken audit chain means the records were altered outside LiverBridge: the
              // review is shown, but a script must not take it as a clean result.
              return review.audit_chain_problem.empty() ? kExitOk : kExitBadInput;
            });
          }};
}

}  // namespace lb::cli
