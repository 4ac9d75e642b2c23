// libFuzzer target: a training scenario (liverbridge.sim/1) or an action script
// (liverbridge.sim-actions/1) through its loader, then on through preparation (the
// planner's pipeline on the scenario's patient and protocol) and a run of the engine
// that writes the timeline and the trace. The first byte chooses: even, a scenario
// (read as scenarios/fuzz.yaml, so it may name the bundled examples and protocols);
// odd, an action script run on the bundled alf-hvp-citrate scenario.
//
// Properties (hostile_drive.hpp): nothing throws; an input that does not load carries
// an error naming the file; whatever loads gives a timeline and a trace that are valid
// UTF-8 with no control character but line feed. The run is cut after kRunSeconds of
// simulated time to keep executions fast: every event, action and alarm path of the
// first half hour is reached.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fuzz_target.hpp"
#include "sim/run/prepare.hpp"
#include "sim/run/runner.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "sim/scenario/script_loader.hpp"

namespace {

constexpr lb::sim::scenario::SimTime kRunSeconds = 1800;

const std::string& scenarios_dir() {
  static const std::string dir = std::string(LB_SOURCE_DIR) + "/scenarios";
  return dir;
}

const std::string& protocols_dir() {
  static const std::string dir = std::string(LB_SOURCE_DIR) + "/protocols";
  return dir;
}

/// The bundled scenario the scripts run on, prepared once.
const lb::sim::run::Prepared& bundled() {
  static const lb::sim::run::Prepared p = [] {
    const auto load =
        lb::sim::scenario::load_scenario_file(scenarios_dir() + "/alf-hvp-citrate.yaml");
    auto prepared = lb::sim::run::prepare(load, protocols_dir());
    if (!prepared.prepared) {
      std::fprintf(stderr, "the bundled scenario does not prepare\n");
      std::abort();
    }
    return *prepared.prepared;
  }();
  return p;
}

void run(const lb::sim::run::Prepared& prepared, lb::sim::scenario::Script script) {
  const auto& fail = lb::fuzz::abort_on_violation();
  lb::sim::run::RunOptions o;
  o.seed = 20261205;
  o.script = std::move(script);
  lb::sim::run::Runner r(prepared, o);
  while (!r.finished() && r.now() < kRunSeconds) r.advance();
  lb::hostile::check_output("timeline", r.timeline(), fail);
  lb::hostile::check_output("trace", r.trace(), fail);
}

void check_prepare_refusal(const lb::diag::Diagnostics& d, const lb::hostile::Fail& fail) {
  if (!d.has_errors()) fail("scenario: not prepared, but no error says why");
  for (const auto& item : d.items()) {
    if (item.message.empty()) fail("scenario: an empty diagnostic");
    lb::hostile::check_output("scenario diagnostic", lb::diag::format(item), fail);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto& fail = lb::fuzz::abort_on_violation();
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  if ((data[0] & 1) == 0) {
    const std::string file = scenarios_dir() + "/fuzz.yaml";
    const auto load = lb::sim::scenario::parse_scenario(text, file);
    if (!load.scenario) {
      lb::hostile::check_refusal("scenario", load.diagnostics, file, fail);
      return 0;
    }
    const auto prepared = lb::sim::run::prepare(load, protocols_dir());
    if (!prepared.prepared) {
      check_prepare_refusal(prepared.diagnostics, fail);
      return 0;
    }
    run(*prepared.prepared, {});
  } else {
    const std::string file = "script.yaml";
    const auto load = lb::sim::scenario::parse_script(text, file);
    if (!load.script) {
      lb::hostile::check_refusal("script", load.diagnostics, file, fail);
      return 0;
    }
    run(bundled(), *load.script);
  }
  return 0;
}
