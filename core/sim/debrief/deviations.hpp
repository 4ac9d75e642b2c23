// Protocol deviations in a run: the trainee's actions held to the figures the run was prepared
// from (the planned session and the protocol, run::Prepared), never to numbers of their own.
//   - every finding of sim::validate_action (citrate reaching the patient above the plan's
//     limit, an inlet capped by the AC infusion-rate limit, an inlet:AC ratio outside the
//     device's range, a fluid balance other than the protocol's), as the runner applied it;
//   - a calcium infusion faster than the protocol's calcium order, or of another product.
// Instructor acts are listed apart and never counted as the trainee's deviations.
#pragma once

#include <string>
#include <vector>

#include "sim/run/prepare.hpp"
#include "sim/scenario/script_loader.hpp"

namespace lb::sim::debrief {

struct Deviation {
  scenario::SimTime t = 0;
  std::string action, code, message;
};

inline constexpr const char* kCalciumAboveOrder = "sim.debrief.calcium_above_order";
inline constexpr const char* kCalciumOtherProduct = "sim.debrief.calcium_other_product";

std::vector<Deviation> protocol_deviations(const run::Prepared& prepared,
                                           const scenario::Script& script);

}  // namespace lb::sim::debrief
