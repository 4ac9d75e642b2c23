// The deviations found over the whole run rather than in one action's setting: each is held
// to a figure the run was prepared from (docs/simulation-debrief.md "Protocol deviations"),
// never to a number of its own, and only the trainee's acts are judged.
//   - FFP before albumin: the planned session orders FFP last (SessionSetup::ffp_last, from
//     the protocol's replacement.ffp_last_when_inr_at_least) and the trainee's replacement
//     mix starts FFP before the planned albumin volume (SessionSetup::albumin_volume) is in;
//   - FFP with the warmer off: the scenario expects the warmer on with FFP
//     (expectations.warmer_with_ffp) and FFP replacement ran with the warmer off;
//   - lab overdue: a panel with the scenario's `expected_every` went longer than that without
//     a trainee's order while the session ran;
//   - exchange below target: the trainee ended the session (rinse-back, or end without it)
//     with less plasma removed than the planned session's exchange (SessionSetup::exchange).
// The device's state at each step comes from the replay (Sample), the orders from the
// timeline and the acts from the replayed script.
#pragma once

#include <vector>

#include "sim/debrief/deviations.hpp"
#include "sim/debrief/replay.hpp"
#include "sim/debrief/timeline.hpp"

namespace lb::sim::debrief {

inline constexpr const char* kFfpBeforeAlbumin = "sim.debrief.ffp_before_albumin";
inline constexpr const char* kFfpWarmerOff = "sim.debrief.ffp_warmer_off";
inline constexpr const char* kLabOverdue = "sim.debrief.lab_overdue";
inline constexpr const char* kExchangeBelowTarget = "sim.debrief.exchange_below_target";

std::vector<Deviation> ffp_before_albumin(const SessionSetup& session, const Replay& replay);
std::vector<Deviation> ffp_warmer_off(const scenario::Scenario& scenario,
                                      const std::vector<Sample>& samples);
std::vector<Deviation> labs_overdue(const scenario::Scenario& scenario, const Timeline& timeline,
                                    const std::vector<Sample>& samples);
std::vector<Deviation> exchange_below_target(const SessionSetup& session, const Replay& replay);

}  // namespace lb::sim::debrief
