// Closed-form solute kinetics for plasma exchange (LiverBridge clinical reference §7),
// generic over the quantity a lab is measured in (mass or amount
// concentration, or a pure number such as factor activity or INR).
//
// The state is two concentrations: plasma, and extravascular expressed as the
// plasma concentration it would be in equilibrium with (the two are equal at
// equilibrium). The one-compartment and replacement-aware models are the
// special case f = 1 (everything intravascular). The model is the linear ODE
// system of LiverBridge clinical reference §7.3 (k_out = k·(1 − f), k_in = k·f, so
// k_out/k_in = (1 − f)/f) with production p and a first-order return k_r:
//
//   dCp/dt = −a·(Cp − Cr) − a_ads·Cp − k·(1 − f)·(Cp − Ce) + p − k_r·Cp
//   dCe/dt =                            k·f·(Cp − Ce)       + p − k_r·Ce
//
// a = x/τ while plasma is exchanged (0 between sessions), a_ads = x_ads/τ_ads while an
// adsorber (DPMAS) clears plasma without replacing it, k = ln 2 / T with T the half-time
// of the plasma/extravascular difference. The return k_r = ln 2 / T_r is the patient's
// own clearance or catabolism: it pulls a lowered (or raised) value back towards the level
// the patient's production sustains. Production is set so that the untreated trend at the
// baseline C_own is the generation g (the rise of the equilibrated value per time, from the
// patient's own draws or a population default): p = g + k_r·C_own. Without a return
// (k_r = 0) this is the zero-order generation of §7.3; for clotting factors k_r is the
// factor's catabolic rate and C_own what the failing liver synthesises (the baseline), so
// factor supplied by FFP decays with the factor's half-life; for bilirubin and ammonia it
// is clearance against continuing production, so the value rises again after removal.
//
// Redistribution goes on during the session too: for a solute that re-equilibrates
// within hours (ammonia) the plasma refills while it is being exchanged. Every stage is
// solved in closed form as C(t) = C* + e^(Mt)·(C0 − C*) with M the 2 × 2 system matrix,
// C* its steady state, and e^(Mt) by Sylvester's formula (M has two distinct real
// eigenvalues when 0 < f < 1 and k > 0; the return shifts both by −k_r). When τ is short
// relative to T and there is no return this tends to the reference's closed forms:
// C_post/C0 = e^(−x) immediately after, and C_eq/C0 = f·e^(−x) + (1 − f) after
// re-equilibration (§7.3 "rebound").
//
// Cr is the concentration in the replacement fluid (0 when it contains none). When the
// fluids are given one after the other (albumin solution first, FFP last) Cr is piecewise
// constant: the session is a sequence of stages, each exchanging its share of the x
// plasma volumes at the same removal rate a, so each stage has the same closed form and
// they compose exactly. An adsorber runs as a stage of its own before the exchange.
#pragma once

#include <algorithm>
#include <cmath>
#include <numbers>
#include <optional>
#include <tuple>
#include <utility>
#include <vector>

#include "units/quantities.hpp"

