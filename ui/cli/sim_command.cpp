// `liverbridge sim`: training simulation (docs/simulation-scenarios.md). The parent command;
// each sub-command is its own file (sim_run, sim_verify, sim_validate, sim_list, sim_debrief).
#include <CLI/CLI.hpp>
#include <memory>

#include "cli/commands.hpp"
#include "cli/sim_commands.hpp"

namespace lb::cli {

RegisteredCommand add_sim_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "sim",
      "Training simulation: run, verify, validate, list and debrief scenarios (training only)");
  cmd->require_subcommand(1);
  auto subs = std::make_shared<std::vector<RegisteredCommand>>();
  subs->push_back(add_sim_run_command(*cmd));
  subs->push_back(add_sim_verify_command(*cmd));
  subs->push_back(add_sim_validate_command(*cmd));
  subs->push_back(add_sim_list_command(*cmd));
  subs->push_back(add_sim_debrief_command(*cmd));
  return {cmd, [subs](std::ostream& out, std::ostream& err) {
            for (const auto& s : *subs) {
              if (*s.command) return s.run(out, err);
            }
            return 2;
          }};
}

}  // namespace lb::cli
