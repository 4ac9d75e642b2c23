// The sub-commands of `liverbridge sim`, one file each (ui/cli/sim_<name>_command.cpp).
#pragma once

#include "cli/commands.hpp"

namespace lb::cli {

RegisteredCommand add_sim_run_command(CLI::App& sim);
RegisteredCommand add_sim_verify_command(CLI::App& sim);
RegisteredCommand add_sim_validate_command(CLI::App& sim);
RegisteredCommand add_sim_list_command(CLI::App& sim);
RegisteredCommand add_sim_debrief_command(CLI::App& sim);

}  // namespace lb::cli
