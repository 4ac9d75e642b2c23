// units::elapsed_between: the one conversion from two record or bridge time stamps (whole
// seconds since the epoch) to a typed duration, used by review, the course refit and the
// bridge view.
#include <doctest/doctest.h>

#include <cstdint>

#include "units/quantities.hpp"

using namespace lb::units;

TEST_SUITE("units") {
  TEST_CASE("elapsed_between is the later stamp minus the earlier in seconds") {
    // 2026-12-04T08:00:00Z and 10:30:00Z.
    const std::int64_t start = 1796371200;
    const std::int64_t end = start + 9000;
    CHECK(in_hours(elapsed_between(start, end)) == doctest::Approx(2.5));
    CHECK(in_minutes(elapsed_between(start, end)) == doctest::Approx(150.0));
    // Reversed stamps give a negative duration, never a silently positive one.
    CHECK(in_seconds(elapsed_between(end, start)) == doctest::Approx(-9000.0));
    CHECK(in_seconds(elapsed_between(start, start)) == 0.0);
    // Large stamps (year 2100) keep whole-second precision.
    const std::int64_t y2100 = 4102444800;
    CHECK(in_seconds(elapsed_between(y2100, y2100 + 1)) == 1.0);
  }
}
