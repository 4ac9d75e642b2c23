// The trainee's actions as the action bar offers them (design brief §4.5, docs/simulation.md
// §Actions): each with its parameters, their units and choices. What is typed becomes one
// entry of an action script (schema liverbridge.sim-actions/1) read by core's script reader,
// so a value is checked exactly as in a script file (every number with its unit, impossible
// values refused); the runner then holds it to the protocol (sim::validate_action) and logs
// deviations. The window adds no rule of its own.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sim/scenario/script_loader.hpp"
#include "sim/sim_state.hpp"

namespace lb::simui {

enum class ParamKind { quantity, number, choice, boolean, text };

struct ActionParam {
  std::string key;    ///< the script's key ("volume")
  std::string label;  ///< "Volume"
  ParamKind kind = ParamKind::quantity;
  std::vector<std::string> units;    ///< quantity: selectable units, the first is the default
  std::vector<std::string> choices;  ///< choice: the words the reader accepts
  std::string initial;               ///< the value the field starts with ("" = empty)
};

struct ActionSpec {
  std::string name;   ///< the script's action word ("ca_bolus")
  std::string label;  ///< "Calcium bolus"
  std::string group;  ///< "Device", "Calcium and electrolytes", ...
  std::vector<ActionParam> params;
};

/// Every trainee action the bar offers (lab orders are in the lab panel, alarm acts in the
/// alarm list: they take the same route).
std::span<const ActionSpec> trainee_actions();

/// The key of a typed field in SimState::fields: "action.key".
std::string field_key(const ActionSpec& a, const ActionParam& p);
/// The field as typed, or its initial value and first unit.
TypedField typed_field(const SimState& s, const ActionSpec& a, const ActionParam& p);

struct EntryResult {
  std::optional<sim::scenario::ScriptEntry> entry;
  std::string problem;  ///< the reader's messages, one per line, when the entry is refused
};

/// The script entry for `a` with the typed fields, read by core's script reader.
EntryResult make_entry(const SimState& s, const ActionSpec& a, sim::scenario::Actor actor);

/// `value` as a YAML double-quoted scalar; control characters are refused (nullopt).
std::optional<std::string> yaml_quoted(std::string_view value);

}  // namespace lb::simui
