// The redistribution half-time T of a two-compartment solute fitted to post draws taken
// during the refill (after a session ended, before the equilibration time), through the
// planner's kinetics engine (fraction_fit.hpp's post_value, kinetics/compartment.hpp) — one
// model per quantity. T minimises the sum of squared relative residuals
//   S(T) = Σ_i ((post_i(T) − C_i) / C_i)²
// searched on a logarithmic grid from kHalfTimeLow to kHalfTimeHigh, every interior local
// least point refined by golden section between its grid neighbours.
// One draw does not always fix T: the value at a draw is not monotonic in T. A very short T
// keeps the compartments mixed during the session, so the exchange removes more of the body
// amount and the plasma is low at the draw; a long T leaves the plasma low because it has
// not refilled; in between it is highest. Two half-times can then explain one draw equally,
// and draws at other times tell them apart. So the fit is refused, with the reason, when
//   * the least point lies on the edge of the range (no T in it explains the draws),
//   * another local least point explains the draws as well (within kAmbiguity of S), or
//   * the root mean square relative residual exceeds kRefillTolerance (no T explains them).
// Deterministic: a fixed grid and a fixed number of refinements.
#pragma once

#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

#include "records/fraction_fit.hpp"
#include "units/quantities.hpp"

namespace lb::records {

/// The fit's search range: the protocol loader's least redistribution half-time (1 min) to a
/// week, beyond which a draw within the equilibration time no longer tells T apart.
inline const units::Duration kHalfTimeLow = units::minutes(1.0);
inline const units::Duration kHalfTimeHigh = units::hours(24.0 * 7.0);

/// One early post draw of one session: the session as the engine sees it and the draw.
template <class Q>
struct RefillDraw {
  SessionCase<Q> session;
  Q observed{};
  std::int64_t at = 0;  ///< epoch seconds of the draw (after the session's end)
};

/// The plasma value at the draw with redistribution half-time `t`.
template <class Q>
Q refill_value(const RefillDraw<Q>& d, units::Duration t) {
  SessionCase<Q> c = d.session;
  c.params.redistribution_half_time = t;
  return post_value(c, d.at);
}

/// S(T) above.
template <class Q>
double refill_residuals(const std::vector<RefillDraw<Q>>& draws, units::Duration t) {
  double sum = 0.0;
  for (const auto& d : draws) {
    const double r = units::in_fraction((refill_value(d, t) - d.observed) / d.observed);
    sum += r * r;
  }
  return sum;
}

/// What no fit may exceed: a root mean square relative residual of 5 % (about the
/// imprecision of a routine chemistry assay), and the sum of squares by which a second
/// least point counts as explaining the draws as well (a relative residual of 1 %).
inline constexpr double kRefillTolerance = 0.05;
inline constexpr double kAmbiguity = 1e-4;

struct HalfTimeFit {
  std::optional<units::Duration> half_time;
  double rms = 0.0;  ///< root mean square relative residual at the fit
  /// Why there is no fit (none when there is one).
  enum class Problem { none, no_draws, edge, ambiguous, residual };
  Problem problem = Problem::none;
  std::optional<units::Duration> other;  ///< the second half-time, when ambiguous
};

/// T in (kHalfTimeLow, kHalfTimeHigh) that best explains the draws, or why there is none.
template <class Q>
HalfTimeFit fit_half_time(const std::vector<RefillDraw<Q>>& draws) {
  HalfTimeFit out;
  if (draws.empty()) {
    out.problem = HalfTimeFit::Problem::no_draws;
    return out;
  }
  // ln T on a grid of about 8 points per factor of e (13 % apart) over the range.
  const double lo = std::log(units::in_minutes(kHalfTimeLow));
  const double hi = std::log(units::in_minutes(kHalfTimeHigh));
  constexpr int kGrid = 72;
  const auto sum_at = [&](double ln_minutes) {
    return refill_residuals(draws, units::minutes(std::exp(ln_minutes)));
  };
  const auto node = [&](int i) { return lo + (hi - lo) * i / kGrid; };
  std::vector<double> grid(kGrid + 1);
  for (int i = 0; i <= kGrid; ++i) grid[i] = sum_at(node(i));
  // Every local least point: the edges as they are, interior ones refined.
  struct Least {
    double ln_minutes;
    double sum;
    bool edge;
  };
  std::vector<Least> least;
  if (grid[0] < grid[1]) least.push_back({lo, grid[0], true});
  if (grid[kGrid] < grid[kGrid - 1]) least.push_back({hi, grid[kGrid], true});
  const double inv_phi = (std::sqrt(5.0) - 1.0) / 2.0;
  for (int i = 1; i < kGrid; ++i) {
    if (!(grid[i] <= grid[i - 1] && grid[i] < grid[i + 1])) continue;
    // Golden section: 80 steps shrink the bracket by 0.618^80 (about 1e-17).
    double a = node(i - 1);
    double b = node(i + 1);
    double c = b - inv_phi * (b - a);
    double d = a + inv_phi * (b - a);
    double fc = sum_at(c);
    double fd = sum_at(d);
    for (int step = 0; step < 80; ++step) {
      if (fc < fd) {
        b = d;
        d = c;
        fd = fc;
        c = b - inv_phi * (b - a);
        fc = sum_at(c);
      } else {
        a = c;
        c = d;
        fc = fd;
        d = a + inv_phi * (b - a);
        fd = sum_at(d);
      }
    }
    const double m = (a + b) / 2.0;
    least.push_back({m, sum_at(m), false});
  }
  if (least.empty()) {  // flat: every T explains the draws the same
    out.problem = HalfTimeFit::Problem::ambiguous;
    return out;
  }
  std::size_t best = 0;
  for (std::size_t i = 1; i < least.size(); ++i) {
    if (least[i].sum < least[best].sum) best = i;
  }
  out.rms = std::sqrt(least[best].sum / static_cast<double>(draws.size()));
  if (least[best].edge) {
    out.problem = HalfTimeFit::Problem::edge;
    return out;
  }
  for (std::size_t i = 0; i < least.size(); ++i) {
    // Another least point more than one grid step away that explains the draws as well.
    if (i != best && std::abs(least[i].ln_minutes - least[best].ln_minutes) > (hi - lo) / kGrid &&
        least[i].sum <= least[best].sum + kAmbiguity) {
      out.problem = HalfTimeFit::Problem::ambiguous;
      out.other = units::minutes(std::exp(least[i].ln_minutes));
      out.half_time.reset();
      return out;
    }
  }
  if (out.rms > kRefillTolerance) {
    out.problem = HalfTimeFit::Problem::residual;
    return out;
  }
  out.half_time = units::minutes(std::exp(least[best].ln_minutes));
  return out;
}

}  // namespace lb::records
