// The sub-commands of `liverbridge sim`, one file each (ui/cli/sim_<name>_command.cpp).
#pragma once

#include <vector>

#include "cli/commands.hpp"

namespace lb::cli {

RegisteredCommand add_sim_run_command(CLI::App& sim);
RegisteredCommand add_sim_verify_command(CLI::App& sim);
RegisteredCommand add_sim_validate_command(CLI::App& sim);
RegisteredCommand add_sim_list_command(CLI::App& sim);
RegisteredCommand add_sim_debrief_command(CLI::App& sim);
/// `sim attempts save|list|show` (ui/cli/sim_attempts_command.cpp and sim_attempts_*_command.cpp).
RegisteredCommand add_sim_attempts_command(CLI::App& sim);

/// A parent command whose run is the run of the one sub-command chosen.
RegisteredCommand dispatching_command(CLI::App* command, std::vector<RegisteredCommand> subs);

}  // namespace lb::cli
