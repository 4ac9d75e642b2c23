#include "sim/scenario/script_loader.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "sim/scenario/action_reader.hpp"
#include "sim/scenario/fields.hpp"
#include "text/did_you_mean.hpp"
#include "yaml/guarded_load.hpp"

namespace lb::sim::scenario {

using yaml::MapReader;
using yaml::Need;

std::string entry_name(const ScriptEntry& e) {
  if (const auto* a = std::get_if<Action>(&e.what)) return std::string(action_name(*a));
  return std::string(kAlarmActNames.name(std::get<AlarmCommand>(e.what).act));
}

std::vector<std::string> script_action_names() {
  std::vector<std::string> out = action_names();
  for (const auto& n : kAlarmActNames.names()) out.push_back(n);
  return out;
}

namespace {

std::optional<ScriptEntry> read_entry(MapReader& r, const std::vector<std::string>& names) {
  ScriptEntry e;
  e.where = r.location();
  const auto at = detail::sim_time(r, "at", Need::required);
  const auto name = detail::name_in(r, "action", Need::required, names, "an action");
  const auto actor = r.has("by") ? r.choice("by", Need::optional, kActorNames.options())
                                 : std::optional<Actor>(Actor::trainee);
  if (!name) {
    for (const auto& k : r.keys()) {
      if (r.has(k)) (void)r.node(k, Need::optional);  // one error for the entry, not one per key
    }
    return std::nullopt;
  }
  std::optional<ScriptEntry> out;
  if (const auto act = kAlarmActNames.parse(*name)) {
    const auto alarm = detail::id_field(r, "alarm", Need::required);
    if (!alarm) return std::nullopt;
    e.what = AlarmCommand{*act, *alarm};
    // Injections and suppressions are the instructor's, whoever the script says.
    const bool instructor =
        *act == AlarmAct::inject || *act == AlarmAct::suppress || *act == AlarmAct::release;
    e.actor = instructor ? Actor::instructor : actor.value_or(Actor::trainee);
  } else {
    auto action = read_action(r, *name);
    if (!action) return std::nullopt;
    if (is_event_effect(*action) && actor != Actor::instructor) {
      r.error_at("action", "'" + *name +
                               "' happens to the patient; only the instructor can "
                               "start it (write 'by: instructor')");
      return std::nullopt;
    }
    e.what = std::move(*action);
    e.actor = actor.value_or(Actor::trainee);
  }
  if (!at || !actor) return std::nullopt;
  e.at = *at;
  return e;
}

}  // namespace

ScriptLoad parse_script(std::string_view text, const std::string& file) {
  ScriptLoad load;
  const auto root = yaml::guarded_load(text, file, load.diagnostics);
  if (!root) return load;
  MapReader top(*root, file, "", load.diagnostics);
  if (auto schema = top.text("schema", Need::required); schema && *schema != kScriptSchema) {
    top.error_at("schema", "'" + *schema +
                               "' is not an action-script schema this version reads; "
                               "write " +
                               std::string(kScriptSchema));
  }
  Script script;
  if (auto s = detail::id_field(top, "scenario", Need::optional)) script.scenario = *s;
  const auto names = script_action_names();
  detail::for_each_mapping(top, "actions", Need::required, [&](MapReader& r) {
    if (auto e = read_entry(r, names)) script.entries.push_back(std::move(*e));
  });
  top.finish();
  std::stable_sort(script.entries.begin(), script.entries.end(),
                   [](const ScriptEntry& a, const ScriptEntry& b) { return a.at < b.at; });
  if (!load.diagnostics.has_errors()) load.script = std::move(script);
  return load;
}

ScriptLoad load_script_file(const std::string& path) {
  ScriptLoad load;
  if (!yaml::guarded_load_file(path, load.diagnostics)) return load;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return parse_script(text.str(), path);
}

}  // namespace lb::sim::scenario
