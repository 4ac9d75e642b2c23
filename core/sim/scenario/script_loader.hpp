// Action scripts (schema liverbridge.sim-actions/1, docs/simulation-scenarios.md): what a
// trainee (or the instructor) does at which simulated time, so that a run can be replayed
// without a person at the keyboard.
//
//   schema: liverbridge.sim-actions/1
//   scenario: alf-hvp-citrate          # the scenario it was written for (checked by the run)
//   actions:
//     - {at: 5 min, action: order_lab, lab: ica}
//     - {at: 31 min, action: ca_bolus, product: calcium_gluconate_10, volume: 10 mL, over: 10 min}
//     - {at: 33 min, action: acknowledge, alarm: map_low}
//     - {at: 40 min, action: inject_alarm, alarm: inlet_pressure_low}   # an instructor act
//
// Besides the simulator's actions (action_reader.hpp) a script may acknowledge or silence an
// alarm (the trainee) and inject, suppress or release one (the instructor).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "diag/diagnostic.hpp"
#include "sim/model/action.hpp"
#include "sim/scenario/scenario.hpp"

namespace lb::sim::scenario {

inline constexpr const char* kScriptSchema = "liverbridge.sim-actions/1";

enum class AlarmAct { acknowledge, silence, inject, suppress, release };
inline constexpr auto kAlarmActNames = text::enum_names<AlarmAct>({
    {AlarmAct::acknowledge, "acknowledge"},
    {AlarmAct::silence, "silence"},
    {AlarmAct::inject, "inject_alarm"},
    {AlarmAct::suppress, "suppress_alarm"},
    {AlarmAct::release, "release_alarm"},
});
static_assert(kAlarmActNames.unique());

struct AlarmCommand {
  AlarmAct act = AlarmAct::acknowledge;
  std::string alarm;
};

enum class Actor { trainee, instructor };
inline constexpr auto kActorNames =
    text::enum_names<Actor>({{Actor::trainee, "trainee"}, {Actor::instructor, "instructor"}});

struct ScriptEntry {
  SimTime at = 0;
  std::variant<Action, AlarmCommand> what;
  Actor actor = Actor::trainee;
  diag::Location where;
};

struct Script {
  std::string scenario;              ///< the scenario id it was written for, or ""
  std::vector<ScriptEntry> entries;  ///< in time order (equal times: file order)
};

struct ScriptLoad {
  std::optional<Script> script;
  diag::Diagnostics diagnostics;
};

/// The name of an entry's action ("ca_bolus", "acknowledge"...).
std::string entry_name(const ScriptEntry& e);
/// The names an action script or a scenario may use: simulator actions and alarm acts.
std::vector<std::string> script_action_names();

ScriptLoad parse_script(std::string_view text, const std::string& file);
ScriptLoad load_script_file(const std::string& path);

}  // namespace lb::sim::scenario
