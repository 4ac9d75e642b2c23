// Local wall-clock date-times for the course calendar (C++20 <chrono>
// calendar types). Times are floating local times: no time zone is stored or
// implied, as ward plans are read in the hospital's own time.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "units/quantities.hpp"

namespace lb::schedule {

using LocalTime = std::chrono::local_time<std::chrono::minutes>;

/// Parses "2026-11-25T08:00" (optionally ":00" seconds); an impossible date
/// or time ("2026-02-30T08:00", "25:00") is rejected with a reason.
struct ParsedLocalTime {
  std::optional<LocalTime> value;
  std::string error;
};
ParsedLocalTime parse_local_time(std::string_view text);

/// "2026-11-25T08:00"
std::string iso(LocalTime t);
/// "20261125T080000" (RFC 5545 DATE-TIME, floating).
std::string ics_date_time(LocalTime t);
/// "Wed 25 Nov 2026 08:00" for reports.
std::string readable(LocalTime t);

/// `t` + `d`, rounded to the nearest minute.
LocalTime plus(LocalTime t, units::Duration d);

}  // namespace lb::schedule
