// Trainee actions held to the protocol's limits (docs/simulation.md §Actions). It is a
// simulator: an action outside the protocol is accepted and logged as a deviation (a
// warning); only a physically impossible one (a negative flow, a share above 100 %) is
// refused (an error). Codes are stable: the debrief and timelines carry them.
//
// An action is judged at the device's setting when it is taken (the engine's current inlet
// flow, inlet:AC ratio, fluid balance and FFP share), not at the plan's: after the trainee
// has changed the ratio, an inlet change is judged at the new ratio.
//
// The citrate reaching the patient (the planner's model, session/citrate_load.hpp) is a
// deviation when the action raises it and it ends above the protocol's limit. An action that
// lowers it is never one, even while it stays above the limit: with FFP replacement the FFP
// citrate alone can exceed the liver-failure limit, the planner already warns about the plan,
// and slowing the inlet is what a trainee should do.
#pragma once

#include <vector>

#include "diag/finding.hpp"
#include "sim/model/action.hpp"
#include "sim/model/kernel.hpp"
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
    "sim.action.ac_ratio_outside_range", "Inlet:AC ratio outside the device's range",
    "The Spectra Optia's configurable inlet:AC ratio is 6–15 (Operator's Manual P/N "
    "777379-124, Table 4-13)."};
inline constexpr diag::FindingCode kInletCapped{
    "sim.action.inlet_capped", "Inlet flow capped",
    "The device lowers the inlet flow to its AC infusion-rate limit."};
inline constexpr diag::FindingCode kFluidBalanceChanged{
    "sim.action.fluid_balance_off_protocol", "Fluid balance differs from the protocol",
    "The replacement no longer matches the plasma removed as the protocol orders."};
}  // namespace codes

/// The configurable inlet:AC ratio of the centrifugal device. No protocol gives a range, so
/// it is the device's: Terumo BCT Spectra Optia Operator's Manual P/N 777379-124 (2018-04),
/// Table 4-13, inlet:AC 6–15 (LiverBridge clinical reference §5.2).
inline constexpr double kAcRatioMin = 6.0;
inline constexpr double kAcRatioMax = 15.0;
inline constexpr const char* kAcRatioSource =
    "Spectra Optia Operator's Manual P/N 777379-124, Table 4-13";

/// The settings of the device an action is judged at (set values, before any cap).
struct DeviceSetting {
  units::Flow inlet;                           ///< inlet (centrifugal) or blood (membrane) pump
  std::optional<units::VolumeRatio> ac_ratio;  ///< unset without citrate
  units::Fraction fluid_balance;
  units::Fraction ffp_share;
};

/// The plan's setting for `session`.
DeviceSetting planned_setting(const SessionSetup& session);
/// The engine's setting now; the plan's while no session is connected (before it, after it).
DeviceSetting current_setting(const kernel::Kernel& k, const SessionSetup& session);
/// The setting after `action` sets it (what Engine::apply sets; the other settings kept), to
/// follow a script without running it. A return-flow change keeps the setting.
DeviceSetting setting_after(const DeviceSetting& now, const Action& action);

/// The citrate reaching the patient at setting `d` (the planner's model at the device's flows;
/// equal to the planner's citrate_rate at the planned setting).
units::DoseRate citrate_rate_at(const SessionSetup& session, const DeviceSetting& d,
                                const Parameters& parameters);

/// Findings for `action` taken at setting `now` in `session` (empty: within the protocol).
std::vector<diag::Finding> validate_action(const Action& action, const SessionSetup& session,
                                           const DeviceSetting& now, const Parameters& parameters);

}  // namespace lb::sim
