// TEMPORARY until sim/model lands: the engine's vocabulary as of its first draft.
#pragma once
#include "sim/scenario/vocabulary.hpp"
inline lb::sim::scenario::Vocabulary test_vocabulary() {
  lb::sim::scenario::Vocabulary v;
  v.variables = {{"elapsed", "min"},
                 {"ica", "mmol/L"},
                 {"total_ca", "mmol/L"},
                 {"ca_ratio", ""},
                 {"ph", ""},
                 {"hco3", "mmol/L"},
                 {"pco2", "mmHg"},
                 {"k", "mmol/L"},
                 {"map", "mmHg"},
                 {"hr", "/min"},
                 {"spo2", "%"},
                 {"temp", "\u00b0C"},
                 {"hb", "g/L"},
                 {"platelets", "10^9/L"},
                 {"pta", "%"},
                 {"fibrinogen", "g/L"},
                 {"access_pressure", "mmHg"},
                 {"return_pressure", "mmHg"},
                 {"clot_index", ""}};
  v.parameters = {
      {"citrate_clearance", "L/min"}, {"haemodynamic_reserve", ""}, {"baseline_map", "mmHg"}};
  v.actions = {"set_inlet_flow",  "set_ac_ratio", "ca_bolus",           "set_ca_infusion",
               "pause",           "resume",       "fix_line",           "order_lab",
               "call_for_help",   "declare",      "access_obstruction", "vasovagal",
               "set_blood_warmer"};
  v.event_actions = {"access_obstruction", "vasovagal"};
  v.panels = {{"ica", {"ica"}}, {"blood_gas", {"ph", "hco3", "pco2"}}, {"k", {"k"}}};
  return v;
}
