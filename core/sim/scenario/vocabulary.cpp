// The vocabulary of scenarios, from the engine's own tables: observables (observables.hpp),
// parameters (parameters.hpp), actions (action_reader.hpp, from sim::action_name) and lab
// panels (sim::names::kLabKind) with the observables each reports.
#include "sim/scenario/vocabulary.hpp"

#include "patient/patient.hpp"
#include "sim/model/observables.hpp"
#include "sim/model/parameters.hpp"
#include "sim/run/start_state.hpp"
#include "sim/scenario/action_reader.hpp"
#include "sim/scenario/script_loader.hpp"

namespace lb::sim::scenario {

namespace {

/// What each panel reports: the analytes a point-of-care or central lab returns for it.
std::vector<std::string> panel_reports(LabKind kind) {
  switch (kind) {
    case LabKind::ionised_calcium: return {"ica"};
    case LabKind::total_calcium: return {"total_ca"};
    case LabKind::blood_gas: return {"ph", "pco2", "hco3"};
    case LabKind::potassium: return {"k"};
    case LabKind::blood_count: return {"hb", "platelets"};
    case LabKind::coagulation: return {"pta", "fibrinogen"};
    case LabKind::bilirubin: return {"bilirubin"};
    case LabKind::ammonia: return {"ammonia"};
  }
  return {};
}

Vocabulary build() {
  Vocabulary v;
  for (const auto& o : observables())
    v.variables.push_back({std::string(o.name), std::string(o.unit), std::nullopt});
  // Parameter ids and units are the same for every patient; a default patient lists them.
  const Parameters parameters = parameters_for(patient::Patient{});
  for (const Parameter* p : parameters.table()) {
    v.parameters.push_back({p->id, p->unit, p->range});
  }
  v.actions = script_action_names();
  v.event_actions = event_action_names();
  for (const auto& e : names::kLabKind.entries()) {
    v.panels.push_back({std::string(e.name), panel_reports(e.value)});
  }
  for (const auto& s : run::start_variables()) {
    const Observable* o = find_observable(s.name);
    v.startable.push_back({s.name, o != nullptr ? std::string(o->unit) : "", s.range});
  }
  return v;
}

}  // namespace

const Vocabulary& sim_vocabulary() {
  static const Vocabulary v = build();
  return v;
}

}  // namespace lb::sim::scenario
