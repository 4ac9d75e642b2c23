// A simulation started from a real plan: an example patient and a bundled protocol through
// plan_from_sources, session setups for every session of the course, the protocol's solute
// models, the patient's parameters. Shared by the sim_model tests.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "corpus_expectations.hpp"
#include "sim/model/engine.hpp"

namespace lb::sim::fixture {

struct Run {
  plan::Plan plan;
  protocol::Protocol protocol;
  std::vector<SessionSetup> sessions;
  SoluteModels solutes;
  Parameters parameters;
};

inline Run load_run(const std::string& patient, const std::string& protocol_id) {
  plan::PlanSources src;
  src.patient_file = std::string(LB_SOURCE_DIR) + "/examples/" + patient + ".yaml";
  src.patient_text = lb::testing::slurp(src.patient_file);
  src.protocol_file = std::string(LB_BUNDLED_PROTOCOLS_DIR) + "/" + protocol_id + ".yaml";
  src.protocol_text = lb::testing::slurp(src.protocol_file);
  SimulationSources s = simulation_from_sources(src);
  REQUIRE_MESSAGE(s.plan.has_value(), (s.problems.empty() ? "" : s.problems.front()));
  Run r{*s.plan, *s.protocol, {}, {}, parameters_for(s.plan->patient)};
  const int n = r.plan.course ? static_cast<int>(r.plan.course->sessions.size()) : 1;
  for (int i = 1; i <= n; ++i) {
    SetupResult setup = session_setup(r.plan, r.protocol, i);
    REQUIRE_MESSAGE(setup.setup.has_value(), setup.problem);
    r.sessions.push_back(*setup.setup);
  }
  r.solutes = solute_models(r.protocol, r.plan.patient, r.sessions.front(), r.parameters);
  return r;
}

inline Engine engine_of(const Run& r, int sessions = 1) {
  std::vector<SessionSetup> s(r.sessions.begin(), r.sessions.begin() + sessions);
  return Engine(r.parameters, r.plan.patient, s, r.solutes);
}

/// Steps until the session's exchange is done (rinse-back begins) or `limit_s` passes.
inline void run_to_rinse_back(Engine& e, double limit_s = 36000.0) {
  while (e.kernel().mode != kernel::Mode::rinse_back && e.kernel().elapsed_s < limit_s) e.step();
}

}  // namespace lb::sim::fixture
