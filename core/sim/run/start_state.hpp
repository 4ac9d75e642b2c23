// Starting-state overrides of a scenario (`start: {temp: 35.9 °C}`): the core temperature,
// the haemodynamic signs (mean arterial pressure, heart rate, SpO2), the blood gas (pH and
// bicarbonate: together they set the patient's own pCO2), ionised calcium and citrate (they
// set the calcium and citrate amounts, whose ledgers start there), potassium (as measured),
// total calcium (it sets the citrate that holds that total at the iCa), haemoglobin,
// platelets, prothrombin activity, fibrinogen, bilirubin and ammonia (the patient's own level,
// where the kinetics return, stays the file's) and the volume deficit. Amounts (citrate, calcium,
// volume) come from the patient file and the parameters, so their ledgers start where the state
// starts.
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

/// Why `start[index]` cannot be set in this engine's state.
struct StartProblem {
  std::size_t index = 0;
  std::string message;
};

/// Every override that cannot be set in `engine`'s state (empty when all can): a name that
/// is not settable, a total calcium below what the iCa and protein binding already give (or
/// given with citrate, which it sets), bilirubin or ammonia the run does not simulate.
std::vector<StartProblem> start_problems(const Engine& engine,
                                         const std::vector<scenario::VariableValue>& start);

/// Sets each override in the engine's state (before its first step). Throws
/// std::invalid_argument with the first of start_problems() when there is one (the scenario
/// preparation reports them at their file:line:col first, run/prepare.cpp).
void apply_start(Engine& engine, const std::vector<scenario::VariableValue>& start);

}  // namespace lb::sim::run
