// `liverbridge sim verify`: re-runs the golden runs bundled with the scenarios and compares
// the timelines byte for byte. A golden run is scenarios/golden/<script>.seed-<N>.jsonl: the
// action script scenarios/scripts/<script>.yaml (whose `scenario:` names the scenario) run
// from seed N. --update rewrites the goldens (for a reviewed golden refresh only).
#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>
#include <ostream>
#include <regex>

#include "cli/exit_codes.hpp"
#include "cli/sim_commands.hpp"
#include "cli/sim_common.hpp"
#include "io/atomic_write.hpp"

namespace lb::cli {

namespace {

namespace fs = std::filesystem;

struct SimVerifyOptions {
  std::string dir, protocols_dir;
  bool update = false;
};

/// The first line where two texts differ (1-based), or 0 when equal.
std::size_t first_difference(const std::string& a, const std::string& b) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
    if (a[i] != b[i]) return line;
    if (a[i] == '\n') ++line;
  }
  return a.size() == b.size() ? 0 : line;
}

int run_sim_verify(const SimVerifyOptions& o, std::ostream& out, std::ostream& err) {
  const fs::path dir = scenarios_directory(o.dir);
  const std::regex name(R"(^(.+)\.seed-([0-9]+)\.jsonl$)");
  std::vector<fs::path> goldens;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir / "golden", ec)) goldens.push_back(e.path());
  std::sort(goldens.begin(), goldens.end());
  int runs = 0, failed = 0;
  for (const auto& g : goldens) {
    std::smatch m;
    const std::string file = g.filename().string();
    if (!std::regex_match(file, m, name)) continue;
    const fs::path script = dir / "scripts" / (m[1].str() + ".yaml");
    const auto loaded = sim::scenario::load_script_file(script.string());
    print_diagnostics(loaded.diagnostics, err);
    const std::string scenario =
        loaded.script ? resolve_scenario(loaded.script->scenario, dir.string()) : "";
    ++runs;
    if (scenario.empty()) {
      err << script.string() << ": error: scenario: no bundled scenario for this script\n";
      ++failed;
      continue;
    }
    const auto run = run_scenario(scenario, script.string(), std::stoull(m[2].str()), 0.0,
                                  protocols_directory(o.protocols_dir), err);
    if (!run) {
      ++failed;
      continue;
    }
    if (o.update) {
      io::atomic_write(g.string(), run->timeline);
      out << "updated " << file << "\n";
      continue;
    }
    const std::string expected = io::read_file(g.string());
    const std::size_t diff = first_difference(expected, run->timeline);
    if (diff == 0) {
      out << "ok      " << file << "\n";
    } else {
      out << "DIFFERS " << file << " (first at line " << diff << ")\n";
      ++failed;
    }
  }
  if (runs == 0) {
    err << "liverbridge: sim verify: no golden runs in " << (dir / "golden").string() << "\n";
    return kExitBadInput;
  }
  out << runs - failed << " of " << runs << " golden runs replay identically\n";
  return failed == 0 ? kExitOk : kExitInternal;
}

}  // namespace

RegisteredCommand add_sim_verify_command(CLI::App& sim) {
  auto o = std::make_shared<SimVerifyOptions>();
  auto* cmd = sim.add_subcommand(
      "verify", "Re-run the bundled golden runs and compare their timelines byte for byte");
  cmd->add_option("--dir", o->dir, "Scenarios directory (default: the bundled one)");
  cmd->add_option("--protocols-dir", o->protocols_dir, "Directory searched for protocol ids");
  cmd->add_flag("--update", o->update, "Rewrite the goldens (reviewed golden refresh only)");
  return {cmd, [o](std::ostream& out, std::ostream& err) { return run_sim_verify(*o, out, err); }};
}

}  // namespace lb::cli
