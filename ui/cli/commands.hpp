// The command-line interface: sub-commands over the core library.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace CLI {
class App;
}  // namespace CLI

namespace lb::cli {

struct PlanOptions {
  std::string patient;
  std::string protocol;  ///< file path or bundled protocol id
  std::string format = "text";
  std::string protocols_dir;
  /// RULE_ID=reason, one per --override (relative eligibility rules only).
  std::vector<std::string> overrides;
  std::string start;  ///< --start: course start, local wall time "2026-11-25T08:00"
  std::string ics;    ///< --ics: write the course calendar (needs --start)
};

struct ScoreOptions {
  std::string patient;
  std::string format = "text";
};

struct CohortOptions {
  std::string protocol;  ///< file path or bundled protocol id
  std::string patients;  ///< CSV file, "-" for stdin (docs/cohort.md)
  std::string out;       ///< results CSV; "" for stdout
  std::string protocols_dir;
  unsigned threads = 2;
  bool full_plan = false;  ///< every row through plan::build_plan (slow, same numbers)
};

struct ValidateOptions {
  std::vector<std::string> files;
  std::string kind = "auto";
};

/// Each returns the process exit code; results go to `out`, diagnostics to `err`.
int run_plan(const PlanOptions& options, std::ostream& out, std::ostream& err);
int run_validate(const ValidateOptions& options, std::ostream& out, std::ostream& err);
int run_score(const ScoreOptions& options, std::ostream& out, std::ostream& err);
int run_cohort(const CohortOptions& options, std::ostream& out, std::ostream& err);
int run_protocols(const std::string& protocols_dir, std::ostream& out, std::ostream& err);

/// Directory of bundled protocols: the option if given, else
/// $LIVERBRIDGE_PROTOCOLS_DIR, else the program's own (gui/data_dirs.hpp: installed beside
/// the binary, or the source tree for a build-tree binary).
std::string protocols_directory(const std::string& option);

/// Session records: record, review, export, print (ui/cli/<name>_command.cpp). Each adds its
/// sub-command to the app; after parsing, `run` the one whose `command` was chosen.
struct RegisteredCommand {
  CLI::App* command = nullptr;
  std::function<int(std::ostream& out, std::ostream& err)> run;
};
RegisteredCommand add_record_command(CLI::App& app);
RegisteredCommand add_review_command(CLI::App& app);
RegisteredCommand add_export_command(CLI::App& app);
RegisteredCommand add_print_command(CLI::App& app);
/// `liverbridge bridge --patient ID` (ui/cli/bridge_command.cpp).
RegisteredCommand add_bridge_command(CLI::App& app);
/// `liverbridge sim run|verify|validate|list` (ui/cli/sim_command.cpp and sim_*_command.cpp).
RegisteredCommand add_sim_command(CLI::App& app);
/// `liverbridge explain ID` (ui/cli/explain_command.cpp).
RegisteredCommand add_explain_command(CLI::App& app);
/// `liverbridge import --fhir FILE` (ui/cli/import_command.cpp).
RegisteredCommand add_import_command(CLI::App& app);
/// The records database: the --db option if given, else the user's data directory.
std::string records_database(const std::string& option);
/// Runs a records command body; refused input -> message + kExitBadInput, database failure ->
/// message + kExitInternal.
int guarded_records_run(const char* command, std::ostream& err, const std::function<int()>& body);

/// Parses argv and runs the chosen sub-command.
int run_command_line(int argc, char** argv);

}  // namespace lb::cli
