// `liverbridge sim`: training simulation (docs/simulation-scenarios.md). The parent command;
// each sub-command is its own file (sim_run, sim_verify, sim_validate, sim_list, sim_attempts,
// sim_debrief).
#include <CLI/CLI.hpp>
#include <memory>

#include "cli/commands.hpp"
#include "cli/sim_commands.hpp"

namespace lb::cli {

RegisteredCommand dispatching_command(CLI::App* command, std::vector<RegisteredCommand> subs) {
  command->require_subcommand(1);
  auto shared = std::make_shared<std::vector<RegisteredCommand>>(std::move(subs));
  return {command, [shared](std::ostream& out, std::ostream& err) {
            for (const auto& s : *shared) {
              if (*s.command) return s.run(out, err);
            }
            return 2;
          }};
}

RegisteredCommand add_sim_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("sim",
                                 "Training simulation: run, verify, validate, list and debrief "
                                 "scenarios, store attempts (training only)");
  return dispatching_command(cmd, {add_sim_run_command(*cmd), add_sim_verify_command(*cmd),
                                   add_sim_validate_command(*cmd), add_sim_list_command(*cmd),
                                   add_sim_attempts_command(*cmd), add_sim_debrief_command(*cmd)});
}

}  // namespace lb::cli
