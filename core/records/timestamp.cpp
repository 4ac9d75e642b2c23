#include "records/timestamp.hpp"

#include <cctype>
#include <chrono>
#include <cstdio>

namespace lb::records {

namespace {
// Howard Hinnant's days_from_civil: proleptic Gregorian date -> days since 1970-01-01.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

/// Reads exactly `n` digits at `pos`; advances pos.
std::optional<int> digits(std::string_view s, std::size_t& pos, std::size_t n) {
  if (pos + n > s.size()) return std::nullopt;
  int v = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const char c = s[pos + i];
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return std::nullopt;
    v = v * 10 + (c - '0');
  }
  pos += n;
  return v;
}

bool expect(std::string_view s, std::size_t& pos, char c) {
  if (pos < s.size() && s[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

constexpr const char* kExpected =
    "expected an ISO 8601 time with a zone, e.g. 2026-11-20T08:00Z or 2026-11-20T09:00+01:00";
}  // namespace

Timestamp timestamp_from_epoch(std::int64_t epoch_seconds) {
  std::int64_t days = epoch_seconds / 86400;
  std::int64_t rem = epoch_seconds % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  // civil_from_days (Hinnant).
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  char buf[64];
  (void)std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ",
                      static_cast<long long>(m <= 2 ? y + 1 : y), m, d,
                      static_cast<long long>(rem / 3600), static_cast<long long>(rem % 3600 / 60),
                      static_cast<long long>(rem % 60));
  return {epoch_seconds, buf};
}

TimestampParse parse_timestamp(std::string_view text) {
  std::size_t pos = 0;
  const auto y = digits(text, pos, 4);
  if (!y || !expect(text, pos, '-')) return {std::nullopt, kExpected};
  const auto mo = digits(text, pos, 2);
  if (!mo || !expect(text, pos, '-')) return {std::nullopt, kExpected};
  const auto d = digits(text, pos, 2);
  if (!d || !(expect(text, pos, 'T') || expect(text, pos, ' '))) return {std::nullopt, kExpected};
  const auto h = digits(text, pos, 2);
  if (!h || !expect(text, pos, ':')) return {std::nullopt, kExpected};
  const auto mi = digits(text, pos, 2);
  if (!mi) return {std::nullopt, kExpected};
  int sec = 0;
  if (expect(text, pos, ':')) {
    const auto s = digits(text, pos, 2);
    if (!s) return {std::nullopt, kExpected};
    sec = *s;
  }
  int offset_minutes = 0;
  if (expect(text, pos, 'Z')) {
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    const int sign = text[pos] == '-' ? -1 : 1;
    ++pos;
    const auto oh = digits(text, pos, 2);
    if (!oh) return {std::nullopt, kExpected};
    expect(text, pos, ':');
    const auto om = digits(text, pos, 2);
    if (!om || *oh > 23 || *om > 59) return {std::nullopt, kExpected};
    offset_minutes = sign * (*oh * 60 + *om);
  } else {
    return {std::nullopt, "no time zone: " + std::string(kExpected)};
  }
  if (pos != text.size()) return {std::nullopt, kExpected};
  if (*mo < 1 || *mo > 12 || *d < 1 || *d > days_in_month(*y, *mo) || *h > 23 || *mi > 59 ||
      sec > 59) {
    return {std::nullopt, "no such date or time: " + std::string(text)};
  }
  const std::int64_t epoch =
      days_from_civil(*y, static_cast<unsigned>(*mo), static_cast<unsigned>(*d)) * 86400 +
      std::int64_t{*h} * 3600 + std::int64_t{*mi} * 60 + sec - std::int64_t{offset_minutes} * 60;
  return {timestamp_from_epoch(epoch), {}};
}

Timestamp now_utc() {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return timestamp_from_epoch(std::chrono::duration_cast<std::chrono::seconds>(now).count());
}

}  // namespace lb::records
