// The schema reader: unknown keys with suggestions, required keys, typed
// values located at the value, and no cascades.
#include <doctest/doctest.h>

#include "yaml/guarded_load.hpp"
#include "yaml/map_reader.hpp"

using namespace lb;
using lb::yaml::MapReader;
using lb::yaml::Need;

namespace {
YAML::Node load(const std::string& text) {
  diag::Diagnostics d;
  auto n = yaml::guarded_load(text, "f.yaml", d);
  REQUIRE(n.has_value());
  return *n;
}
}  // namespace

TEST_SUITE("yaml") {
  TEST_CASE("unknown keys are reported at the key with a did-you-mean") {
    diag::Diagnostics d;
    MapReader r(load("id: x\nwieght: 70 kg\n"), "p.yaml", "", d);
    r.text("id", Need::required);
    r.typed<units::Mass>("weight", Need::optional);
    r.finish();
    REQUIRE(d.items().size() == 1);
    CHECK(diag::format(d.items()[0]) ==
          "p.yaml:2:1: error: wieght: unknown key 'wieght' (did you mean 'weight'?)");
  }

  TEST_CASE("a missing required key names the section") {
    diag::Diagnostics d;
    MapReader top(load("labs:\n  inr: 1.2\n"), "p.yaml", "", d);
    auto labs = top.child("labs", Need::required);
    CHECK_FALSE(labs.number("sodium", Need::required).has_value());
    CHECK(labs.number("inr", Need::required).value() == doctest::Approx(1.2));
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].key == "labs.sodium");
    CHECK(d.items()[0].where.line == 2);
    CHECK(d.items()[0].message.find("missing required key 'sodium' in 'labs'") !=
          std::string::npos);
  }

  TEST_CASE("bad values are located at the value and say what was expected") {
    diag::Diagnostics d;
    MapReader r(load("weight: 70 mL\ngrade: 7\nflag: yes\nsex: mail\nlist: [a, b]\n"), "p.yaml", "",
                d);
    CHECK_FALSE(r.typed<units::Mass>("weight", Need::required));
    CHECK_FALSE(r.integer("grade", Need::required, 0, 4));
    CHECK_FALSE(r.boolean("flag", Need::required));
    enum class Sex { male, female };
    CHECK_FALSE(
        r.choice<Sex>("sex", Need::required, {{"male", Sex::male}, {"female", Sex::female}}));
    CHECK_FALSE(r.text("list", Need::required));
    r.finish();
    const auto items = d.items();
    REQUIRE(items.size() == 5);
    CHECK(diag::format(items[0]) ==
          "p.yaml:1:9: error: weight: '70 mL' is a volume, expected a mass in kg, g, lb");
    CHECK(diag::format(items[1]) ==
          "p.yaml:2:8: error: grade: '7' is out of range; expected an integer from 0 to 4");
    CHECK(diag::format(items[2]) ==
          "p.yaml:3:7: error: flag: 'yes' is not true or false; write true or false in lower case");
    CHECK(diag::format(items[3]) ==
          "p.yaml:4:6: error: sex: 'mail' is not one of: male, female (did you mean 'male'?)");
    CHECK(diag::format(items[4]) ==
          "p.yaml:5:7: error: list: expected a single value, found a list");
  }

  TEST_CASE("integers are decimal: no octal no hex") {
    diag::Diagnostics d;
    MapReader r(load("a: 010\nb: 0x1F\n"), "p.yaml", "", d);
    CHECK(r.integer("a", Need::required, 0, 100).value() == 10);
    CHECK_FALSE(r.integer("b", Need::required, 0, 100));
  }

  TEST_CASE("a section that is not a mapping is one error and its keys do not cascade") {
    diag::Diagnostics d;
    MapReader top(load("labs: 12\n"), "p.yaml", "", d);
    auto labs = top.child("labs", Need::optional);
    CHECK_FALSE(labs.valid());
    CHECK_FALSE(labs.number("inr", Need::required));
    labs.finish();
    top.finish();
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].message.find("expected a mapping") != std::string::npos);
  }
}
