// The course schedule as an iCalendar file (RFC 5545) for the ward calendar:
// one event per session (exchange volume, FFP units, eligibility re-check in
// the description) and one per efficacy lab draw. Times are floating local
// times, as the plan's are. Pure text; no ImGui.
#pragma once

#include <string>
#include <string_view>

#include "plan/plan.hpp"

namespace lb::gui {

/// The VCALENDAR text; empty when the plan has no course with a start date.
/// `dtstamp_utc` is the creation time as "20261125T101500Z" (RFC 5545 DTSTAMP).
std::string schedule_ics(const plan::Plan& plan, std::string_view dtstamp_utc);

/// The current UTC time as an RFC 5545 DATE-TIME ("20261125T101500Z").
std::string utc_stamp_now();

}  // namespace lb::gui
