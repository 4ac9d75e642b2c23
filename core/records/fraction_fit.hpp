// One recorded session run through the planner's kinetics engine (kinetics/compartment.hpp,
// LiverBridge clinical reference §7.3) — one model per quantity: the review's predicted
// post value, its fitted intravascular fraction f and its re-planned volume all come from
// the same after_interval/after_session the planner predicts with, so production, the
// return, the adsorber and the replacement fluid count in every figure.
//   post(f, x) = after_interval(after_session(after_interval(C_pre, pre → start), x, τ),
//                               end → post draw).plasma
// post falls as f rises (more of the body amount is exchanged) and as x rises, so both are
// solved by bisection.
#pragma once

#include <cstdint>
#include <optional>

#include "kinetics/compartment.hpp"
#include "units/compare.hpp"
#include "units/quantities.hpp"

namespace lb::records {

/// f is shown with two decimals. The fit searches from the smallest f that shows as more
/// than 0.00 (10^−2): f = 0 is no two-compartment model at all (nothing of the solute in
/// plasma; without a return the system matrix is then singular), and a fall that only an f
/// below one display step explains is reported as not fitted rather than shown as "0.00".
inline constexpr int kFractionDecimals = 2;
inline constexpr double kFractionLow = 0.01;

/// One session as the engine sees it: the parameters, the pre draw (taken as equilibrated)
/// and the session's times (epoch seconds) and plasma volumes exchanged.
template <class Q>
struct SessionCase {
  kinetics::Params<Q> params;
  Q pre{};
  std::int64_t pre_at = 0;
  std::int64_t started = 0;
  std::int64_t ended = 0;
  units::Fraction x = units::fraction(0);
};

/// The plasma value at `at` (after the session's end).
template <class Q>
Q post_value(const SessionCase<Q>& c, std::int64_t at) {
  kinetics::State<Q> s = kinetics::at_equilibrium(c.pre);
  if (c.started > c.pre_at) {
    s = kinetics::after_interval(s, c.params, units::elapsed_between(c.pre_at, c.started));
  }
  s = kinetics::after_session(
      s, c.params, c.x,
      kinetics::exchange_time(c.params, units::elapsed_between(c.started, c.ended)));
  return kinetics::after_interval(s, c.params, units::elapsed_between(c.ended, at)).plasma;
}

/// The plasma value at `at` with intravascular fraction `f`.
template <class Q>
Q post_value_with(SessionCase<Q> c, double f, std::int64_t at) {
  c.params.intravascular_fraction = units::fraction(f);
  return post_value(c, at);
}

/// The f in [kFractionLow, 1] at which the engine gives `observed` at `at`; unset when no f
/// in that range does (a rise, or a fall beyond what removal from plasma can give).
template <class Q>
std::optional<units::Fraction> fit_fraction(const SessionCase<Q>& c, Q observed, std::int64_t at) {
  double lo = kFractionLow;
  double hi = 1.0;
  if (units::above(observed, post_value_with(c, lo, at)) ||
      units::below(observed, post_value_with(c, hi, at))) {
    return std::nullopt;
  }
  // 60 halvings take the interval below double precision.
  for (int step = 0; step < 60; ++step) {
    const double mid = (lo + hi) / 2.0;
    (units::above(post_value_with(c, mid, at), observed) ? lo : hi) = mid;
  }
  return units::fraction((lo + hi) / 2.0);
}

/// The plasma volumes x at which the engine gives `target` at `at` (the session's own
/// times); unset when no exchange reaches it: the search doubles x until the value no longer
/// falls (the extravascular pool then limits what any volume can remove).
template <class Q>
std::optional<units::Fraction> volume_reaching(SessionCase<Q> c, Q target, std::int64_t at) {
  const auto value_at = [&](double x) {
    c.x = units::fraction(x);
    return post_value(c, at);
  };
  if (!units::below(target, value_at(0.0))) return std::nullopt;
  double lo = 0.0;
  double hi = 1.0;
  while (units::above(value_at(hi), target)) {
    if (!units::below(value_at(2.0 * hi), value_at(hi))) return std::nullopt;
    lo = hi;
    hi *= 2.0;
  }
  for (int step = 0; step < 60; ++step) {
    const double mid = (lo + hi) / 2.0;
    (units::above(value_at(mid), target) ? lo : hi) = mid;
  }
  return units::fraction((lo + hi) / 2.0);
}

}  // namespace lb::records
