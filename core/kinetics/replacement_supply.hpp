// What the replacement fluid supplies of a solute during a session: the C_r of
// the replacement-aware model C = C_r + (C0 − C_r)·e^(−x) (LiverBridge clinical reference §7.2),
// fluid by fluid, from the protocol's `replacement:` section (composition of
// FFP and of the albumin solution) or from the solute's own
// `kinetics.<solute>.replacement_concentration`.
//
// A fluid whose composition the protocol does not give is never taken as
// normal or as zero: the solute is then not predicted, and the reason says
// which fluid lacks which value. Zero is used only where the protocol
// declares it (e.g. albumin solution `factor_activity: 0 %`: dilution).
//
// INR is a clotting-time ratio, not a concentration: it cannot be mixed by
// volume with a fluid that has no INR at all. Albumin solution carries no
// clotting factors (its clotting time is unmeasurable, not 1.0), and the
// INR of a mixture is not the volume-weighted INR of its parts (LiverBridge clinical reference
// §22: INR is not convertible to factor activity without the local calibration). So INR is
// predicted only when FFP is the whole replacement, moving towards the protocol's INR of FFP; with
// any albumin share it is not predicted and the plan points to factor V / prothrombin activity,
// which do mix by volume. Deriving C_r from the FFP share alone would predict an INR improvement
// that the albumin share works against.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "protocol/course_settings.hpp"
#include "protocol/session_settings.hpp"
#include "units/quantities.hpp"

namespace lb::kinetics {

/// One fluid of the replacement with its share of the exchange and its C_r.
struct SupplyFluid {
  std::string name;  ///< "FFP", "albumin solution", "replacement fluid"
  units::Fraction share = units::fraction(1.0);
  protocol::LabValue concentration = units::fraction(0);
};

struct Supply {
  /// The fluids used (share > 0), in the order given when `in_sequence`.
  std::vector<SupplyFluid> fluids;
  /// Albumin solution first, FFP last (protocol ffp_last_when_inr_at_least met);
  /// otherwise the fluids are given mixed and C_r is their volume-weighted mean.
  bool in_sequence = false;
  /// Where C_r comes from, for the derivation: "replacement.composition (...)".
  std::string basis;
};

/// Either the supply or why the solute cannot be predicted.
struct SupplyResult {
  std::optional<Supply> supply;
  std::string problem;
};

/// C_r of `k.solute` for a session exchanging `exchange` under the protocol's
/// replacement (`replacement` unset: the protocol has no `replacement:`
/// section). `ffp_last`: the plan gives the albumin solution first and the
/// FFP last. For model one_compartment the supply must be zero (the model
/// takes the replacement to carry none); a fluid that supplies the solute
/// is then a problem, not silently ignored.
SupplyResult replacement_supply(const protocol::SoluteKinetics& k,
                                const std::optional<protocol::ReplacementSettings>& replacement,
                                units::Volume exchange, bool ffp_last);

/// true for the solutes `replacement.composition` describes (albumin,
/// fibrinogen, factor V, prothrombin activity): their C_r comes from there.
bool composition_describes(protocol::Solute s);

}  // namespace lb::kinetics
