// `liverbridge sim attempts save|list|show`: training attempts kept in the records database, in
// their own tables (docs/records.md, "Training attempts"); never among real patients.
#include <CLI/CLI.hpp>
#include <ostream>

#include "cli/sim_attempts_commands.hpp"
#include "cli/sim_commands.hpp"
#include "text/utf8.hpp"

namespace lb::cli {

void print_attempts_banner(std::ostream& out) {
  out << "Training simulation - not for clinical decision making. Simulated attempts, not "
         "patient records.\n";
}

std::string simulated_duration(std::int64_t seconds) {
  const std::int64_t minutes = seconds / 60;
  const std::string mm = std::to_string(minutes % 60);
  return minutes >= 60
             ? std::to_string(minutes / 60) + " h " + (mm.size() < 2 ? "0" : "") + mm + " min"
             : mm + " min";
}

std::string trainee_list(const training::AttemptSummary& a) {
  std::string out;
  for (const auto& t : a.trainees) out += (out.empty() ? "" : ", ") + text::escaped(t);
  return out.empty() ? "none" : out;
}

RegisteredCommand add_sim_attempts_command(CLI::App& sim) {
  auto* cmd = sim.add_subcommand(
      "attempts",
      "Stored training attempts (records database, own tables): save a run, list, show");
  return dispatching_command(
      cmd, {add_sim_attempts_save_command(*cmd), add_sim_attempts_list_command(*cmd),
            add_sim_attempts_show_command(*cmd)});
}

}  // namespace lb::cli
