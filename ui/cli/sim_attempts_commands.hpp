// The sub-commands of `liverbridge sim attempts` (stored training attempts, docs/records.md),
// one file each (ui/cli/sim_attempts_<name>_command.cpp).
#pragma once

#include <iosfwd>
#include <string>

#include "cli/commands.hpp"
#include "training/attempt.hpp"

namespace lb::cli {

RegisteredCommand add_sim_attempts_save_command(CLI::App& attempts);
RegisteredCommand add_sim_attempts_list_command(CLI::App& attempts);
RegisteredCommand add_sim_attempts_show_command(CLI::App& attempts);

/// The banner every attempts command prints first: these are simulated runs.
void print_attempts_banner(std::ostream& out);

/// "1 h 05 min" for a simulated duration.
std::string simulated_duration(std::int64_t seconds);

/// The trainee labels as stored, escaped, joined by ", " ("none" when there are none).
std::string trainee_list(const training::AttemptSummary& a);

}  // namespace lb::cli
