// liverbridge cohort: a protocol applied to a CSV of patients (docs/cohort.md).
// Results go to --out (replaced atomically) or stdout; the summary to stdout
// when the results go to a file, else to stderr, so stdout stays one CSV.
#include <fstream>
#include <iostream>
#include <ostream>
#include <system_error>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/print_diagnostics.hpp"
#include "cohort/atomic_output.hpp"
#include "cohort/cohort.hpp"
#include "diag/diagnostic.hpp"
#include "plan/plan_sources.hpp"
#include "protocol/protocol_loader.hpp"

namespace lb::cli {

int run_cohort(const CohortOptions& options, std::ostream& out, std::ostream& err) {
  const auto protocol = plan::prepare_protocol(
      protocol::resolve_protocol(options.protocol, protocols_directory(options.protocols_dir)));
  print_diagnostics(protocol.diagnostics, err);
  if (!protocol.protocol) {
    err << "liverbridge: no cohort run: fix the protocol errors above\n";
    return kExitBadInput;
  }

  std::ifstream file;
  const bool from_stdin = options.patients == "-";
  if (!from_stdin) {
    file.open(options.patients, std::ios::binary);
    if (!file) {
      err << options.patients << ": error: cannot open the patients file\n";
      return kExitBadInput;
    }
  }
  std::istream& in = from_stdin ? std::cin : file;
  const std::string name = from_stdin ? "<stdin>" : options.patients;

  cohort::Options run_options;
  run_options.threads = options.threads;
  run_options.full_plan = options.full_plan;
  run_options.problem_prefix = name + ": ";

  std::optional<cohort::AtomicOutput> results;
  if (!options.out.empty()) {
    try {
      results.emplace(options.out);
    } catch (const std::system_error& e) {
      err << options.out << ": error: " << e.what() << "\n";
      return kExitBadInput;
    }
  }
  std::ostream& sink = results ? results->stream() : out;
  const auto run = cohort::run_cohort(in, sink, err, protocol, run_options);
  if (!run.summary) {
    for (const auto& e : run.header_errors) {
      err << name << ":" << run.header_row << ": error: " << e << "\n";
    }
    err << "liverbridge: no cohort run: fix the header of " << name
        << " (columns: docs/cohort.md)\n";
    return kExitBadInput;
  }
  if (in.bad()) {
    err << name << ": error: reading failed before the end of the file\n";
    return kExitBadInput;
  }
  if (results) {
    try {
      results->commit();
    } catch (const std::system_error& e) {
      err << options.out << ": error: " << e.what() << "\n";
      return kExitBadInput;
    }
  }
  std::ostream& summary_out = results ? out : err;
  summary_out << "protocol " << protocol.protocol->id << " " << protocol.protocol->version << "\n"
              << cohort::summary_text(*run.summary);
  return kExitOk;
}

}  // namespace lb::cli
