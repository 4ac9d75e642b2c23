// Observed vs predicted labs after one session, and the re-fit of a solute's
// intravascular fraction f from its observed pre/post values (two-compartment
// model, LiverBridge clinical reference §7.3, after re-equilibration):
//   x = V_removed / PV,   C_eq/C0 = f·e^(−x) + (1 − f)
//   f_fit = (1 − C_eq/C0) / (1 − e^(−x))
// and the volume that would reach the planned fall with f_fit:
//   e^(−x') = (R_target − 1 + f_fit) / f_fit,   V' = x' · PV
// Generation between sessions and replacement-fluid content are ignored here
// (stated on every result): this is a model estimate, not an order.
#pragma once

#include <optional>
#include <string>

#include "explain/derivation.hpp"
#include "units/quantities.hpp"

namespace lb::records {

struct RefitInput {
  std::string analyte;
  units::Volume plasma_removed;      ///< actually removed in the session
  units::Volume plasma_volume;       ///< from the stored plan
  units::Volume planned_exchange;    ///< the plan's volume per session
  units::Fraction assumed_fraction;  ///< the protocol's f (1 = intravascular only)
  units::Fraction observed_ratio;    ///< C_post / C_pre, post drawn after re-equilibration
};

struct Refit {
  explain::Derived<units::Fraction> exchanged_plasma_volumes;  ///< x
  explain::Derived<units::Fraction> predicted_ratio;           ///< with the assumed f
  std::optional<explain::Derived<units::Fraction>> fitted_fraction;
  /// The volume per session that reaches the planned ratio with the fitted f.
  std::optional<explain::Derived<units::Volume>> replanned_volume;
  std::string note;  ///< why no fit or no re-planned volume, when unset
};

/// Throws std::invalid_argument when a volume is not positive.
Refit refit_intravascular_fraction(const RefitInput& in);

}  // namespace lb::records
