// RFC 4180 record boundaries, field splitting and quoting (core/cohort/csv).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cohort/csv.hpp"

namespace lb::cohort {
namespace {

std::vector<std::string> fields_of(std::string_view record) {
  std::vector<std::string_view> views;
  std::string scratch, error;
  REQUIRE_MESSAGE(csv::split(record, views, scratch, error), error);
  return {views.begin(), views.end()};
}

std::string error_of(std::string_view record) {
  std::vector<std::string_view> views;
  std::string scratch, error;
  CHECK_FALSE(csv::split(record, views, scratch, error));
  return error;
}

TEST_SUITE("cohort") {
  TEST_CASE("a record ends at the first line break outside quotes") {
    const std::string text = "a,b\n\"x\ny\",z\r\nlast";
    const std::size_t first = csv::record_end(text, 0);
    CHECK(first == 4);
    const std::size_t second = csv::record_end(text, first);
    CHECK(text.substr(first, second - first) == "\"x\ny\",z\r\n");
    CHECK(csv::record_end(text, second) == csv::kIncomplete);  // no line break yet
    CHECK(csv::record_end("\"open\n", 0) == csv::kIncomplete);
    CHECK(csv::record_end("\"a\"\"\nb\"\n", 0) == 8);  // "" is a quote inside quotes
  }

  TEST_CASE("fields plain or quoted with escaped quotes and blanks trimmed") {
    CHECK(fields_of("a,b,c\n") == std::vector<std::string>{"a", "b", "c"});
    CHECK(fields_of("a,,c\r\n") == std::vector<std::string>{"a", "", "c"});
    CHECK(fields_of(" 72 ,\t1.5") == std::vector<std::string>{"72", "1.5"});
    CHECK(fields_of("\"P, 1\",\"say \"\"hi\"\"\",x") ==
          std::vector<std::string>{"P, 1", "say \"hi\"", "x"});
    CHECK(fields_of("\"two\nlines\",\"\"") == std::vector<std::string>{"two\nlines", ""});
    CHECK(fields_of(",") == std::vector<std::string>{"", ""});
    CHECK(fields_of("\" keep \"") == std::vector<std::string>{" keep "});
  }

  TEST_CASE("malformed quoting names the field") {
    CHECK(error_of("a,\"open") == "field 2: a quoted value is not closed");
    CHECK(error_of("a,b\"c").find("field 2: a quote inside an unquoted value") == 0);
    CHECK(error_of("\"a\"b,c").find("field 1: unexpected text after the closing quote") == 0);
  }

  TEST_CASE("blank records and written fields") {
    CHECK(csv::is_blank("\n"));
    CHECK(csv::is_blank("  \r\n"));
    CHECK_FALSE(csv::is_blank(",\n"));
    std::string out;
    csv::append_field(out, "plain");
    out += ',';
    csv::append_field(out, "a,b");
    out += ',';
    csv::append_field(out, "say \"hi\"");
    CHECK(out == "plain,\"a,b\",\"say \"\"hi\"\"\"");
    CHECK(fields_of(out) == std::vector<std::string>{"plain", "a,b", "say \"hi\""});
  }
}

}  // namespace
}  // namespace lb::cohort
