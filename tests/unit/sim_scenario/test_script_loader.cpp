// Action scripts: typed actions with their units, alarm acts, actors, time order, and the
// errors a script author can make, each at its file:line:col.
#include <doctest/doctest.h>

#include "sim/scenario/script_loader.hpp"

using namespace lb;
using namespace lb::sim::scenario;

namespace {
ScriptLoad parse(const std::string& actions) {
  return parse_script("schema: liverbridge.sim-actions/1\nscenario: s1\nactions:\n" + actions,
                      "script.yaml");
}
std::string messages(const ScriptLoad& l) {
  std::string all;
  for (const auto& d : l.diagnostics.items()) all += diag::format(d) + "\n";
  return all;
}
}  // namespace

TEST_SUITE("sim_scenario") {
  TEST_CASE("a script reads typed actions and alarm acts in time order") {
    const auto l = parse(
        "  - {at: 45 min, action: ca_bolus, product: calcium_gluconate_10, volume: 10 mL, over: "
        "10 min}\n"
        "  - {at: 2 min, action: order_lab, lab: ica}\n"
        "  - {at: 50 min, action: acknowledge, alarm: map_low}\n"
        "  - {at: 60 min, action: inject_alarm, alarm: map_low}\n"
        "  - {at: 70 min, action: vasovagal, duration: 5 min, by: instructor}\n");
    INFO(messages(l));
    REQUIRE(l.script.has_value());
    const auto& e = l.script->entries;
    REQUIRE(e.size() == 5);
    CHECK(e[0].at == 120);
    CHECK(entry_name(e[0]) == "order_lab");
    const auto* bolus = std::get_if<sim::Action>(&e[1].what);
    REQUIRE(bolus != nullptr);
    const auto& b = std::get<sim::CalciumBolus>(*bolus);
    CHECK(units::in_milliliters(b.volume) == doctest::Approx(10.0));
    CHECK(units::in_minutes(b.over) == doctest::Approx(10.0));
    CHECK(e[2].actor == Actor::trainee);
    CHECK(e[3].actor == Actor::instructor);  // injections are the instructor's
    CHECK(e[4].actor == Actor::instructor);
    CHECK(l.script->scenario == "s1");
  }

  TEST_CASE("script errors are reported at their position with what was expected") {
    struct Case {
      const char* actions;
      int line, column;
      const char* text;
    };
    const Case cases[] = {
        {"  - {at: 5 min, action: set_inlet_flow, flow: -10 mL/min}\n", 4, 47,
         "must be more than 0"},
        {"  - {at: 5 min, action: set_inlet_flow, flow: 10 mmHg}\n", 4, 47, "flow"},
        {"  - {at: 5 min, action: set_inlet_flw, flow: 10 mL/min}\n", 4, 25,
         "did you mean 'set_inlet_flow'"},
        {"  - {at: 5, action: pause}\n", 4, 10, "has no unit"},
        {"  - {action: pause}\n", 4, 5, "missing required key 'at'"},
        {"  - {at: 5 min, action: vasovagal, duration: 5 min}\n", 4, 25, "only the instructor"},
        {"  - {at: 5 min, action: set_replacement_mix, ffp_share: 120 %}\n", 4, 57,
         "from 0 % to 100 %"},
        {"  - {at: 5 min, action: ca_bolus, product: gluconate, volume: 10 mL}\n", 4, 44,
         "is not one of"},
        {"  - {at: 5 min, action: order_lab, lab: ica, extra: 1}\n", 4, 46, "unknown key 'extra'"},
        {"  - {at: 5 min, action: acknowledge}\n", 4, 5, "missing required key 'alarm'"},
        {"  - {at: 5 min, action: set_kcl_infusion, rate: 10 mmol/L}\n", 4, 49, "mmol/h"},
        {"  - {at: 5 min, action: allergic_reaction, grade: 4, by: instructor}\n", 4, 51,
         "out of range"},
    };
    for (const auto& c : cases) {
      const auto l = parse(c.actions);
      CAPTURE(c.actions);
      INFO(messages(l));
      CHECK_FALSE(l.script.has_value());
      bool found = false;
      for (const auto& d : l.diagnostics.items()) {
        found = found || (d.where.line == c.line && d.where.column == c.column &&
                          diag::format(d).find(c.text) != std::string::npos);
      }
      CHECK(found);
    }
  }

  TEST_CASE("a script with another schema is refused") {
    const auto l = parse_script("schema: liverbridge.sim/1\nactions: []\n", "x.yaml");
    CHECK_FALSE(l.script.has_value());
    CHECK(messages(l).find("not an action-script schema") != std::string::npos);
  }
}
