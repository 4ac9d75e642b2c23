// `liverbridge sim validate FILE...`: checks scenarios (with their patient and protocol) and
// action scripts; every problem at file:line:col, exit 0 when all are valid, else 2.
#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>

#include "cli/exit_codes.hpp"
#include "cli/sim_commands.hpp"
#include "cli/sim_common.hpp"
#include "io/atomic_write.hpp"

namespace lb::cli {

namespace {

struct SimValidateOptions {
  std::vector<std::string> files;
  std::string protocols_dir;
};

bool is_script(const std::string& path) {
  try {
    return io::read_file(path).find(sim::scenario::kScriptSchema) != std::string::npos;
  } catch (const std::exception&) {
    return false;  // the loader reports the unreadable file
  }
}

int run_sim_validate(const SimValidateOptions& o, std::ostream& out, std::ostream& err) {
  bool all_ok = true;
  for (const auto& f : o.files) {
    diag::Diagnostics d;
    if (is_script(f)) {
      d = sim::scenario::load_script_file(f).diagnostics;
    } else {
      const auto load = sim::scenario::load_scenario_file(f);
      d = load.scenario ? sim::run::prepare(load, protocols_directory(o.protocols_dir)).diagnostics
                        : load.diagnostics;
    }
    print_diagnostics(d, err);
    const bool ok = !d.has_errors();
    all_ok = all_ok && ok;
    out << f << ": " << (ok ? "valid" : "invalid") << "\n";
  }
  return all_ok ? kExitOk : kExitBadInput;
}

}  // namespace

RegisteredCommand add_sim_validate_command(CLI::App& sim) {
  auto o = std::make_shared<SimValidateOptions>();
  auto* cmd = sim.add_subcommand(
      "validate", "Check scenario and action-script files; exit 0 when all are valid, else 2");
  cmd->add_option("files", o->files, "Scenario or action-script files")->required();
  cmd->add_option("--protocols-dir", o->protocols_dir, "Directory searched for protocol ids");
  return {cmd,
          [o](std::ostream& out, std::ostream& err) { return run_sim_validate(*o, out, err); }};
}

}  // namespace lb::cli
