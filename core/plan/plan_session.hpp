// Adds the session part to a plan: replacement orders and their predicted
// effect, separation run time (also stored in plan.session_duration for the
// schedule) and anticoagulation with the citrate checks. Engine findings
// become plan findings with their stable codes.
#pragma once

#include "plan/plan.hpp"
#include "protocol/protocol.hpp"

namespace lb::plan {

/// Does nothing when the protocol has no replacement, anticoagulation or
/// separation section. Throws std::invalid_argument as make_plan does when a
/// formula cannot apply to the patient.
void add_session(Plan& plan, const protocol::Protocol& protocol);

}  // namespace lb::plan
