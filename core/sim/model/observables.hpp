// The closed list of state variables that conditional events, alarms, traces and the lab
// queue may name ("ica < 0.9 for 60 s"). Each has a name (the word scenarios use), a unit
// (the unit its value is read and compared in) and an accessor on State. Nothing outside this
// list can be referenced from a scenario file: no expressions, no field paths.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "sim/model/state.hpp"

namespace lb::sim {

struct Observable {
  std::string_view name;   ///< "ica"
  std::string_view label;  ///< "Ionised calcium"
  std::string_view unit;   ///< "mmol/L": what `read` returns and scenario values are written in
  /// The value in `unit`; nullopt when the state does not have it (e.g. ammonia not modelled).
  std::optional<double> (*read)(const State&);
};

/// Every observable, in a fixed documented order (docs/simulation.md §Observables).
std::span<const Observable> observables();
/// The observable named `name`, or nullptr.
const Observable* find_observable(std::string_view name);

}  // namespace lb::sim
