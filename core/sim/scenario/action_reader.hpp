// Reads one simulator action from a mapping ({action: ca_bolus, product: calcium_gluconate_10,
// volume: 10 mL, over: 10 min}) into the typed sim::Action. Scenario effects and action
// scripts both use it, so an action is spelled the same everywhere. Every value carries its
// unit; a physically impossible value (a negative flow, a share above 100 %) is an error at
// its file:line:col. Holding an action to the protocol's limits is validate_action's job
// (sim/model/validate_action.hpp), when the run applies it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/model/action.hpp"
#include "yaml/map_reader.hpp"

namespace lb::sim::scenario {

/// The names of every simulator action (sim::action_name of each alternative).
const std::vector<std::string>& action_names();
/// Those only an instructor or an event may take (sim::is_event_effect).
const std::vector<std::string>& event_action_names();

/// Reads the arguments of action `name` from `r` (its other keys are the caller's; `r` must
/// have been asked for them before finish()). nullopt after reporting the problem.
std::optional<Action> read_action(yaml::MapReader& r, const std::string& name);

}  // namespace lb::sim::scenario
