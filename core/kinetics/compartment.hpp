// Closed-form solute kinetics for plasma exchange (LiverBridge clinical reference §7),
// generic over the quantity a lab is measured in (mass or amount
// concentration, or a pure number such as factor activity or INR).
//
// The state is two concentrations: plasma, and extravascular expressed as the
// plasma concentration it would be in equilibrium with (the two are equal at
// equilibrium). The one-compartment and replacement-aware models are the
// special case f = 1 (everything intravascular). The model is the linear ODE
// system of LiverBridge clinical reference §7.3 (k_out = k·(1 − f), k_in = k·f, so
// k_out/k_in = (1 − f)/f; no catabolism term):
//
//   during a session of duration τ exchanging x plasma volumes (removal rate a = x/τ):
//     dCp/dt = −a·(Cp − Cr) − k·(1 − f)·(Cp − Ce) + g     dCe/dt = k·f·(Cp − Ce) + g
//   between sessions (a = 0):
//     dCp/dt = −k·(1 − f)·(Cp − Ce) + g                   dCe/dt = k·f·(Cp − Ce) + g
//   with k = ln 2 / T, T the half-time of the plasma/extravascular difference.
//
// Redistribution goes on during the session too: for a solute that re-equilibrates
// within hours (ammonia) the plasma refills while it is being exchanged. The session
// is solved in closed form as C(τ) = C* + e^(Mτ)·(C0 − C*) with M the 2 × 2 system
// matrix, C* its steady state, and e^(Mτ) by Sylvester's formula (M has two distinct
// real eigenvalues when 0 < f < 1 and a, k > 0). When τ is short relative to T this
// tends to the reference's closed forms: C_post/C0 = e^(−x) immediately after, and
// C_eq/C0 = f·e^(−x) + (1 − f) after re-equilibration (§7.3 "rebound").
//
// Cr is the concentration in the replacement fluid (0 when it contains none)
// and g the zero-order generation (rise of the equilibrated value per time).
// When the fluids are given one after the other (albumin solution first, FFP
// last) Cr is piecewise constant: the session is a sequence of stages, each
// exchanging its share of the x plasma volumes at the same removal rate a, so
// each stage has the same closed form and they compose exactly.
#pragma once

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
  Rate<Q> generation{};  ///< g
};

/// A solute at equilibrium before any exchange.
template <class Q>
State<Q> at_equilibrium(Q c) {
  return {c, c};
}

namespace detail {

/// One session stage of the two-compartment ODE over `t` seconds, in SI values:
/// removal rate a (1/s), redistribution rate k (1/s), 0 < f < 1, replacement cr,
/// generation g (per s). Requires a, k > 0.
inline std::pair<double, double> two_compartment_stage(double cp, double ce, double a, double k,
                                                       double f, double cr, double g, double t) {
  const double m11 = -a - k * (1.0 - f);
  const double m12 = k * (1.0 - f);
  const double m21 = k * f;
  const double m22 = -k * f;
  const double det = m11 * m22 - m12 * m21;  // = a·k·f > 0
  // Steady state C* = −M⁻¹·b, b = (a·cr + g, g).
  const double b1 = a * cr + g;
  const double b2 = g;
  const double s1 = (-m22 * b1 + m12 * b2) / det;
  const double s2 = (m21 * b1 - m11 * b2) / det;
  // Eigenvalues: (tr ± √(tr² − 4·det))/2; tr² − 4·det = (a + k)² − 4·a·k·f > (a − k)² ≥ 0.
  const double tr = m11 + m22;
  const double root = std::sqrt(tr * tr - 4.0 * det);
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

}  // namespace detail

template <class Q>
State<Q> after_interval(const State<Q>& s, const Params<Q>& p, units::Duration t);

/// The state at the end of a session of duration `tau` exchanging `x` plasma volumes.
template <class Q>
State<Q> after_session(const State<Q>& s, const Params<Q>& p, units::Fraction x,
                       units::Duration tau) {
  if (!(x.value() > 0.0)) return after_interval(s, p, tau);
  const std::vector<Stage<Q>> mixed{{units::fraction(1.0), p.replacement}};
  const std::vector<Stage<Q>>& stages = p.stages.empty() ? mixed : p.stages;
  const double f = p.intravascular_fraction.value();
  if (f < 1.0 && p.redistribution_half_time && tau.value() > 0.0) {
    // Two compartments exchanging during the session (SI values: seconds).
    const double a = x.value() / tau.value();
    const double k = std::numbers::ln2 / p.redistribution_half_time->value();
    const double g = p.generation.value();
    double cp = s.plasma.value();
    double ce = s.extravascular.value();
    for (const Stage<Q>& stage : stages) {
      if (!(stage.share.value() > 0.0)) continue;
      std::tie(cp, ce) = detail::two_compartment_stage(cp, ce, a, k, f, stage.replacement.value(),
                                                       g, stage.share.value() * tau.value());
    }
    return {Q::from_value(cp), Q::from_value(ce)};
  }
  // One compartment (f = 1, or no redistribution): Cp(τ) = Cr + g/a + (Cp0 − Cr − g/a)·e^(−x),
  // a = x/τ (§7.2 with zero-order generation); per stage i: x_i = share_i·x over
  // τ_i = share_i·τ, so g/a = g·τ/x in every stage.
  const Q rise = p.generation * tau;
  Q plasma = s.plasma;
  for (const Stage<Q>& stage : stages) {
    if (!(stage.share.value() > 0.0)) continue;
    const Q steady = stage.replacement + rise / x;
    plasma = steady + (plasma - steady) * std::exp(-(stage.share * x).value());
  }
  return {plasma, s.extravascular + rise};
}

/// The state `t` after `s` without exchange: redistribution and generation.
template <class Q>
State<Q> after_interval(const State<Q>& s, const Params<Q>& p, units::Duration t) {
  const units::Fraction f = p.intravascular_fraction;
  const Q total = s.equilibrated(f) + p.generation * t;
  Q difference = s.plasma - s.extravascular;
  if (p.redistribution_half_time) {
    const double k_t = std::numbers::ln2 * (t / *p.redistribution_half_time).value();
    difference = difference * std::exp(-k_t);
  }
  const units::Fraction one = units::fraction(1.0);
  return {total + (one - f) * difference, total - f * difference};
}

}  // namespace lb::kinetics
