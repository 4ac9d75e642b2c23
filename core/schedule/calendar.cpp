#include "schedule/calendar.hpp"

#include <array>
#include <cmath>
#include <cstdio>

namespace lb::schedule {

namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

std::string two(unsigned v) {
  std::array<char, 4> b{};
  (void)std::snprintf(b.data(), b.size(), "%02u", v % 100U);  // two digits always fit
  return b.data();
}

struct Parts {
  std::chrono::year_month_day ymd;
  std::chrono::hh_mm_ss<std::chrono::minutes> hm;
};

Parts split(LocalTime t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  return {std::chrono::year_month_day{day}, std::chrono::hh_mm_ss{t - day}};
}

}  // namespace

ParsedLocalTime parse_local_time(std::string_view text) {
  const std::string expected =
      "expected a local date and time as YYYY-MM-DDTHH:MM, e.g. "
      "2026-11-25T08:00";
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  const bool shape = (text.size() == 16 || text.size() == 19) && digits(text, 0, 4, y) &&
                     text[4] == '-' && digits(text, 5, 2, mo) && text[7] == '-' &&
                     digits(text, 8, 2, d) && text[10] == 'T' && digits(text, 11, 2, h) &&
                     text[13] == ':' && digits(text, 14, 2, mi) &&
                     (text.size() == 16 || (text[16] == ':' && digits(text, 17, 2, sec)));
  if (!shape) return {std::nullopt, "'" + std::string(text) + "': " + expected};
  const std::chrono::year_month_day ymd{std::chrono::year{y},
                                        std::chrono::month{static_cast<unsigned>(mo)},
                                        std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) {
    return {std::nullopt, "'" + std::string(text) + "' is not a calendar date; " + expected};
  }
  if (h > 23 || mi > 59 || sec != 0) {
    return {std::nullopt, "'" + std::string(text) +
                              "' is not a time of day in whole minutes (00:00 to 23:59); " +
                              expected};
  }
  const auto day = std::chrono::local_days{ymd};
  return {LocalTime{day.time_since_epoch()} + std::chrono::hours{h} + std::chrono::minutes{mi}, ""};
}

std::string iso(LocalTime t) {
  const auto [ymd, hm] = split(t);
  return std::to_string(static_cast<int>(ymd.year())) + "-" +
         two(static_cast<unsigned>(ymd.month())) + "-" + two(static_cast<unsigned>(ymd.day())) +
         "T" + two(static_cast<unsigned>(hm.hours().count())) + ":" +
         two(static_cast<unsigned>(hm.minutes().count()));
}

std::string ics_date_time(LocalTime t) {
  const auto [ymd, hm] = split(t);
  return std::to_string(static_cast<int>(ymd.year())) + two(static_cast<unsigned>(ymd.month())) +
         two(static_cast<unsigned>(ymd.day())) + "T" +
         two(static_cast<unsigned>(hm.hours().count())) +
         two(static_cast<unsigned>(hm.minutes().count())) + "00";
}

std::string readable(LocalTime t) {
  static constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed",
                                                       "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto [ymd, hm] = split(t);
  const std::chrono::weekday wd{std::chrono::floor<std::chrono::days>(t)};
  return std::string(kDays[wd.c_encoding()]) + " " +
         std::to_string(static_cast<unsigned>(ymd.day())) + " " +
         kMonths[static_cast<unsigned>(ymd.month()) - 1] + " " +
         std::to_string(static_cast<int>(ymd.year())) + " " +
         two(static_cast<unsigned>(hm.hours().count())) + ":" +
         two(static_cast<unsigned>(hm.minutes().count()));
}

LocalTime plus(LocalTime t, units::Duration d) {
  return t + std::chrono::minutes{std::llround(units::in_minutes(d))};
}

}  // namespace lb::schedule
