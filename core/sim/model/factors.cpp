#include "sim/model/factors.hpp"

#include "kinetics/predict.hpp"
#include "kinetics/solute_value.hpp"

namespace lb::sim {

namespace {

using protocol::Solute;
using Mass = units::MassConcentration;

const protocol::SoluteKinetics* find_kinetics(const protocol::Protocol& p, Solute s) {
  for (const auto& k : p.kinetics.solutes) {
    if (k.solute == s) return &k;
  }
  return nullptr;
}

/// The protocol's replacement with every composition value the simulator needs: missing FFP
/// values from the parameters; the albumin solution carries no clotting factors or
/// fibrinogen (a purified albumin product). Returns what was filled in, for the basis.
std::string fill_composition(protocol::ReplacementSettings& r, const Parameters& p) {
  std::string filled;
  auto note = [&](const std::string& what) { filled += (filled.empty() ? "" : "; ") + what; };
  if (!r.ffp_composition.factor_activity) {
    r.ffp_composition.factor_activity = units::percent(p.ffp_factor_activity.value);
    note("FFP factor activity: simulator parameter ffp_factor_activity");
  }
  if (!r.ffp_composition.fibrinogen) {
    r.ffp_composition.fibrinogen = units::g_per_l(p.ffp_fibrinogen.value);
    note("FFP fibrinogen: simulator parameter ffp_fibrinogen");
  }
  if (!r.albumin_composition.factor_activity)
    r.albumin_composition.factor_activity = units::percent(0);
  if (!r.albumin_composition.fibrinogen) r.albumin_composition.fibrinogen = units::g_per_l(0);
  return filled;
}

template <class Q>
Q composition_value(const protocol::FluidComposition& c);
template <>
units::Fraction composition_value(const protocol::FluidComposition& c) {
  return *c.factor_activity;
}
template <>
Mass composition_value(const protocol::FluidComposition& c) {
  return *c.fibrinogen;
}

/// Without protocol kinetics: replacement-aware mixing and a return towards the baseline with
/// the parameter's half-time.
template <class Q>
kinetics::Params<Q> parameter_kinetics(const Q& baseline, const Parameter& half_time) {
  kinetics::Params<Q> k;
  k.return_half_time = units::hours(half_time.value);
  k.own_level = baseline;
  return k;
}

template <class Q>
FactorModel<Q> model_of(Solute s, const Q& baseline, const protocol::Protocol* protocol,
                        const protocol::ReplacementSettings& filled, const std::string& filled_note,
                        const patient::Patient& patient, const SessionSetup* session,
                        const Parameter& half_time) {
  FactorModel<Q> m;
  m.baseline = baseline;
  m.ffp = composition_value<Q>(filled.ffp_composition);
  m.albumin = composition_value<Q>(filled.albumin_composition);
  const protocol::SoluteKinetics* k = protocol != nullptr ? find_kinetics(*protocol, s) : nullptr;
  if (k != nullptr && session != nullptr) {
    kinetics::PredictionInputs in;
    in.replacement = filled;
    in.exchange = session->exchange;
    in.ffp_last = session->ffp_last;
    in.diagnosis = std::string(patient::to_string(patient.diagnosis));
    in.citation = protocol::citation_for(*protocol, k->source);
    auto nominal = kinetics::nominal_params<Q>(*k, baseline, in);
    if (nominal.params) {
      m.params = std::move(*nominal.params);
      m.params.stages.clear();  // the per-step C_r follows the fluids actually running
      m.basis = "protocol kinetics." + std::string(protocol::to_string(s)) + " (" +
                std::string(protocol::to_string(k->model)) + "; " + in.citation + ")";
      if (!filled_note.empty()) m.basis += "; " + filled_note;
      return m;
    }
    m.basis = "protocol kinetics." + std::string(protocol::to_string(s)) + " unusable (" +
              nominal.problem + "); ";
  } else {
    m.basis = "the protocol has no kinetics for it; ";
  }
  m.params = parameter_kinetics(baseline, half_time);
  m.basis += "return half-time: simulator parameter " + half_time.id;
  if (!filled_note.empty()) m.basis += "; " + filled_note;
  return m;
}

units::Fraction pta_baseline(const patient::Patient& patient, const Parameters& p) {
  return patient.labs.pta ? *patient.labs.pta : units::percent(p.baseline_pta.value);
}
Mass fibrinogen_baseline(const patient::Patient& patient, const Parameters& p) {
  return patient.labs.fibrinogen ? *patient.labs.fibrinogen
                                 : units::g_per_l(p.baseline_fibrinogen.value);
}

FactorModels models(const protocol::Protocol* protocol, const patient::Patient& patient,
                    const SessionSetup* session, const Parameters& p) {
  protocol::ReplacementSettings filled;
  if (protocol != nullptr && protocol->session.replacement) filled = *protocol->session.replacement;
  const std::string note = fill_composition(filled, p);
  FactorModels out;
  out.pta = model_of(Solute::pta, pta_baseline(patient, p), protocol, filled, note, patient,
                     session, p.factor_recovery_half_time);
  out.fibrinogen = model_of(Solute::fibrinogen, fibrinogen_baseline(patient, p), protocol, filled,
                            note, patient, session, p.fibrinogen_recovery_half_time);
  return out;
}

/// One quantity over one step.
template <class Q>
kinetics::State<Q> step_one(const kinetics::State<Q>& s0, const FactorModel<Q>& m,
                            const kernel::Fluxes& f, double plasma_l, double dt_s) {
  // Plasma removed and FFP given outside the circuit both mix the plasma towards what comes
  // in: a = (Q_rem + Q_FFP,bolus)/PV, C_r = Σ Q_i·C_r,i / (Q_rem + Q_FFP,bolus).
  const double mixing = f.plasma_removed + f.fluid_ffp;  // L/min
  if (!(mixing > 0.0)) return kinetics::after_interval(s0, m.params, units::seconds(dt_s));
  kinetics::Params<Q> p = m.params;
  p.replacement = ((f.ffp + f.fluid_ffp) * m.ffp + f.albumin * m.albumin) / mixing;
  const units::Fraction x = units::fraction(mixing * dt_s / 60.0 / plasma_l);
  return kinetics::after_session(s0, p, x, units::seconds(dt_s));
}

}  // namespace

FactorModels factor_models(const protocol::Protocol& protocol, const patient::Patient& patient,
                           const SessionSetup& first_session, const Parameters& p) {
  return models(&protocol, patient, &first_session, p);
}

FactorModels factor_models(const patient::Patient& patient, const Parameters& p) {
  return models(nullptr, patient, nullptr, p);
}

namespace kernel {

void step_factors(Kernel& k, const FactorModels& m, const Fluxes& f, double plasma_l, double dt_s) {
  // The kernel holds PTA in % and fibrinogen in g/L.
  const auto pta =
      step_one(kinetics::State<units::Fraction>{units::percent(k.pta), units::percent(k.pta_e)},
               m.pta, f, plasma_l, dt_s);
  k.pta = units::in_percent(pta.plasma);
  k.pta_e = units::in_percent(pta.extravascular);
  const auto fib =
      step_one(kinetics::State<Mass>{units::g_per_l(k.fibrinogen), units::g_per_l(k.fibrinogen_e)},
               m.fibrinogen, f, plasma_l, dt_s);
  k.fibrinogen = units::in_g_per_l(fib.plasma);
  k.fibrinogen_e = units::in_g_per_l(fib.extravascular);
}

}  // namespace kernel

}  // namespace lb::sim
