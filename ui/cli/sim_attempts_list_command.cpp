// `liverbridge sim attempts list [--trainee LABEL] [--scenario ID] [--db FILE]`: the stored
// training attempts, oldest first, one line each with the figures kept with them.
#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>

#include "cli/exit_codes.hpp"
#include "cli/sim_attempts_commands.hpp"
#include "text/format.hpp"
#include "text/utf8.hpp"
#include "training/attempt_store.hpp"

namespace lb::cli {

namespace {

struct ListOptions {
  std::string db;
  training::AttemptFilter filter;
};

void print_line(const training::AttemptSummary& a, std::ostream& out) {
  const auto& f = a.figures;
  out << a.id.str() << "  " << text::escaped(a.scenario_id) << " v"
      << text::escaped(a.scenario_version) << "  seed " << a.seed << "  "
      << simulated_duration(f.duration_s) << (f.complete ? "" : " (not finished)")
      << "  trainees: " << trainee_list(a) << "  actions " << f.trainee_actions << ", alarms "
      << f.alarms;
  if (f.objectives_total) {
    out << ", objectives met " << f.objectives_met.value_or(0) << " of " << *f.objectives_total;
  }
  if (f.composite_score) out << ", score " << text::fixed(*f.composite_score, 1);
  if (a.self_rating) out << ", self-rating " << *a.self_rating << " of 5";
  if (a.parent) {
    out << "  retry of " << a.parent->str() << " from " << simulated_duration(*a.branch_at_s);
  }
  out << "  saved " << text::escaped(a.saved_at) << " by " << text::escaped(a.saved_by) << "\n";
}

}  // namespace

RegisteredCommand add_sim_attempts_list_command(CLI::App& attempts) {
  auto o = std::make_shared<ListOptions>();
  auto* cmd = attempts.add_subcommand("list", "List the stored training attempts");
  cmd->add_option("--trainee", o->filter.trainee, "Only the attempts of this trainee label");
  cmd->add_option("--scenario", o->filter.scenario_id, "Only the attempts of this scenario id");
  cmd->add_option("--db", o->db,
                  "Records database (default: $XDG_DATA_HOME/liverbridge/records.db)");
  return {cmd, [o](std::ostream& out, std::ostream& err) {
            return guarded_records_run("sim attempts list", err, [&] {
              training::SqliteAttemptStore store(records_database(o->db));
              const auto list = store.attempts(o->filter);
              print_attempts_banner(out);
              if (list.empty()) out << "No training attempts stored.\n";
              for (const auto& a : list) print_line(a, out);
              return kExitOk;
            });
          }};
}

}  // namespace lb::cli
