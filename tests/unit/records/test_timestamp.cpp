#include <doctest/doctest.h>

#include "records/timestamp.hpp"

using lb::records::parse_timestamp;

TEST_SUITE("records") {
  TEST_CASE("times are read with their zone and stored in UTC") {
    CHECK(parse_timestamp("2026-11-20T08:00Z").value->utc == "2026-11-20T08:00:00Z");
    CHECK(parse_timestamp("2026-11-20T09:30:15+01:00").value->utc == "2026-11-20T08:30:15Z");
    CHECK(parse_timestamp("2026-01-01T00:30-01:00").value->utc == "2026-01-01T01:30:00Z");
    CHECK(parse_timestamp("2024-02-29T23:59:59Z").value->utc == "2024-02-29T23:59:59Z");
    CHECK(parse_timestamp("1970-01-01T00:00Z").value->epoch_seconds == 0);
    CHECK(parse_timestamp("2026-11-20T08:00Z").value->epoch_seconds == 1795161600);
  }

  TEST_CASE("times without a zone or impossible dates are refused") {
    CHECK(parse_timestamp("2026-11-20T08:00").error.find("no time zone") != std::string::npos);
    CHECK_FALSE(parse_timestamp("2025-02-29T08:00Z").value);
    CHECK_FALSE(parse_timestamp("2026-13-01T08:00Z").value);
    CHECK_FALSE(parse_timestamp("2026-11-20T24:00Z").value);
    CHECK_FALSE(parse_timestamp("20/11/2026 08:00").value);
    CHECK_FALSE(parse_timestamp("2026-11-20T08:00Zjunk").value);
  }
}
