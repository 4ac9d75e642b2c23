// The closed vocabularies a scenario may name: observables (for conditions, starting state,
// alarms and assay noise), physiology parameters (overrides), actions (effects, triggers and
// critical actions) and lab panels. The loader checks every name against these lists and
// suggests the nearest for a slip; sim_vocabulary() (vocabulary.cpp) builds them from the
// engine's own tables, so a scenario cannot name what the engine does not have.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/model/valid_range.hpp"

namespace lb::sim::scenario {

struct NamedUnit {
  std::string name;
  std::string unit;  ///< "" for a plain number (pH, a ratio)
  /// The values a parameter override or a starting value may take (none for conditions).
  std::optional<ValidRange> range;
};

/// A lab panel and the observables its result reports.
struct PanelInfo {
  std::string name;
  std::vector<std::string> reports;
};

struct Vocabulary {
  std::vector<NamedUnit> variables;
  std::vector<NamedUnit> parameters;
  std::vector<std::string> actions;
  /// Actions only an instructor or an event may take (event effects), a subset of `actions`.
  std::vector<std::string> event_actions;
  std::vector<PanelInfo> panels;
  /// Observables a scenario may set under `start:`, with their units and valid ranges
  /// (sim/run/start_state.hpp).
  std::vector<NamedUnit> startable;
};

/// The engine's vocabulary: sim::observables(), sim::Parameters, sim::Action, sim::LabKind.
const Vocabulary& sim_vocabulary();

}  // namespace lb::sim::scenario
