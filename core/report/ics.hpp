// The course calendar as iCalendar (RFC 5545) for ward planning: one VEVENT
// per session and one per efficacy lab draw. Times are floating local times
// (no TZID, no "Z"), as the course start is local wall time. Lines end in
// CRLF, are folded at 75 octets (never inside a UTF-8 sequence), and text
// values escape backslash, semicolon, comma and newline.
#pragma once

#include <string>
#include <string_view>

#include "plan/plan.hpp"
#include "schedule/calendar.hpp"

namespace lb::report {

/// RFC 5545 §3.3.11 TEXT escaping.
std::string ics_escape(std::string_view text);
/// RFC 5545 §3.1 folding of one content line (without its CRLF) into CRLF-terminated lines.
std::string ics_fold(std::string_view line);

/// The calendar; requires plan.course with calendar dates (a --start).
/// `stamp` is the DTSTAMP (creation time, UTC, "20261125T101500Z"); UIDs are
/// derived from the protocol hash, the patient id, the start and the event, so
/// that re-exporting the same course updates rather than duplicates events.
std::string render_ics(const plan::Plan& plan, const std::string& stamp);

/// "20261125T101500Z" for the current UTC time.
std::string ics_utc_stamp_now();

}  // namespace lb::report
