#include "sim/model/solutes.hpp"

#include "kinetics/predict.hpp"
#include "kinetics/solute_value.hpp"

namespace lb::sim {

namespace {

using Conc = units::AmountConcentration;
using protocol::Solute;

const protocol::SoluteKinetics* find_kinetics(const protocol::Protocol& p, Solute s) {
  for (const auto& k : p.kinetics.solutes) {
    if (k.solute == s) return &k;
  }
  return nullptr;
}

/// The planner's own nominal parameters for `k` at the patient's baseline (kinetics::
/// nominal_params, as predict_solute sets them up), or the reason there are none.
std::optional<std::string> set_up(SoluteModel& m, const protocol::SoluteKinetics& k,
                                  const protocol::Protocol& protocol,
                                  const patient::Patient& patient, const SessionSetup& s) {
  kinetics::PredictionInputs in;
  in.replacement = protocol.session.replacement;
  in.exchange = s.exchange;
  in.ffp_last = s.ffp_last;
  in.diagnosis = std::string(patient::to_string(patient.diagnosis));
  in.citation = protocol::citation_for(protocol, k.source);
  auto nominal = kinetics::nominal_params<Conc>(k, m.baseline, in);
  if (!nominal.params) return nominal.problem;
  m.params = std::move(*nominal.params);
  // Bilirubin and ammonia: one C_r for every fluid (kinetics.<solute>.replacement_concentration)
  // or none (C_r = 0); the per-step C_r is weighted by the fluids' flows.
  m.ffp_concentration = m.params.replacement;
  m.albumin_concentration = m.params.replacement;
  m.params.stages.clear();
  m.basis = "protocol kinetics." + std::string(protocol::to_string(k.solute)) + " (" +
            std::string(protocol::to_string(k.model)) + "; " + in.citation + ")" +
            (nominal.generation_basis.empty() ? "" : "; trend: " + nominal.generation_basis);
  if (units::in_fraction(m.params.adsorption) > 0.0) {
    // The adsorber runs as its own stage of after_session; stepped every second it would
    // run again each step. Not simulated (the exchange is).
    m.params.adsorption = units::fraction(0);
    m.params.adsorption_time = units::hours(0);
    m.basis += "; the protocol's adsorber is not simulated";
  }
  return std::nullopt;
}

}  // namespace

SoluteModels solute_models(const protocol::Protocol& protocol, const patient::Patient& patient,
                           const SessionSetup& first_session, const Parameters& parameters) {
  SoluteModels out;
  out.factors = factor_models(protocol, patient, first_session, parameters);
  for (const Solute s : {Solute::bilirubin, Solute::ammonia}) {
    const std::string name(protocol::to_string(s));
    const protocol::SoluteKinetics* k = find_kinetics(protocol, s);
    if (k == nullptr) {
      out.problems.push_back(name + ": the protocol has no kinetics for it; not simulated");
      continue;
    }
    const auto lab = kinetics::baseline_of(patient, s);
    if (!lab) {
      out.problems.push_back(name + ": no baseline lab in the patient file; not simulated");
      continue;
    }
    SoluteModel m;
    m.solute = s;
    if (std::holds_alternative<Conc>(*lab)) {
      m.baseline = std::get<Conc>(*lab);
    } else {
      const auto c = kinetics::in_form_of(s, *lab, protocol::LabValue{units::umol_per_l(1)});
      if (!c || !std::holds_alternative<Conc>(*c)) {
        out.problems.push_back(name + ": the baseline cannot be converted to µmol/L");
        continue;
      }
      m.baseline = std::get<Conc>(*c);
    }
    if (auto problem = set_up(m, *k, protocol, patient, first_session)) {
      out.problems.push_back(name + ": " + *problem + "; not simulated");
      continue;
    }
    out.models.push_back(std::move(m));
  }
  return out;
}

namespace kernel {

namespace {

double intravascular(const SoluteModel& m) {
  return units::in_fraction(m.params.intravascular_fraction);
}

}  // namespace

double solute_amount(const SoluteModel& m, double plasma_l, double cp, double ce) {
  const double f = intravascular(m);
  return plasma_l * (cp + (1.0 - f) / f * ce);
}

void step_solute(SoluteSlot slot, const SoluteModel& m, const Fluxes& f, double plasma_l,
                 double dt_s) {
  using kinetics::State;
  const State<Conc> s0{units::umol_per_l(*slot.plasma), units::umol_per_l(*slot.extravascular)};
  const units::Duration half = units::seconds(dt_s / 2.0);
  State<Conc> mid;
  State<Conc> end;
  double replaced = 0.0;  // µmol in with the replacement over the step
  if (f.plasma_removed > 0.0) {
    kinetics::Params<Conc> p = m.params;
    // a·(Cp − Cr) with a = Q_rem/PV and the fluids' C_r weighted by their flows: the
    // replacement term is Σ Q_i·C_r,i / PV whatever the fluid balance.
    const double cr = (f.ffp * units::in_umol_per_l(m.ffp_concentration) +
                       f.albumin * units::in_umol_per_l(m.albumin_concentration)) /
                      f.plasma_removed;
    p.replacement = units::umol_per_l(cr);
    const units::Fraction x_half = units::fraction(f.plasma_removed * dt_s / 60.0 / plasma_l / 2.0);
    mid = kinetics::after_session(s0, p, x_half, half);
    end = kinetics::after_session(mid, p, x_half, half);
    replaced = f.plasma_removed * cr * dt_s / 60.0;
  } else {
    mid = kinetics::after_interval(s0, m.params, half);
    end = kinetics::after_interval(mid, m.params, half);
  }
  const double c0 = *slot.plasma;
  const double cm = units::in_umol_per_l(mid.plasma);
  const double c1 = units::in_umol_per_l(end.plasma);
  // Out with the removed plasma: Q_rem·∫Cp dt by Simpson's rule (exact to ~dt⁴ for the
  // exponentials of the kinetics solution).
  const double removed = f.plasma_removed / 60.0 * dt_s * (c0 + 4.0 * cm + c1) / 6.0;
  // Production p and return k_r as the kinetics engine takes them (kinetics::detail::rates_of,
  // SI: mmol/L per s and 1/s): p·PV/f in, k_r·∫amount out (Simpson's rule again).
  const kinetics::detail::Rates rates = kinetics::detail::rates_of(m.params);
  const double produced = rates.p * 1000.0 * dt_s * plasma_l / intravascular(m);
  const double a0 = solute_amount(m, plasma_l, c0, *slot.extravascular);
  const double am = solute_amount(m, plasma_l, cm, units::in_umol_per_l(mid.extravascular));
  const double a1 = solute_amount(m, plasma_l, c1, units::in_umol_per_l(end.extravascular));
  const double returned = rates.kr * dt_s * (a0 + 4.0 * am + a1) / 6.0;
  *slot.plasma = c1;
  *slot.extravascular = units::in_umol_per_l(end.extravascular);
  slot.ledger->in += produced + replaced;
  slot.ledger->out += removed + returned;
}

}  // namespace kernel

}  // namespace lb::sim
