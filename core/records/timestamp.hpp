// Clinical record times: ISO 8601 with an explicit zone ("2026-11-20T08:00Z",
// "2026-11-20T09:30:00+01:00"), stored as canonical UTC text so that SQL
// comparisons order them. A time without a zone is refused: a ward clock and
// a UTC server would disagree by hours, and the record must not guess.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lb::records {

struct Timestamp {
  std::int64_t epoch_seconds = 0;  ///< seconds since 1970-01-01T00:00:00Z
  std::string utc;                 ///< canonical "YYYY-MM-DDTHH:MM:SSZ"
};

struct TimestampParse {
  std::optional<Timestamp> value;
  std::string error;  ///< set when value is empty
};

TimestampParse parse_timestamp(std::string_view text);
Timestamp timestamp_from_epoch(std::int64_t epoch_seconds);
/// The current time (the clock is read here, not hidden in the store).
Timestamp now_utc();

}  // namespace lb::records
