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

  TEST_CASE("fixed prints every digit of huge values and nothing else") {
    // A 64-byte buffer once printed stack bytes after the digits of values >= 1e62.
    const std::string big = text::fixed(1e300, 2);
    CHECK(big.size() == 301 + 3);
    CHECK(big.substr(0, 4) == "1000");
    CHECK(big.substr(big.size() - 3) == ".00");
    CHECK(big.find_first_not_of("0123456789.") == std::string::npos);
    const std::string top = text::fixed(-1.7976931348623157e308, 1);
    CHECK(top.size() == 1 + 309 + 2);
    CHECK(top.substr(0, 6) == "-17976");
    CHECK(text::grouped(1e70, 0).size() == 71 + 23);  // 71 digits, 23 group spaces
    CHECK(text::fixed(1.5, 40) == text::fixed(1.5, 17));
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
