#include "sim/model/session_setup.hpp"

#include <stdexcept>

#include "session/acd.hpp"
#include "session/citrate_load.hpp"
#include "session/finding_codes.hpp"
#include "session/replacement_mix.hpp"
#include "session/separation.hpp"
#include "text/format.hpp"

namespace lb::sim {

namespace {

std::string ml_min(units::Flow q) { return text::fixed(units::in_ml_per_min(q), 1) + " mL/min"; }

}  // namespace

DeviceFlows device_flows(const SessionSetup& s, units::Flow inlet,
                         std::optional<units::VolumeRatio> ratio) {
  protocol::SeparationSettings settings = s.separation;
  if (s.device == Device::centrifugal) {
    settings.centrifugal.inlet_flow = inlet;
  } else {
    settings.membrane.blood_flow = inlet;
  }
  const session::SeparationRun run = session::separation_run(
      settings, session::SeparationInputs{s.exchange_figure, s.tbv_figure, s.hematocrit,
                                          s.device == Device::centrifugal ? ratio : std::nullopt,
                                          settings.source});
  DeviceFlows f;
  f.inlet = run.flow.value;
  f.inlet_capped = run.inlet_capped;
  f.whole_blood = run.whole_blood_flow.value;
  f.plasma_removal = run.plasma_removal_rate.value;
  f.ac_returned = run.ac_returned.value;
  // The AC pump, by the planner's citrate model (session/citrate_load.hpp).
  f.ac = ratio ? session::ac_flow(f.whole_blood, *ratio) : units::ml_per_min(0);
  return f;
}

SetupResult session_setup(const plan::Plan& plan, const protocol::Protocol& protocol, int number) {
  SetupResult out;
  const auto& settings = protocol.session;
  if (!plan.session || !plan.session->separation || !settings.separation) {
    out.problem = "the protocol has no separation section: there is no device to simulate";
    return out;
  }
  const int sessions = plan.course ? static_cast<int>(plan.course->sessions.size()) : 1;
  if (number < 1 || number > sessions) {
    out.problem = "session " + std::to_string(number) + " is not in the plan (1–" +
                  std::to_string(sessions) + ")";
    return out;
  }
  SessionSetup s;
  s.number = number;
  s.device = settings.separation->technique;
  s.separation = *settings.separation;
  s.separation.source = protocol::citation_for(protocol, settings.separation->source);
  s.hematocrit = plan.patient.hematocrit;
  s.weight = plan.patient.weight;
  if (plan.session->anticoagulation && plan.session->anticoagulation->citrate) {
    s.citrate_rate_limit = plan.session->anticoagulation->citrate->rate_limit.value;
  }
  s.total_blood_volume = plan.total_blood_volume.value;
  s.plasma_volume = plan.plasma_volume.value;
  s.tbv_figure = plan.total_blood_volume;
  s.exchange_figure = plan.exchange.volume;
  s.exchange = plan.exchange.volume.value;
  s.start = units::seconds(0);
  if (plan.course) {
    const auto& cs = plan.course->sessions[static_cast<std::size_t>(number - 1)];
    s.exchange = cs.exchange_volume;
    s.exchange_figure.value = cs.exchange_volume;
    s.start = cs.timing.start;
  }

  const auto& run = *plan.session->separation;
  if (settings.anticoagulation) {
    s.anticoagulant = settings.anticoagulation->method;
    if (s.anticoagulant == protocol::Anticoagulant::citrate) {
      const auto& c = settings.anticoagulation->citrate;
      s.ac_ratio = c.inlet_to_ac_ratio;
      s.ac_citrate = session::citrate_amount(
          session::citrate_as_citric_acid(session::acd_composition(c.solution)));
      // The protocol's ffp_citrate is the one source of FFP citrate: without it FFP citrate is
      // not counted, as the planner does not count it (session/citrate_load.hpp).
      s.ffp_citrate =
          c.ffp_citrate ? session::citrate_amount(*c.ffp_citrate) : units::mmol_per_l(0);
      s.ffp_citrate_from_protocol = c.ffp_citrate.has_value();
      if (c.calcium_gluconate_per_hour) {
        s.calcium = SetCalciumInfusion{
            CalciumProduct::gluconate_10,
            session::calcium_gluconate_10_volume(*c.calcium_gluconate_per_hour) / units::hours(1)};
        s.provenance.push_back("calcium gluconate " +
                               text::fixed(units::in_grams(*c.calcium_gluconate_per_hour), 2) +
                               " g/h: protocol anticoagulation.citrate (" +
                               protocol::citation_for(protocol, c.source) + ")");
      }
      s.provenance.push_back("AC citrate " + text::fixed(units::in_mmol_per_l(s.ac_citrate), 1) +
                             " mmol/L (" + std::string(protocol::to_string(c.solution)) +
                             "): citrate engine, USP composition");
      if (s.ffp_citrate_from_protocol) {
        s.provenance.push_back("FFP citrate " +
                               text::fixed(units::in_mmol_per_l(*s.ffp_citrate), 1) +
                               " mmol/L: protocol anticoagulation.citrate.ffp_citrate");
      }
    } else if (s.anticoagulant == protocol::Anticoagulant::heparin) {
      s.heparin = settings.anticoagulation->heparin;
    }
  } else {
    s.anticoagulant = protocol::Anticoagulant::none;
  }
  // The planned setting, through the separation engine with this session's exchange.
  s.flows = device_flows(s, run.flow.value, s.ac_ratio);
  s.duration = s.exchange / s.flows.plasma_removal;
  s.provenance.push_back(
      std::string(s.device == Device::centrifugal ? "inlet flow " : "blood flow ") +
      ml_min(s.flows.inlet) + ", plasma removal " + ml_min(s.flows.plasma_removal) +
      ": separation engine (" + s.separation.source + ")");

  if (settings.replacement) {
    const auto& r = *settings.replacement;
    s.fluid_balance = r.fluid_balance;
    const units::Volume replaced = s.exchange * r.fluid_balance;
    s.ffp_share = session::ffp_share(r, replaced);
    s.ffp_volume = replaced * s.ffp_share;
    s.albumin_volume = replaced - s.ffp_volume;
    s.albumin_concentration = r.albumin_concentration;
    s.ffp_composition = r.ffp_composition;
    s.albumin_composition = r.albumin_composition;
    s.ffp_last = plan.session->replacement && !plan.session->replacement->ffp_last.empty();
    if (s.anticoagulant == protocol::Anticoagulant::citrate && !s.ffp_citrate_from_protocol &&
        units::in_milliliters(s.ffp_volume) > 0.0) {
      s.findings.push_back({diag::Severity::warning, session::codes::kFfpCitrateNotCounted.code,
                            session::ffp_citrate_not_counted(s.ffp_volume), "citrate_rate"});
    }
    s.provenance.push_back("replacement " + text::grouped(units::in_milliliters(replaced), 0) +
                           " mL (" + text::fixed(units::in_percent(s.ffp_share), 0) + " % FFP" +
                           (s.ffp_last ? ", FFP last" : "") + "): replacement orders (" +
                           protocol::citation_for(protocol, r.source) + ")");
  } else {
    out.problem = "the protocol has no replacement section: the simulator needs the fluids";
    return out;
  }
  if (settings.separation->extracorporeal_volume) {
    s.extracorporeal_volume = *settings.separation->extracorporeal_volume;
    s.extracorporeal_from_protocol = true;
  }
  out.setup = std::move(s);
  return out;
}

SimulationSources simulation_from_sources(const plan::PlanSources& sources) {
  SimulationSources out;
  plan::PlanAttempt attempt = plan::plan_from_sources(sources);
  if (attempt.refused()) {
    out.problems.push_back("no plan: " + std::string(plan::to_string(attempt.refusal)));
    for (const auto& p : attempt.problems) out.problems.push_back(p);
    for (const auto& d : attempt.patient_diagnostics.items())
      out.problems.push_back(diag::format(d));
    for (const auto& d : attempt.protocol_diagnostics.items()) {
      out.problems.push_back(diag::format(d));
    }
    return out;
  }
  // The plan names its protocol by the text's hash; the protocol itself is read from the same
  // text (plan_from_sources does not hand it out).
  protocol::ProtocolLoad load =
      protocol::parse_protocol(sources.protocol_text, sources.protocol_file);
  if (!load.protocol) {
    out.problems.push_back("the protocol does not read");
    return out;
  }
  out.plan = std::move(attempt.plan);
  out.protocol = std::move(load.protocol);
  return out;
}

}  // namespace lb::sim
