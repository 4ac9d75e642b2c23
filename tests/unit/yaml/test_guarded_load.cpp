// Hostile and malformed YAML ends in a located error, never a crash or hang.
#include <doctest/doctest.h>

#include <string>

#include "yaml/guarded_load.hpp"

using lb::diag::Diagnostics;
using lb::yaml::guarded_load;

namespace {
/// Loads and returns the single error (fails the test if there is not exactly one).
lb::diag::Diagnostic only_error(const std::string& text) {
  Diagnostics d;
  const auto root = guarded_load(text, "f.yaml", d);
  CHECK_FALSE(root.has_value());
  REQUIRE(d.items().size() == 1);
  return d.items()[0];
}
}  // namespace

TEST_SUITE("yaml") {
  TEST_CASE("a valid mapping loads") {
    Diagnostics d;
    const auto root = guarded_load("a: 1\nb: [x, y]\n", "f.yaml", d);
    REQUIRE(root.has_value());
    CHECK(d.empty());
    CHECK((*root)["b"][1].Scalar() == "y");
  }

  TEST_CASE("duplicate keys are errors at the second key (yaml-cpp would keep the first)") {
    const auto e = only_error("weight: 70 kg\nheight: 175 cm\nweight: 80 kg\n");
    CHECK(e.where.line == 3);
    CHECK(e.where.column == 1);
    CHECK(e.message.find("duplicate key 'weight'") != std::string::npos);
  }

  TEST_CASE("duplicate keys in a nested mapping and equal keys in different mappings are fine") {
    const auto e = only_error("labs:\n  inr: 1.5\n  inr: 2.0\n");
    CHECK(e.where.line == 3);
    CHECK(e.where.column == 3);
    Diagnostics d;
    CHECK(guarded_load("a:\n  x: 1\nb:\n  x: 2\n", "f.yaml", d).has_value());
  }

  TEST_CASE("anchors and aliases are refused (billion laughs)") {
    std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char c = 'b'; c <= 'j'; ++c) {
      const char prev = static_cast<char>(c - 1);
      bomb += std::string(1, c) + ": &" + c + " [*" + prev + ", *" + prev + ", *" + prev + "]\n";
    }
    const auto e = only_error(bomb);
    CHECK(e.message.find("anchors") != std::string::npos);
    CHECK(e.where.line == 1);
    const auto undefined = only_error("a: x\nb: *x\n");
    CHECK(undefined.message.find("anchor is not defined") != std::string::npos);
    CHECK(undefined.where.line == 2);
  }

  TEST_CASE("deep nesting stops at the depth limit with a location") {
    const auto e = only_error(std::string(40, '[') + std::string(40, ']'));
    CHECK(e.message.find("nesting deeper than 32") != std::string::npos);
    CHECK(e.where.line == 1);
    CHECK(e.where.column == 33);
    std::string block;
    for (int i = 0; i < 40; ++i)
      block += std::string(static_cast<std::size_t>(i) * 2, ' ') + "k:\n";
    const auto b = only_error(block);
    CHECK(b.message.find("nesting deeper than 32") != std::string::npos);
    CHECK(b.where.line == 33);
    // 100 000 unbalanced brackets: an error at the start, quickly, without recursion.
    CHECK(only_error(std::string(100000, '[')).where.line == 1);
  }

  TEST_CASE("size NUL bytes several documents empty files and non-mappings") {
    lb::yaml::Limits small;
    small.max_bytes = 10;
    Diagnostics d;
    CHECK_FALSE(guarded_load("a: 12345678901", "f.yaml", d, small).has_value());
    CHECK(d.items().at(0).message.find("limit is 10 bytes") != std::string::npos);
    CHECK(only_error(std::string("a: 1\0b", 6)).message.find("NUL") != std::string::npos);
    CHECK(only_error("a: 1\n---\nb: 2\n").message.find("more than one YAML document") !=
          std::string::npos);
    CHECK(only_error("").message.find("empty") != std::string::npos);
    CHECK(only_error("# only a comment\n").message.find("empty") != std::string::npos);
    CHECK(only_error("- a\n- b\n").message.find("mapping") != std::string::npos);
    CHECK(only_error("just text\n").message.find("mapping") != std::string::npos);
  }

  TEST_CASE("syntax errors carry yaml-cpp's location 1-based") {
    const auto e = only_error("a: [1, 2\nb: 3\n");
    CHECK(e.message.find("malformed YAML") != std::string::npos);
    CHECK(e.where.line >= 1);
    const auto tab = only_error("a:\n\tb: 1\n");
    CHECK(tab.where.line == 2);
  }

  TEST_CASE("complex keys are refused") {
    CHECK(only_error("? [a, b]\n: 1\n").message.find("keys must be plain text") !=
          std::string::npos);
  }

  TEST_CASE("a missing file is an error naming it") {
    Diagnostics d;
    CHECK_FALSE(lb::yaml::guarded_load_file("/nonexistent/p.yaml", d).has_value());
    REQUIRE(d.items().size() == 1);
    CHECK(lb::diag::format(d.items()[0]) ==
          "/nonexistent/p.yaml: error: cannot open file: no such file");
  }

  TEST_CASE("invalid UTF-8 is refused at its line and column") {
    // A Latin-1 byte once validated and then stopped every JSON output with an internal error.
    const auto e = only_error("id: P1\ntitle: Caf\xe9\n");
    CHECK(e.where.line == 2);
    CHECK(e.where.column == 11);
    CHECK(e.message == "the file is not valid UTF-8 (byte 0xE9); save it as UTF-8 text");
    CHECK(only_error("a: \xc0\xaf\n").message.find("0xC0") != std::string::npos);  // overlong
    CHECK(only_error("a: \xed\xa0\x80\n").where.column == 4);                      // surrogate
    CHECK(only_error("a: \xe2\x82\n").where.column == 4);  // truncated sequence
    Diagnostics d;
    CHECK(guarded_load("a: caf\u00e9 \u00b5mol/L \U0001F600\n", "f.yaml", d).has_value());
  }

  TEST_CASE("control characters and line separators in values are refused") {
    const auto esc = only_error("id: \"A\\e[2J\"\n");  // a YAML escape, not a raw byte
    CHECK(esc.where.line == 1);
    CHECK(esc.where.column == 5);
    CHECK(esc.message.find("control character (U+001B)") != std::string::npos);
    CHECK(only_error("id: A\xe2\x80\xa8"
                     "B\n")
              .message.find("U+2028") != std::string::npos);
    CHECK(only_error("id: A\x07\n").message.find("U+0007") != std::string::npos);
    CHECK(only_error("id: \"\\u202Eevil\"\n").message.find("U+202E") != std::string::npos);
    Diagnostics d;  // tabs and the line breaks of multi-line text stay allowed
    CHECK(guarded_load("note: |\n  two\n  lines\twith a tab\n", "f.yaml", d).has_value());
  }

  TEST_CASE("a file with bare CR line ends is refused not read as empty") {
    const auto e = only_error("id: P1\rsex: male\rage: 40 years\r");
    CHECK(e.where.line == 1);
    CHECK(e.where.column == 7);
    CHECK(e.message.find("bare carriage return") != std::string::npos);
    Diagnostics d;
    CHECK(guarded_load("id: P1\r\nsex: male\r\n", "f.yaml", d).has_value());
  }
}
