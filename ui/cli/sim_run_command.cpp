// `liverbridge sim run SCENARIO --seed N [--actions SCRIPT] [--speed X] --out timeline.jsonl
// [--trace trace.csv]`: one simulated run, written atomically. --speed paces the run to wall
// time (×1 real time, ×10 ten times faster); the timeline is the same at every speed.
#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>
#include <system_error>

#include "cli/exit_codes.hpp"
#include "cli/sim_commands.hpp"
#include "cli/sim_common.hpp"
#include "io/atomic_write.hpp"

namespace lb::cli {

namespace {

struct SimRunOptions {
  std::string scenario, actions, out, trace, scenarios_dir, protocols_dir;
  std::uint64_t seed = 0;
  double speed = 0.0;
};

int run_sim_run(const SimRunOptions& o, std::ostream& out, std::ostream& err) {
  const std::string file = resolve_scenario(o.scenario, scenarios_directory(o.scenarios_dir));
  if (file.empty()) {
    err << "liverbridge: sim run: no scenario file or bundled scenario id '" << o.scenario
        << "' (liverbridge sim list shows the bundled ones)\n";
    return kExitBadInput;
  }
  const auto run =
      run_scenario(file, o.actions, o.seed, o.speed, protocols_directory(o.protocols_dir), err);
  if (!run) return kExitBadInput;
  try {
    io::atomic_write(o.out, run->timeline);
    if (!o.trace.empty()) io::atomic_write(o.trace, run->trace);
  } catch (const std::system_error& e) {
    err << "liverbridge: sim run: cannot write: " << e.what() << "\n";
    return kExitBadInput;
  }
  out << "Training simulation - not for clinical decision making.\n"
      << "Timeline written to " << o.out << (o.trace.empty() ? "" : " and trace to " + o.trace)
      << "\n";
  return kExitOk;
}

}  // namespace

RegisteredCommand add_sim_run_command(CLI::App& sim) {
  auto o = std::make_shared<SimRunOptions>();
  auto* cmd = sim.add_subcommand("run",
                                 "Run a scenario from a seed, optionally with an action "
                                 "script; write the timeline (JSON Lines) and trace (CSV)");
  cmd->add_option("scenario", o->scenario, "Scenario YAML file or bundled scenario id")->required();
  cmd->add_option("--seed", o->seed, "Seed of the random events and lab noise")->required();
  cmd->add_option("--actions", o->actions, "Action script (YAML, liverbridge.sim-actions/1)");
  cmd->add_option("--speed", o->speed,
                  "Pace the run: simulated seconds per wall second (default: as fast as possible)")
      ->check(CLI::Range(0.0, 100000.0));
  cmd->add_option("--out", o->out, "Timeline file (JSON Lines)")->required();
  cmd->add_option("--trace", o->trace, "Trace file (CSV of the observables)");
  cmd->add_option("--scenarios-dir", o->scenarios_dir, "Directory searched for scenario ids");
  cmd->add_option("--protocols-dir", o->protocols_dir, "Directory searched for protocol ids");
  return {cmd, [o](std::ostream& out, std::ostream& err) { return run_sim_run(*o, out, err); }};
}

}  // namespace lb::cli
