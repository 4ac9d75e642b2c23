// Starting-state overrides of a scenario (`start: {temp: 35.9 °C}`): the core temperature,
// the haemodynamic signs (mean arterial pressure, heart rate, SpO2), the blood gas (pH and
// bicarbonate: together they set the patient's own pCO2), ionised calcium and citrate (they
// set the calcium and citrate amounts, whose ledgers start there), potassium (as measured),
// haemoglobin, platelets, prothrombin activity, fibrinogen (the patient's own level, where the
// kinetics return, stays the file's) and the volume deficit. Amounts (citrate, calcium, volume)
// come from the patient file and the parameters, so their ledgers start where the state starts.
#pragma once

#include <string>
#include <vector>

#include "sim/model/engine.hpp"
#include "sim/model/valid_range.hpp"
#include "sim/scenario/scenario.hpp"

namespace lb::sim::run {

/// An observable a scenario may set under `start:`, and the values it may be set to.
struct StartVariable {
  std::string name;
  ValidRange range;  ///< in the observable's unit (observables.hpp)
};

/// The observables a scenario may set under `start:`.
const std::vector<StartVariable>& start_variables();

/// Sets each override in the engine's state (before its first step).
void apply_start(Engine& engine, const std::vector<scenario::VariableValue>& start);

}  // namespace lb::sim::run
