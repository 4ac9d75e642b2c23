// Protocol deviations in a run: the trainee's actions held to the figures the run was prepared
// from (the planned session and the protocol, run::Prepared), never to numbers of their own.
//   - every finding of sim::validate_action (citrate reaching the patient above the plan's
//     limit, an inlet capped by the AC infusion-rate limit, an inlet:AC ratio outside the
//     device's range, a fluid balance other than the protocol's), as the runner applied it;
//   - a calcium infusion faster than the protocol's calcium order, or of another product;
//   - over the whole run (deviation_detectors.hpp): FFP before the albumin when the plan
//     orders FFP last, FFP with the warmer off, labs overdue and an exchange ended below the
//     plan's target, the last three held to the plan or to the scenario's expectations.
// Instructor acts are listed apart and never counted as the trainee's deviations.
#pragma once

#include <string>
#include <vector>

#include "sim/debrief/replay.hpp"
#include "sim/debrief/timeline.hpp"
#include "sim/run/prepare.hpp"
#include "sim/scenario/script_loader.hpp"

namespace lb::sim::debrief {

struct Deviation {
  scenario::SimTime t = 0;
  std::string action, code, message;
};

inline constexpr const char* kCalciumAboveOrder = "sim.debrief.calcium_above_order";
inline constexpr const char* kCalciumOtherProduct = "sim.debrief.calcium_other_product";

/// The deviations in the settings of the actions (validate_action and the calcium order),
/// held to `parameters` (the run's: the prepared ones with the scenario's draws for its seed).
std::vector<Deviation> protocol_deviations(const run::Prepared& prepared,
                                           const scenario::Script& script,
                                           const Parameters& parameters);
/// The same with the prepared parameters (a scenario without draws).
std::vector<Deviation> protocol_deviations(const run::Prepared& prepared,
                                           const scenario::Script& script);

/// Every deviation of the run, in time order: protocol_deviations over the replayed script
/// and the detectors of deviation_detectors.hpp.
std::vector<Deviation> run_deviations(const run::Prepared& prepared, const Timeline& timeline,
                                      const Replay& replay);

}  // namespace lb::sim::debrief
