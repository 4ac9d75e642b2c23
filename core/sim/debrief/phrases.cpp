#include "sim/debrief/phrases.hpp"

#include <nlohmann/json.hpp>

#include "sim/model/observables.hpp"
#include "text/format.hpp"

namespace lb::sim::debrief {

namespace {

using nlohmann::json;

std::string arg(const json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end()) return "?";
  if (it->is_string()) return words(it->get<std::string>());
  if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
  if (it->is_number()) return text::fixed(it->get<double>(), 1);
  if (it->is_boolean()) return it->get<bool>() ? "on" : "off";
  return "?";
}

}  // namespace

std::string words(std::string_view id) {
  std::string out(id);
  for (auto& c : out) {
    if (c == '_') c = ' ';
  }
  if (out.size() > 3 && out.compare(out.size() - 3, 3, " 10") == 0) out += " %";
  return out;
}

std::string panel_words(std::string_view panel) {
  if (panel == "ica") return "ionised calcium";
  if (panel == "total_ca") return "total calcium";
  if (panel == "blood_gas") return "a blood gas";
  if (panel == "blood_count") return "a blood count";
  if (panel == "coagulation") return "coagulation tests";
  if (panel == "k") return "potassium";
  return words(panel);
}

namespace {

/// The action-script name under `key` ("" when absent or not text).
std::string name_of(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

/// A fluid as a nurse says it ("5 % albumin"), from its action-script name.
std::string fluid_words(const json& j) {
  const std::string id = name_of(j, "fluid");
  if (id == "saline_0_9") return "0.9 % saline";
  if (id == "albumin_5") return "5 % albumin";
  if (id == "albumin_20") return "20 % albumin";
  if (id == "ffp") return "FFP";
  return arg(j, "fluid");
}

/// A drug with its route where the name carries one ("adrenaline IM").
std::string drug_words(const json& j) {
  if (name_of(j, "drug") == "adrenaline_im") return "adrenaline IM";
  return arg(j, "drug");
}

}  // namespace

std::string action_phrase(const ActionLine& a) {
  const json j = json::parse(a.json, nullptr, false);
  const std::string& n = a.name;
  if (n == "order_lab") return "ordered " + panel_words(a.lab);
  if (n == "set_ca_infusion") {
    return "set the calcium infusion (" + arg(j, "product") + ") to " + arg(j, "rate_mL_h") +
           " mL/h";
  }
  if (n == "ca_bolus") {
    return "gave a calcium bolus: " + arg(j, "volume_mL") + " mL of " + arg(j, "product") +
           " over " + arg(j, "over_min") + " min";
  }
  if (n == "set_inlet_flow") return "set the inlet flow to " + arg(j, "flow_mL_min") + " mL/min";
  if (n == "set_return_flow") return "set the return flow to " + arg(j, "flow_mL_min") + " mL/min";
  if (n == "set_ac_ratio") return "set the inlet:AC ratio to " + arg(j, "ratio");
  if (n == "set_fluid_balance") return "set the fluid balance to " + arg(j, "balance_pct") + " %";
  if (n == "set_replacement_mix") {
    return "set the FFP share of the replacement to " + arg(j, "ffp_share_pct") + " %";
  }
  if (n == "set_kcl_infusion")
    return "set the KCl infusion to " + arg(j, "rate_mmol_h") + " mmol/h";
  if (n == "give_fluid") {
    return "gave " + arg(j, "volume_mL") + " mL of " + fluid_words(j) + " over " +
           arg(j, "over_min") + " min";
  }
  if (n == "set_norepinephrine") {
    return "set norepinephrine to " + arg(j, "dose_ug_kg_min") + " µg/kg/min";
  }
  if (n == "give_drug") return "gave " + drug_words(j);
  if (n == "pause") return "paused the exchange";
  if (n == "resume") return "resumed the exchange";
  if (n == "rinse_back") return "started the rinse-back";
  if (n == "end_without_rinse_back") return "ended the exchange without rinse-back";
  if (n == "set_blood_warmer") return "turned the blood warmer " + arg(j, "on");
  if (n == "fix_line") return "worked on the line: " + arg(j, "fix");
  if (n == "ecg_12_lead") return "recorded a 12-lead ECG";
  if (n == "call_for_help") return "called for help (" + arg(j, "whom") + ")";
  if (n == "declare") return "declared " + words(a.problem);
  if (n == "acknowledge") return "acknowledged the " + a.alarm + " alarm";
  if (n == "silence") return "silenced the " + a.alarm + " alarm";
  if (n == "inject_alarm") return "raised the " + a.alarm + " alarm";
  if (n == "suppress_alarm") return "suppressed the " + a.alarm + " alarm";
  if (n == "release_alarm") return "released the " + a.alarm + " alarm";
  if (n == "vasovagal") return "started a vasovagal episode (" + arg(j, "duration_min") + " min)";
  if (n == "allergic_reaction") return "started an allergic reaction, grade " + arg(j, "grade");
  if (n == "access_obstruction") {
    return "obstructed the access (" + arg(j, "available_pct") + " % of the flow available)";
  }
  if (n == "circuit_clotting") {
    return "started clotting of the circuit (" + arg(j, "per_hour_pct") + " % per hour)";
  }
  if (n == "bleeding") return "started bleeding at " + arg(j, "rate_mL_min") + " mL/min";
  return words(n);
}

std::string result_phrase(const LabResultLine& r) {
  std::string out;
  for (const auto& [name, value] : r.values) {
    if (!out.empty()) out += ", ";
    const Observable* o = find_observable(name);
    const std::string unit = o != nullptr ? std::string(o->unit) : std::string();
    out += words(name) + " " + text::fixed(value, 2) + (unit.empty() ? "" : " " + unit);
  }
  return out;
}

}  // namespace lb::sim::debrief
