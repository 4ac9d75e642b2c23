// Shared by the `liverbridge sim` sub-commands (ui/cli/sim_*_command.cpp): where the bundled
// scenarios are, how a SCENARIO argument (file or bundled id) is found, and one whole run.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "cli/print_diagnostics.hpp"
#include "sim/run/prepare.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "sim/scenario/script_loader.hpp"

namespace lb::cli {

/// The option if given, else $LIVERBRIDGE_SCENARIOS_DIR, else the program's own scenarios/.
std::string scenarios_directory(const std::string& option);

/// Scenario files (*.yaml directly in `dir`), sorted by name.
std::vector<std::string> scenario_files(const std::string& dir);

/// An existing file path, else the bundled scenario whose id is `ref` (in `dir`), else "".
std::string resolve_scenario(const std::string& ref, const std::string& dir);

struct SimRun {
  std::string timeline;
  std::string trace;
};

/// Loads, prepares and runs a scenario with an optional script; nullopt after printing why.
/// `speed` > 0 paces the run to wall time (sim seconds per wall second); 0 runs unpaced.
std::optional<SimRun> run_scenario(const std::string& scenario_file, const std::string& script_file,
                                   std::uint64_t seed, double speed,
                                   const std::string& protocols_dir, std::ostream& err);

}  // namespace lb::cli
