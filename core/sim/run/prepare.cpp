#include "sim/run/prepare.hpp"

#include <cmath>

#include "io/sha256.hpp"
#include "patient/patient_loader.hpp"
#include "plan/plan_sources.hpp"
#include "protocol/protocol_loader.hpp"
#include "sim/model/engine.hpp"
#include "sim/run/patient_draws.hpp"
#include "sim/run/start_state.hpp"

namespace lb::sim::run {

namespace {

void copy_shifted(const diag::Diagnostics& from, int column_shift, diag::Diagnostics& to) {
  for (auto d : from.items()) {
    if (d.where.line > 0) d.where.column += column_shift;
    to.add(std::move(d));
  }
}

}  // namespace

Preparation prepare(const scenario::ScenarioLoad& load, const std::string& protocols_dir) {
  Preparation out;
  if (!load.scenario) {
    out.diagnostics = load.diagnostics;
    return out;
  }
  const diag::Location at_file{load.file, 0, 0};

  const auto patient = scenario::patient_source(load, out.diagnostics);
  if (!patient) return out;
  const auto patient_load = patient::parse_patient(patient->text, patient->file);
  copy_shifted(patient_load.diagnostics, patient->column_shift, out.diagnostics);
  const auto protocol_load =
      protocol::resolve_protocol(scenario::protocol_reference(load), protocols_dir);
  for (const auto& d : protocol_load.diagnostics.items()) out.diagnostics.add(d);
  if (!patient_load.patient || !protocol_load.protocol) {
    if (!out.diagnostics.has_errors()) {
      out.diagnostics.error(at_file, "", "the scenario's patient or protocol does not read");
    }
    return out;
  }

  plan::PlanSources sources;
  sources.patient_text = patient->text;
  sources.patient_file = patient->file;
  sources.protocol_text = protocol_load.text;
  sources.protocol_file = protocol_load.file;
  Preparation rest = prepare_texts(load, sources);
  for (const auto& d : rest.diagnostics.items()) out.diagnostics.add(d);
  out.prepared = std::move(rest.prepared);
  return out;
}

Preparation prepare_texts(const scenario::ScenarioLoad& load, const plan::PlanSources& sources) {
  Preparation out;
  if (!load.scenario) {
    out.diagnostics = load.diagnostics;
    return out;
  }
  const scenario::Scenario& s = *load.scenario;
  const diag::Location at_file{load.file, 0, 0};
  const auto patient_load = patient::parse_patient(sources.patient_text, sources.patient_file);
  if (!patient_load.patient) {
    for (const auto& d : patient_load.diagnostics.items()) out.diagnostics.add(d);
    if (!out.diagnostics.has_errors()) {
      out.diagnostics.error(at_file, "", "the patient does not read");
    }
    return out;
  }
  SimulationSources sim = simulation_from_sources(sources);
  if (!sim.plan || !sim.protocol) {
    for (const auto& p : sim.problems) out.diagnostics.error(at_file, "protocol", p);
    return out;
  }
  SetupResult setup = session_setup(*sim.plan, *sim.protocol, s.session);
  if (!setup.setup) {
    out.diagnostics.error(at_file, "session", "the plan cannot be simulated: " + setup.problem);
    return out;
  }
  SessionSetup session = std::move(*setup.setup);
  // What the planner warns about the same session (FFP citrate not counted), said here too.
  for (const auto& f : session.findings) {
    out.diagnostics.warning(at_file, "protocol", f.message);
  }
  // A scenario plays one session from its connection: it starts at the run's time 0.
  session.start = units::seconds(0);
  if (s.device) {
    const bool membrane = *s.device == scenario::DeviceKind::membrane;
    if (membrane != (session.device == protocol::SeparationTechnique::membrane)) {
      out.diagnostics.error(at_file, "device",
                            "the scenario's device is " +
                                std::string(scenario::kDeviceNames.name(*s.device)) +
                                " but the protocol separates by " +
                                (membrane ? std::string("centrifugation") : "membrane"));
      return out;
    }
  }

  Parameters parameters = parameters_for(*patient_load.patient);
  for (const auto& o : s.parameters) {
    // A distribution holds its mean here; each run draws its own value from the seed
    // (patient_draws.hpp, in the Runner).
    parameters.set(o.id, o.value,
                   std::string(o.draw ? "mean of the distribution drawn per run: " : "") +
                       "scenario " + s.id + " (" + load.file + ":" + std::to_string(o.where.line) +
                       ")");
  }
  SoluteModels solutes = solute_models(*sim.protocol, *patient_load.patient, session, parameters);
  // Starting values the patient's state cannot take (a total calcium below what the iCa
  // already gives, a solute not simulated): errors at their place in the scenario.
  // With per-patient draws the start must hold at every end of them too (patient_draws.hpp
  // draw_corners): a seed must never give a run whose start cannot be set.
  if (!s.start.empty()) {
    std::vector<Parameters> sets{parameters};
    std::vector<std::string> described{""};
    for (auto& corner : draw_corners(s, parameters, &described)) sets.push_back(std::move(corner));
    for (std::size_t i = 0; i < sets.size(); ++i) {
      const Engine probe(sets[i], *patient_load.patient, {session}, solutes);
      const auto problems = start_problems(probe, s.start);
      for (const auto& problem : problems) {
        const diag::Location where =
            problem.index < s.start_where.size() ? s.start_where[problem.index] : at_file;
        out.diagnostics.error(
            where, "start",
            problem.message + (described[i].empty()
                                   ? ""
                                   : " (when the parameters are drawn at " + described[i] + ")"));
      }
      if (!problems.empty()) return out;
    }
  }

  const auto& orders = sim.plan->session->replacement;
  const double length_s = units::in_seconds(session.duration);
  if (!(length_s >= 1.0)) {
    out.diagnostics.error(at_file, "protocol", "the planned session has no run time to simulate");
    return out;
  }
  Prepared p{s,
             *patient_load.patient,
             *sim.protocol,
             session,
             parameters,
             std::move(solutes),
             events::Exposure{0, static_cast<scenario::SimTime>(std::llround(length_s)),
                              orders ? orders->ffp_units.value : 0},
             orders ? orders->ffp_unit_volume : units::milliliters(0),
             io::sha256_hex(load.text)};
  out.prepared = std::move(p);
  return out;
}

}  // namespace lb::sim::run
