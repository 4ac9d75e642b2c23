#include "sim/debrief/recorded_script.hpp"

#include <array>
#include <nlohmann/json.hpp>

#include "sim/run/json_line.hpp"

namespace lb::sim::debrief {

namespace {

/// A timeline key with its unit in the name (sim/run/describe_action.cpp) and the script's
/// key and unit for it. Keys not listed are copied as they are (words, booleans, grade).
struct KeyUnit {
  std::string_view timeline, script, unit;
};
constexpr std::array kKeys{
    KeyUnit{"flow_mL_min", "flow", "mL/min"},   KeyUnit{"balance_pct", "balance", "%"},
    KeyUnit{"ffp_share_pct", "ffp_share", "%"}, KeyUnit{"volume_mL", "volume", "mL"},
    KeyUnit{"over_min", "over", "min"},         KeyUnit{"rate_mL_h", "rate", "mL/h"},
    KeyUnit{"rate_mmol_h", "rate", "mmol/h"},   KeyUnit{"dose_ug_kg_min", "dose", "ug/kg/min"},
    KeyUnit{"duration_min", "duration", "min"}, KeyUnit{"available_pct", "available", "%"},
    KeyUnit{"per_hour_pct", "per_hour", "%"},   KeyUnit{"rate_mL_min", "rate", "mL/min"},
};
/// Keys of an action line that describe the run, not the action.
constexpr std::array<std::string_view, 8> kNotArguments{"t",     "kind",       "name",    "by",
                                                        "event", "deviations", "refused", "result"};

bool is_argument(const std::string& key) {
  for (const auto k : kNotArguments) {
    if (k == key) return false;
  }
  return true;
}

std::string entry(const ActionLine& a) {
  const auto j = nlohmann::ordered_json::parse(a.json);
  std::string out = "  - {at: " + std::to_string(a.t) + " s, action: " + a.name;
  if (a.by == scenario::Actor::instructor) out += ", by: instructor";
  for (const auto& [key, value] : j.items()) {
    if (!is_argument(key)) continue;
    std::string script_key = key, unit;
    for (const auto& k : kKeys) {
      if (k.timeline == key) {
        script_key = std::string(k.script);
        unit = std::string(k.unit);
      }
    }
    out += ", " + script_key + ": ";
    if (value.is_string()) {
      out += run::json_quoted(value.get<std::string>());
    } else if (unit.empty()) {
      out += value.dump();
    } else {
      // The number as the timeline printed it (fixed decimals), then its unit, quoted so that
      // YAML reads "20.0 mL/h" as one scalar.
      out += "\"" + value.dump() + " " + unit + "\"";
    }
  }
  return out + "}\n";
}

}  // namespace

std::string recorded_script_text(const Timeline& timeline) {
  std::string out = "schema: liverbridge.sim-actions/1\nscenario: " + timeline.start.scenario +
                    "\nactions:" + (timeline.actions.empty() ? " []\n" : "\n");
  for (const auto& a : timeline.actions) {
    if (!a.event.empty()) continue;  // applied by an event: the replay fires it again
    out += entry(a);
  }
  return out;
}

scenario::ScriptLoad recorded_script(const Timeline& timeline) {
  return scenario::parse_script(recorded_script_text(timeline), timeline.file);
}

}  // namespace lb::sim::debrief
