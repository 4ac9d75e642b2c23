// iCalendar export (RFC 5545): CRLF line ends, folding at 75 octets without
// splitting UTF-8, TEXT escaping, floating local times, stable UIDs.
#include <doctest/doctest.h>

#include <sstream>

#include "report/ics.hpp"

using namespace lb;

TEST_SUITE("schedule") {
  TEST_CASE("ics: escaping of backslash semicolon comma and newline") {
    CHECK(report::ics_escape("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne");
  }

  TEST_CASE("ics: lines fold at 75 octets with a leading space and never split UTF-8") {
    const std::string long_ascii(160, 'x');
    const std::string folded = report::ics_fold(long_ascii);
    CHECK(folded.substr(0, 75) == std::string(75, 'x'));
    CHECK(folded.substr(75, 3) == "\r\n ");
    std::istringstream in(folded);
    std::string line;
    std::string unfolded;
    while (std::getline(in, line)) {
      REQUIRE(!line.empty());
      CHECK(line.back() == '\r');
      line.pop_back();
      CHECK(line.size() <= 75);
      unfolded += line.front() == ' ' ? line.substr(1) : line;
    }
    CHECK(unfolded == long_ascii);
    // 'µ' is 2 octets: with 74 ASCII octets before it, it must move whole to the next line.
    const std::string mu = std::string(74, 'a') + "µ";
    const std::string f2 = report::ics_fold(mu);
    CHECK(f2 == std::string(74, 'a') + "\r\n µ\r\n");
  }
}
