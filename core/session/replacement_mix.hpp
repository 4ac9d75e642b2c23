// The concentration of a solute in the replacement fluid as given, i.e. the
// volume-weighted mix of FFP and albumin solution: the C_r of the
// replacement-aware model C = C_r + (C0 − C_r)·e^(−x) (clinical.md §2.1).
// The kinetics engine uses it for solutes the replacement supplies.
#pragma once

#include <optional>

#include "protocol/course_settings.hpp"
#include "protocol/session_settings.hpp"
#include "units/quantities.hpp"

namespace lb::session {

/// The share of the replacement volume given as FFP for an exchange of
/// `exchange` (for mix ffp_units the share depends on the volume; capped at 1).
units::Fraction ffp_share(const protocol::ReplacementSettings& r, units::Volume exchange);

/// C_r for `solute` when the mix does not depend on the exchange volume
/// (mixes ffp, albumin, fractions). nullopt when the mix is ffp_units (use
/// the overload with the volume), or when the protocol gives no composition
/// for the solute in a fluid that is used (albumin, fibrinogen: mass
/// concentration; factor_v, pta: activity as a fraction; others: nullopt).
std::optional<protocol::LabValue> mixed_concentration(const protocol::ReplacementSettings& r,
                                                      protocol::Solute solute);

/// The same for a given exchange volume (every mix).
std::optional<protocol::LabValue> mixed_concentration(const protocol::ReplacementSettings& r,
                                                      protocol::Solute solute,
                                                      units::Volume exchange);

}  // namespace lb::session
