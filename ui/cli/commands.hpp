// The command-line interface: sub-commands over the core library.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace lb::cli {

struct PlanOptions {
  std::string patient;
  std::string protocol;  ///< file path or bundled protocol id
  std::string format = "text";
  std::string protocols_dir;
  /// RULE_ID=reason, one per --override (relative eligibility rules only).
  std::vector<std::string> overrides;
};

struct ScoreOptions {
  std::string patient;
  std::string format = "text";
};

struct ValidateOptions {
  std::vector<std::string> files;
  std::string kind = "auto";
};

/// Each returns the process exit code; results go to `out`, diagnostics to `err`.
int run_plan(const PlanOptions& options, std::ostream& out, std::ostream& err);
int run_validate(const ValidateOptions& options, std::ostream& out, std::ostream& err);
int run_score(const ScoreOptions& options, std::ostream& out, std::ostream& err);
int run_protocols(const std::string& protocols_dir, std::ostream& out, std::ostream& err);

/// Directory of bundled protocols: the option if given, else
/// $LIVERBRIDGE_PROTOCOLS_DIR, else the directory compiled in.
std::string protocols_directory(const std::string& option);

/// Parses argv and runs the chosen sub-command.
int run_command_line(int argc, char** argv);

}  // namespace lb::cli
