// `liverbridge sim list`: the bundled scenarios with their learning objectives.
#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>

#include "cli/exit_codes.hpp"
#include "cli/sim_commands.hpp"
#include "cli/sim_common.hpp"
#include "text/format.hpp"

namespace lb::cli {

namespace {

int run_sim_list(const std::string& dir_option, std::ostream& out, std::ostream& err) {
  const std::string dir = scenarios_directory(dir_option);
  int listed = 0;
  for (const auto& f : scenario_files(dir)) {
    const auto load = sim::scenario::load_scenario_file(f);
    if (!load.scenario) {
      print_diagnostics(load.diagnostics, err);
      continue;
    }
    const auto& s = *load.scenario;
    out << s.id << "  (version " << s.version << ", "
        << text::fixed(static_cast<double>(s.duration_s) / 60.0, s.duration_s % 60 == 0 ? 0 : 1)
        << " min"
        << (s.difficulty ? ", " + std::string(sim::scenario::kDifficultyNames.name(*s.difficulty))
                         : std::string())
        << ")\n  " << s.title << "\n";
    for (const auto& o : s.objectives) out << "    " << o.id << ": " << o.text << "\n";
    ++listed;
  }
  if (listed == 0) {
    err << "liverbridge: no scenarios found in " << dir << "\n";
    return kExitBadInput;
  }
  return kExitOk;
}

}  // namespace

RegisteredCommand add_sim_list_command(CLI::App& sim) {
  auto dir = std::make_shared<std::string>();
  auto* cmd = sim.add_subcommand("list", "List the bundled scenarios with their objectives");
  cmd->add_option("--dir", *dir, "Directory to list instead of the bundled one");
  return {cmd,
          [dir](std::ostream& out, std::ostream& err) { return run_sim_list(*dir, out, err); }};
}

}  // namespace lb::cli
