// From a scenario to everything a run needs: the scenario's patient and protocol go through
// the planner's one pipeline (plan_from_sources, via sim::simulation_from_sources), the
// planned session becomes the simulator's session setup, and the physiology parameters are
// the engine's defaults for the patient with the scenario's overrides (each override names
// the scenario as its source). Problems are diagnostics (file:line:col where the scenario
// has a position for them), never exceptions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "patient/patient.hpp"
#include "plan/plan_sources.hpp"
#include "protocol/protocol.hpp"
#include "sim/events/schedule.hpp"
#include "sim/model/parameters.hpp"
#include "sim/model/session_setup.hpp"
#include "sim/model/solutes.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace lb::sim::run {

struct Prepared {
  scenario::Scenario scenario;
  patient::Patient patient;
  protocol::Protocol protocol;
  SessionSetup session;
  Parameters parameters;
  SoluteModels solutes;
  events::Exposure exposure;
  units::Volume ffp_unit_volume;  ///< what one FFP unit holds (the protocol's orders)
  /// SHA-256 of the scenario text prepared (the run's start line carries it; "" when unknown).
  std::string scenario_sha256;
};

struct Preparation {
  std::optional<Prepared> prepared;
  diag::Diagnostics diagnostics;
};

/// `protocols_dir`: where bundled protocol ids are looked up.
Preparation prepare(const scenario::ScenarioLoad& load, const std::string& protocols_dir);

/// The same with the patient and protocol given as texts instead of the scenario's own (the
/// window's "Train on this plan": the planner's working patient and protocol, which need not
/// be files). The scenario gives everything else: alarms, labs, events, duration.
Preparation prepare_texts(const scenario::ScenarioLoad& load, const plan::PlanSources& sources);

}  // namespace lb::sim::run
