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
  TEST_CASE("a record ends at its line break even inside quotes") {
    // A stray quote once made the rest of the file one record: now it costs its own line.
    const std::string text = "a,b\n\"x\ny\",z\r\nlast";
    const std::size_t first = csv::record_end(text, 0);
    CHECK(first == 4);
    const std::size_t second = csv::record_end(text, first);
    CHECK(text.substr(first, second - first) == "\"x\n");
    const std::size_t third = csv::record_end(text, second);
    CHECK(text.substr(second, third - second) == "y\",z\r\n");
    CHECK(csv::record_end(text, third) == csv::kIncomplete);  // no line break yet
    CHECK(csv::record_end("\"open\n", 0) == 6);
    CHECK(csv::record_end("", 0) == csv::kIncomplete);
  }

  TEST_CASE("record text must be UTF-8 without control characters") {
    CHECK(csv::text_problem("A1,male,50\r\n") == "");
    CHECK(csv::text_problem("Jos\u00e9,\u00b5mol/L\n") == "");
    CHECK(csv::text_problem("Jos\xe9,male\n") ==
          "byte 4 is not valid UTF-8; save the file as UTF-8");
    CHECK(csv::text_problem("A\x1b[2J,male\n").find("byte 2 is a control character (U+001B)") == 0);
    CHECK(csv::text_problem("A\u2028B,male\n").find("(U+2028)") != std::string::npos);
    CHECK(csv::text_problem("a,b\rc,d\n").find("bare carriage return") != std::string::npos);
  }

  TEST_CASE("fields plain or quoted with escaped quotes and blanks trimmed") {
    CHECK(fields_of("a,b,c\n") == std::vector<std::string>{"a", "b", "c"});
    CHECK(fields_of("a,,c\r\n") == std::vector<std::string>{"a", "", "c"});
    CHECK(fields_of(" 72 ,\t1.5") == std::vector<std::string>{"72", "1.5"});
    CHECK(fields_of("\"P, 1\",\"say \"\"hi\"\"\",x") ==
          std::vector<std::string>{"P, 1", "say \"hi\"", "x"});
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
