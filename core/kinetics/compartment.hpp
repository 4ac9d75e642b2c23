// Closed-form solute kinetics for plasma exchange (clinical.md §2.1-§2.2),
// generic over the quantity a lab is measured in (mass or amount
// concentration, or a pure number such as factor activity or INR).
//
// The state is two concentrations: plasma, and extravascular expressed as the
// plasma concentration it would be in equilibrium with (the two are equal at
// equilibrium). The one-compartment and replacement-aware models are the
// special case f = 1 (everything intravascular). The model, as linear ODEs:
//
//   during a session of duration τ exchanging x plasma volumes
//   (removal rate a = x/τ; redistribution neglected, as the reference's closed
//   forms assume a procedure short relative to redistribution):
//     dCp/dt = −a·(Cp − Cr) + g          dCe/dt = g
//   between sessions (redistribution rate k = ln 2 / half-time):
//     dCp/dt = −k·(1 − f)·(Cp − Ce) + g   dCe/dt = k·f·(Cp − Ce) + g
//
// Cr is the concentration in the replacement fluid (0 when it contains none)
// and g the zero-order generation (rise of the equilibrated value per time).
// The equilibrated value f·Cp + (1 − f)·Ce changes only by exchange and by g,
// so with g = 0 and Cr = 0 full re-equilibration after one session gives the
// reference's rebound C_eq/C0 = f·e^(−x) + (1 − f).
#pragma once

#include <cmath>
#include <numbers>
#include <optional>

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

template <class Q>
struct Params {
  units::Fraction intravascular_fraction = units::fraction(1.0);  ///< f
  /// Half-time of the plasma/extravascular difference; unset for f = 1.
  std::optional<units::Duration> redistribution_half_time;
  Q replacement{};       ///< Cr
  Rate<Q> generation{};  ///< g
};

/// A solute at equilibrium before any exchange.
template <class Q>
State<Q> at_equilibrium(Q c) {
  return {c, c};
}

/// The state at the end of a session of duration `tau` exchanging `x` plasma volumes.
template <class Q>
State<Q> after_session(const State<Q>& s, const Params<Q>& p, units::Fraction x,
                       units::Duration tau) {
  const Q rise = p.generation * tau;
  if (!(x.value() > 0.0)) return {s.plasma + rise, s.extravascular + rise};
  // Cp(τ) = Cr + g/a + (Cp0 − Cr − g/a)·e^(−x), a = x/τ  (§2.1 with zero-order generation)
  const Q steady = p.replacement + rise / x;
  const double remaining = std::exp(-x.value());
  return {steady + (s.plasma - steady) * remaining, s.extravascular + rise};
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
