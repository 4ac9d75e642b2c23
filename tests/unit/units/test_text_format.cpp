// How numbers and lists are printed for clinicians (core/text/format.hpp):
// fixed decimals rounded half away from zero, SI digit grouping, joined lists.
#include <doctest/doctest.h>

#include "text/format.hpp"

using namespace lb;

TEST_SUITE("units") {
  TEST_CASE("fixed rounds half away from zero despite binary noise and never prints -0") {
    CHECK(text::fixed(16.65, 1) == "16.7");  // 16.65 is stored as 16.6499999...
    CHECK(text::fixed(2.5, 0) == "3");
    CHECK(text::fixed(-2.5, 0) == "-3");
    CHECK(text::fixed(-0.04, 1) == "0.0");
  }

  TEST_CASE("grouped separates thousands by a space from five digits on (SI style)") {
    CHECK(text::grouped(5065, 0) == "5065");
    CHECK(text::grouped(13920, 0) == "13 920");
    CHECK(text::grouped(12000.5, 1) == "12 000.5");
  }

  TEST_CASE("join puts the separator between items only") {
    CHECK(text::join({}) == "");
    CHECK(text::join({"alf"}) == "alf");
    CHECK(text::join({"alf", "aclf", "other"}) == "alf, aclf, other");
    CHECK(text::join({"1", "3"}, " / ") == "1 / 3");
  }

  TEST_CASE("trimmed drops spaces tabs and line ends at both ends only") {
    CHECK(text::trimmed("  72 kg\t\r\n") == "72 kg");
    CHECK(text::trimmed(" \t ") == "");
    CHECK(text::trimmed("a b") == "a b");
  }
}
