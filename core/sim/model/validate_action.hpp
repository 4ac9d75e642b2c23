// Trainee actions held to the protocol's limits (docs/simulation.md §Actions). It is a
// simulator: an action outside the protocol is accepted and logged as a deviation (a
// warning); only a physically impossible one (a negative flow, a share above 100 %) is
// refused (an error). Codes are stable: the debrief and timelines carry them.
#pragma once

#include <vector>

#include "diag/finding.hpp"
#include "sim/model/action.hpp"
#include "sim/model/parameters.hpp"
#include "sim/model/session_setup.hpp"

namespace lb::sim {

namespace codes {
inline constexpr diag::FindingCode kImpossible{
    "sim.action.impossible", "Physically impossible",
    "The action asks for something no device or patient can do; it is refused."};
inline constexpr diag::FindingCode kCitrateRateAboveLimit{
    "sim.action.citrate_rate_above_limit", "Citrate rate above the protocol's limit",
    "At this setting the citrate reaching the patient exceeds the protocol's infusion-rate limit."};
inline constexpr diag::FindingCode kAcRatioOutsideRange{
    "sim.action.ac_ratio_outside_range", "Inlet:AC ratio outside 6–15",
    "The device's range for the inlet:AC ratio is 6–15; above 15 it gives an advisory."};
inline constexpr diag::FindingCode kInletCapped{
    "sim.action.inlet_capped", "Inlet flow capped",
    "The device lowers the inlet flow to its AC infusion-rate limit."};
inline constexpr diag::FindingCode kFluidBalanceChanged{
    "sim.action.fluid_balance_off_protocol", "Fluid balance differs from the protocol",
    "The replacement no longer matches the plasma removed as the protocol orders."};
}  // namespace codes

/// Findings for `action` in `session` (empty: within the protocol).
std::vector<diag::Finding> validate_action(const Action& action, const SessionSetup& session,
                                           const Parameters& parameters);

}  // namespace lb::sim
