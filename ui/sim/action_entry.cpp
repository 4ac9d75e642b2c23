#include "sim/action_entry.hpp"

#include "sim/model/action.hpp"
#include "units/parse.hpp"

namespace lb::simui {

namespace {

using K = ParamKind;

std::vector<ActionSpec> build_actions() {
  using sim::names::kCalciumProduct;
  using sim::names::kDrug;
  using sim::names::kFluid;
  using sim::names::kLineFix;
  using sim::names::kProblem;
  const std::vector<std::string> flow_units = {"mL/min", "mL/h", "L/h"};
  const std::vector<std::string> minutes = {"min", "s", "h"};
  return {
      {"set_inlet_flow",
       "Inlet flow",
       "Device",
       {{"flow", "Flow", K::quantity, flow_units, {}, ""}}},
      {"set_return_flow",
       "Return flow",
       "Device",
       {{"flow", "Flow", K::quantity, flow_units, {}, ""}}},
      {"set_ac_ratio",
       "Inlet:AC ratio",
       "Device",
       {{"ratio", "Ratio (inlet:AC)", K::number, {}, {}, ""}}},
      {"set_fluid_balance",
       "Fluid balance",
       "Device",
       {{"balance", "Balance", K::quantity, {"%"}, {}, "100"}}},
      {"set_replacement_mix",
       "Replacement mix",
       "Device",
       {{"ffp_share", "FFP share", K::quantity, {"%"}, {}, ""}}},
      {"pause", "Pause the pumps", "Device", {}},
      {"resume", "Resume the pumps", "Device", {}},
      {"rinse_back", "Stop and rinse back", "Device", {}},
      {"end_without_rinse_back", "End without rinse-back", "Device", {}},
      {"set_blood_warmer",
       "Blood warmer",
       "Device",
       {{"on", "On", K::boolean, {}, {"true", "false"}, "true"}}},
      {"fix_line", "Line fix", "Device", {{"fix", "Fix", K::choice, {}, kLineFix.names(), ""}}},
      {"ca_bolus",
       "Calcium bolus",
       "Calcium and electrolytes",
       {{"product", "Product", K::choice, {}, kCalciumProduct.names(), ""},
        {"volume", "Volume", K::quantity, {"mL"}, {}, ""},
        {"over", "Over", K::quantity, minutes, {}, "10"}}},
      {"set_ca_infusion",
       "Calcium infusion",
       "Calcium and electrolytes",
       {{"product", "Product", K::choice, {}, kCalciumProduct.names(), ""},
        {"rate", "Rate", K::quantity, {"mL/h"}, {}, ""}}},
      {"set_kcl_infusion",
       "KCl infusion",
       "Calcium and electrolytes",
       {{"rate", "Rate", K::quantity, {"mmol/h", "mmol/min"}, {}, ""}}},
      {"give_fluid",
       "Fluid bolus",
       "Circulation",
       {{"fluid", "Fluid", K::choice, {}, kFluid.names(), ""},
        {"volume", "Volume", K::quantity, {"mL", "L"}, {}, ""},
        {"over", "Over", K::quantity, minutes, {}, "15"}}},
      {"set_norepinephrine",
       "Norepinephrine",
       "Circulation",
       {{"dose", "Dose", K::quantity, {"\u00b5g/kg/min"}, {}, ""}}},
      {"give_drug", "Drug", "Circulation", {{"drug", "Drug", K::choice, {}, kDrug.names(), ""}}},
      {"ecg_12_lead", "12-lead ECG", "Assess", {}},
      {"call_for_help", "Call for help", "Assess", {{"whom", "Whom", K::text, {}, {}, "senior"}}},
      {"declare",
       "Declare a problem",
       "Assess",
       {{"problem", "Problem", K::choice, {}, kProblem.names(), ""}}},
  };
}

}  // namespace

std::span<const ActionSpec> trainee_actions() {
  static const std::vector<ActionSpec> actions = build_actions();
  return actions;
}

std::string field_key(const ActionSpec& a, const ActionParam& p) { return a.name + "." + p.key; }

TypedField typed_field(const SimState& s, const ActionSpec& a, const ActionParam& p) {
  if (const auto it = s.fields.find(field_key(a, p)); it != s.fields.end()) return it->second;
  TypedField f;
  f.value = p.initial;
  if (p.kind == ParamKind::choice && f.value.empty() && !p.choices.empty()) f.value = p.choices[0];
  if (!p.units.empty()) f.unit = p.units.front();
  return f;
}

std::optional<std::string> yaml_quoted(std::string_view value) {
  std::string out = "\"";
  for (const char c : value) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return std::nullopt;
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
  return out;
}

EntryResult make_entry(const SimState& s, const ActionSpec& a, sim::scenario::Actor actor) {
  EntryResult out;
  // One entry of an action script, one key per line so that the reader's line numbers name
  // the field: line 4 + i is parameter i.
  std::string text =
      "schema: liverbridge.sim-actions/1\nactions:\n  - at: 0 s\n    action: " + a.name + "\n";
  for (const auto& p : a.params) {
    const TypedField f = typed_field(s, a, p);
    std::string value = f.value;
    if (p.kind == ParamKind::quantity && !f.unit.empty()) value += " " + f.unit;
    const auto quoted = yaml_quoted(value);
    if (!quoted) {
      out.problem = p.label + ": control characters are not allowed";
      return out;
    }
    // Booleans and plain numbers are written bare: the reader wants a YAML bool or number.
    const bool bare = (p.kind == ParamKind::boolean && (f.value == "true" || f.value == "false")) ||
                      (p.kind == ParamKind::number && units::parse_plain_number(f.value));
    text += "    " + p.key + ": " + (bare ? f.value : *quoted) + "\n";
  }
  text += std::string("    by: ") + std::string(sim::scenario::kActorNames.name(actor)) + "\n";
  const auto load = sim::scenario::parse_script(text, a.label);
  if (!load.script || load.script->entries.size() != 1) {
    for (const auto& d : load.diagnostics.sorted()) {
      if (d.severity != diag::Severity::error) continue;
      if (!out.problem.empty()) out.problem += "\n";
      // The key path ends with the field's script key ("actions[0].volume" -> "volume").
      const auto dot = d.key.find_last_of('.');
      const std::string key = dot == std::string::npos ? d.key : d.key.substr(dot + 1);
      out.problem += (key.empty() ? "" : key + ": ") + d.message;
    }
    if (out.problem.empty()) out.problem = "the action cannot be read";
    return out;
  }
  out.entry = load.script->entries.front();
  return out;
}

}  // namespace lb::simui