namespace lb::kinetics {

template <class Q>
struct State {
  Q plasma;
  Q extravascular;
  /// The value the two compartments settle to: f·Cp + (1 − f)·Ce.
  [[nodiscard]] Q equilibrated(units::Fraction f) const {
    return f * plasma + (units::fraction(1.0) - f) * extravascular;
  }
};

template <class Q>
using Rate = decltype(Q() / units::Duration());

/// One fluid of a session given in sequence: its share of the exchange and its Cr.
template <class Q>
struct Stage {
  units::Fraction share = units::fraction(1.0);
  Q replacement{};
};

template <class Q>
struct Params {
  units::Fraction intravascular_fraction = units::fraction(1.0);  ///< f
  /// Half-time of the plasma/extravascular difference; unset for f = 1.
  std::optional<units::Duration> redistribution_half_time;
  Q replacement{};  ///< Cr, when the fluids are given mixed (`stages` empty)
  /// The fluids in the order given, when not mixed; their shares sum to 1.
  std::vector<Stage<Q>> stages;
  Rate<Q> generation{};  ///< g: the untreated trend at `own_level`
  /// Half-time of the first-order return (k_r = ln 2 / T_r); unset: no return.
  std::optional<units::Duration> return_half_time;
  Q own_level{};  ///< C_own: the baseline, where the untreated trend is g
  units::Fraction adsorption = units::fraction(0);    ///< x_ads per session (0: no adsorber)
  units::Duration adsorption_time = units::hours(0);  ///< τ_ads
};

/// A solute at equilibrium before any exchange.
template <class Q>
State<Q> at_equilibrium(Q c) {
  return {c, c};
}

namespace detail {

/// The rates of one stage in SI values (1/s): exchange a, adsorption aa, redistribution k,
/// return kr; f, the replacement cr and the production p (per s).
struct Rates {
  double a = 0.0;
  double aa = 0.0;
  double k = 0.0;
  double kr = 0.0;
  double f = 1.0;
  double cr = 0.0;
  double p = 0.0;
};

/// One compartment (f = 1 or no redistribution): dC/dt = −a·(C − cr) − aa·C + p − kr·C.
inline double one_compartment_stage(double c, const Rates& r, double t) {
  const double l = r.a + r.aa + r.kr;
  if (!(l > 0.0)) return c + r.p * t;
  const double steady = (r.a * r.cr + r.p) / l;
  return steady + (c - steady) * std::exp(-l * t);
}

/// One stage of the two-compartment ODE over `t` seconds (0 < f < 1, k > 0).
inline std::pair<double, double> two_compartment_stage(double cp, double ce, const Rates& r,
                                                       double t) {
  const double f = r.f;
  const double k = r.k;
  if (r.a + r.aa == 0.0 && r.kr == 0.0) {
    // No exchange and no return: M is singular. The equilibrated value rises by p·t and
    // the plasma/extravascular difference decays with k.
    const double total = f * cp + (1.0 - f) * ce + r.p * t;
    const double difference = (cp - ce) * std::exp(-k * t);
    return {total + (1.0 - f) * difference, total - f * difference};
  }
  const double m11 = -r.a - r.aa - k * (1.0 - f) - r.kr;
  const double m12 = k * (1.0 - f);
  const double m21 = k * f;
  const double m22 = -k * f - r.kr;
  const double det = m11 * m22 - m12 * m21;  // = (a + aa)·k·f + kr·(a + aa + k) + kr² > 0
  // Steady state C* = −M⁻¹·b, b = (a·cr + p, p).
  const double b1 = r.a * r.cr + r.p;
  const double b2 = r.p;
  const double s1 = (-m22 * b1 + m12 * b2) / det;
  const double s2 = (m21 * b1 - m11 * b2) / det;
  // Eigenvalues (tr ± √(tr² − 4·det))/2, tr² − 4·det = (m11 − m22)² + 4·m12·m21 > 0.
  const double tr = m11 + m22;
  const double root = std::sqrt((m11 - m22) * (m11 - m22) + 4.0 * m12 * m21);
  const double l1 = (tr + root) / 2.0;
  const double l2 = (tr - root) / 2.0;
  const double e1 = std::exp(l1 * t);
  const double e2 = std::exp(l2 * t);
  // Sylvester: e^(Mt) = [e1·(M − l2·I) − e2·(M − l1·I)] / (l1 − l2).
  const double p11 = (e1 * (m11 - l2) - e2 * (m11 - l1)) / root;
  const double p12 = (e1 - e2) * m12 / root;
  const double p21 = (e1 - e2) * m21 / root;
  const double p22 = (e1 * (m22 - l2) - e2 * (m22 - l1)) / root;
  const double d1 = cp - s1;
  const double d2 = ce - s2;
  return {s1 + p11 * d1 + p12 * d2, s2 + p21 * d1 + p22 * d2};
}

/// The state after `t` seconds of one stage: two compartments when 0 < f < 1 and a
/// redistribution rate is given, otherwise one (the extravascular value then follows
/// production and return only, as it does not exchange).
inline std::pair<double, double> stage(double cp, double ce, const Rates& r, double t) {
  if (r.f < 1.0 && r.k > 0.0) return two_compartment_stage(cp, ce, r, t);
  Rates outside = r;
  outside.a = 0.0;
  outside.aa = 0.0;
  return {one_compartment_stage(cp, r, t), one_compartment_stage(ce, outside, t)};
}

template <class Q>
Rates rates_of(const Params<Q>& p) {
  Rates r;
  r.f = p.intravascular_fraction.value();
  if (p.redistribution_half_time) r.k = std::numbers::ln2 / p.redistribution_half_time->value();
  if (p.return_half_time) r.kr = std::numbers::ln2 / p.return_half_time->value();
  r.p = p.generation.value() + r.kr * p.own_level.value();
  // Production cannot be negative: an improving trend steeper than the return allows is
  // capped at no production (the value then falls with the return half-time alone).
  if (r.kr > 0.0 && r.p < 0.0) r.p = 0.0;
  return r;
}

}  // namespace detail

/// The state `t` after `s` without exchange: redistribution, production and return.
template <class Q>
State<Q> after_interval(const State<Q>& s, const Params<Q>& p, units::Duration t) {
  const auto [cp, ce] =
      detail::stage(s.plasma.value(), s.extravascular.value(), detail::rates_of(p), t.value());
  // A falling zero-order trend without a return would run below zero: no lab is negative.
  return {Q::from_value(std::max(cp, 0.0)), Q::from_value(std::max(ce, 0.0))};
}

/// The exchange's time in a session of duration `session` that runs the adsorber (when the
/// parameters give one) first and then exchanges: the planner's session duration holds both
/// (plan_course). A session no longer than the adsorber's run was timed for the exchange
/// alone (a record of the exchange's times only): all of it is the exchange's.
template <class Q>
units::Duration exchange_time(const Params<Q>& p, units::Duration session) {
  if (p.adsorption > units::fraction(0) && session > p.adsorption_time) {
    return session - p.adsorption_time;
  }
  return session;
}

/// The state at the end of a session exchanging `x` plasma volumes over `tau` (the exchange's
/// time: exchange_time), after the adsorber (when the parameters give one) has run for its
/// own time.
template <class Q>
State<Q> after_session(const State<Q>& s, const Params<Q>& p, units::Fraction x,
                       units::Duration tau) {
  detail::Rates r = detail::rates_of(p);
  double cp = s.plasma.value();
  double ce = s.extravascular.value();
  if (p.adsorption.value() > 0.0 && p.adsorption_time.value() > 0.0) {
    detail::Rates ads = r;
    ads.aa = p.adsorption.value() / p.adsorption_time.value();
    std::tie(cp, ce) = detail::stage(cp, ce, ads, p.adsorption_time.value());
  }
  if (!(x.value() > 0.0) || !(tau.value() > 0.0)) {
    std::tie(cp, ce) = detail::stage(cp, ce, r, tau.value());
    return {Q::from_value(cp), Q::from_value(ce)};
  }
  const std::vector<Stage<Q>> mixed{{units::fraction(1.0), p.replacement}};
  const std::vector<Stage<Q>>& stages = p.stages.empty() ? mixed : p.stages;
  r.a = x.value() / tau.value();
  for (const Stage<Q>& one : stages) {
    if (!(one.share.value() > 0.0)) continue;
    r.cr = one.replacement.value();
    std::tie(cp, ce) = detail::stage(cp, ce, r, one.share.value() * tau.value());
  }
  return {Q::from_value(std::max(cp, 0.0)), Q::from_value(std::max(ce, 0.0))};
}

}  // namespace lb::kinetics
