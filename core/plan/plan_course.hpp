// Adds the course to a plan (LiverBridge clinical reference §7, §8-§8.3): the sessions in
// time (calendar dates when a start is given), the predicted labs of every
// solute the protocol models, the stop criteria judged against them, and the
// eligibility re-check before every session with the predicted labs (issue 4).
// Called last by build_plan, after the session run time is known.
#pragma once

#include <optional>

#include "plan/plan.hpp"
#include "protocol/protocol.hpp"
#include "schedule/calendar.hpp"

namespace lb::plan {

/// Does nothing when the protocol has neither `schedule:` nor `kinetics:`.
void add_course(Plan& plan, const protocol::Protocol& protocol,
                std::optional<schedule::LocalTime> start);

}  // namespace lb::plan
