#include "cli/sim_common.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <ostream>
#include <thread>

#include "gui/data_dirs.hpp"
#include "sim/run/pacing.hpp"
#include "sim/run/runner.hpp"

namespace lb::cli {

namespace fs = std::filesystem;

std::string scenarios_directory(const std::string& option) {
  if (!option.empty()) return option;
  if (const char* env = std::getenv("LIVERBRIDGE_SCENARIOS_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  return gui::program_data_dirs().scenarios;
}

std::vector<std::string> scenario_files(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.is_regular_file() && e.path().extension() == ".yaml") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string resolve_scenario(const std::string& ref, const std::string& dir) {
  std::error_code ec;
  if (fs::is_regular_file(ref, ec)) return ref;
  for (const auto& f : scenario_files(dir)) {
    const auto load = sim::scenario::load_scenario_file(f);
    if (load.scenario && load.scenario->id == ref) return f;
  }
  return "";
}

std::optional<SimRun> run_scenario(const std::string& scenario_file, const std::string& script_file,
                                   std::uint64_t seed, double speed,
                                   const std::string& protocols_dir, std::ostream& err) {
  const auto load = sim::scenario::load_scenario_file(scenario_file);
  const auto prep = sim::run::prepare(load, protocols_dir);
  print_diagnostics(prep.diagnostics, err);
  if (!prep.prepared) return std::nullopt;
  sim::run::RunOptions options;
  options.seed = seed;
  if (!script_file.empty()) {
    auto script = sim::scenario::load_script_file(script_file);
    print_diagnostics(script.diagnostics, err);
    if (!script.script) return std::nullopt;
    if (!script.script->scenario.empty() && script.script->scenario != prep.prepared->scenario.id) {
      err << script_file << ": error: scenario: the script was written for '"
          << script.script->scenario << "', not '" << prep.prepared->scenario.id << "'\n";
      return std::nullopt;
    }
    options.script = std::move(*script.script);
  }
  sim::run::Runner runner(*prep.prepared, std::move(options));
  if (speed > 0.0) {
    // Wall-clock pacing outside the runner: only when steps happen changes, never what they do.
    sim::run::Pacer pacer(speed);
    const auto t0 = std::chrono::steady_clock::now();
    while (!runner.finished()) {
      const double wall =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      const auto target = pacer.target(wall);
      if (runner.now() >= target) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        continue;
      }
      while (!runner.finished() && runner.now() < target) runner.advance();
    }
  } else {
    runner.run_to_end();
  }
  return SimRun{runner.timeline(), runner.trace()};
}

}  // namespace lb::cli
