// Simulation benchmark (issue 13): one simulated day of one patient at 1 s steps (goal
// ≤ 50 ms on one core) and a ward of 100 simulated patients for a day on 2 threads (goal
// ≤ 5 s). The patients are the example files on their bundled protocols, started from real
// plans, with every sub-model running (86 400 steps per patient-day). Not run by ctest;
// scripts/bench builds it (Release) and runs it after the cohort benchmark.
//
//   sim_bench [--patients N] [--threads N]
//
// Exits 1 when either figure misses its goal.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "sim/model/engine.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using namespace lb;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Everything an engine needs, read once (the plan is not part of the timing).
struct Case {
  patient::Patient patient;
  std::vector<sim::SessionSetup> sessions;
  sim::Parameters parameters;
  sim::SoluteModels solutes;
};

Case load(const std::string& patient, const std::string& protocol) {
  plan::PlanSources src;
  src.patient_file = std::string(LB_SOURCE_DIR) + "/examples/" + patient + ".yaml";
  src.patient_text = slurp(src.patient_file);
  src.protocol_file = std::string(LB_BUNDLED_PROTOCOLS_DIR) + "/" + protocol + ".yaml";
  src.protocol_text = slurp(src.protocol_file);
  sim::SimulationSources s = sim::simulation_from_sources(src);
  if (!s.plan) {
    std::fprintf(stderr, "sim_bench: %s/%s: no plan\n", patient.c_str(), protocol.c_str());
    std::exit(2);
  }
  Case c{s.plan->patient, {}, sim::parameters_for(s.plan->patient), {}};
  sim::SetupResult setup = sim::session_setup(*s.plan, *s.protocol, 1);
  if (!setup.setup) {
    std::fprintf(stderr, "sim_bench: %s\n", setup.problem.c_str());
    std::exit(2);
  }
  c.sessions.push_back(*setup.setup);
  c.solutes = sim::solute_models(*s.protocol, c.patient, c.sessions.front(), c.parameters);
  return c;
}

/// One patient-day at 1 s steps; returns a value of the state so the work is not elided.
double simulate_day(const Case& c) {
  sim::EngineOptions one_second;
  one_second.between_step_s = 1.0;
  sim::Engine e(c.parameters, c.patient, c.sessions, c.solutes, one_second);
  for (int i = 0; i < 86'400; ++i) e.step();
  return e.kernel().ica;
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  int patients = 100;
  unsigned threads = 2;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view arg = argv[i];
    if (arg == "--patients") {
      patients = std::atoi(argv[i + 1]);
    } else if (arg == "--threads") {
      threads = static_cast<unsigned>(std::atoi(argv[i + 1]));
    } else {
      std::fprintf(stderr, "usage: sim_bench [--patients N] [--threads N]\n");
      return 2;
    }
  }
  const std::vector<Case> cases = {load("alf-paracetamol", "hvp-alf-larsen-2016"),
                                   load("aclf-alcohol", "pe-aclf-apache-pe-a5")};

  // One patient-day, best of three (the first run warms the caches).
  double one = 1e9;
  double sink = 0.0;
  for (int run = 0; run < 3; ++run) {
    const auto t0 = Clock::now();
    sink += simulate_day(cases[0]);
    one = std::min(one, seconds_since(t0));
  }

  // A ward: `patients` patient-days split over `threads` threads.
  const auto t0 = Clock::now();
  std::vector<double> sinks(threads, 0.0);
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (int p = static_cast<int>(t); p < patients; p += static_cast<int>(threads)) {
        sinks[t] += simulate_day(cases[static_cast<std::size_t>(p) % cases.size()]);
      }
    });
  }
  for (auto& th : pool) th.join();
  const double ward = seconds_since(t0);
  for (double s : sinks) sink += s;

  std::printf("simulation: one patient-day at 1 s steps (86 400 steps): %.1f ms (goal <= 50 ms)\n",
              one * 1000.0);
  std::printf("simulation: ward of %d patient-days on %u threads: %.2f s (goal <= 5 s)\n", patients,
              threads, ward);
  if (!(sink == sink)) return 3;  // NaN: a model broke
  return one <= 0.050 && ward <= 5.0 ? 0 : 1;
}
