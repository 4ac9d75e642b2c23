// The scenario loader on a valid file: every section arrives typed, in the units of the
// simulator's observables, with times as whole seconds.
#include <doctest/doctest.h>

#include "corpus_expectations.hpp"
#include "sim/scenario/scenario_loader.hpp"

using namespace lb;
using namespace lb::sim::scenario;

namespace {
std::string base_path() { return std::string(LB_TEST_DATA_DIR) + "/sim/corpus-base.yaml"; }
ScenarioLoad base() { return load_scenario_file(base_path()); }
}  // namespace

TEST_SUITE("sim_scenario") {
  TEST_CASE("the corpus base scenario loads without diagnostics") {
    const auto load = base();
    std::string all;
    for (const auto& d : load.diagnostics.items()) all += diag::format(d) + "\n";
    INFO(all);
    REQUIRE(load.scenario.has_value());
    CHECK(load.diagnostics.empty());
    const Scenario& s = *load.scenario;
    CHECK(s.id == "corpus-base");
    CHECK(s.duration_s == 7200);
    CHECK(s.protocol == "hvp-alf-larsen-2016");
    CHECK(s.device == DeviceKind::centrifugal);
    REQUIRE(s.parameters.size() == 1);
    CHECK(s.parameters[0].value == doctest::Approx(0.15));
    REQUIRE(s.start.size() == 1);
    CHECK(s.start[0].value == doctest::Approx(36.8));
  }

  TEST_CASE("alarms keep their priority latching silence and condition") {
    const auto s = *base().scenario;
    REQUIRE(s.alarms.size() == 3);
    CHECK(s.alarms[0].spec.priority == lb::sim::alarms::Priority::high);
    CHECK(s.alarms[0].spec.silence_s == 120);
    REQUIRE(s.alarms[0].when.has_value());
    CHECK(s.alarms[0].when->compare.threshold.value == doctest::Approx(65.0));
    CHECK(s.alarms[0].when->compare.for_s == 10);
    CHECK(s.alarms[1].spec.latching);
    CHECK_FALSE(s.alarms[1].when.has_value());
    CHECK(s.alarms[2].spec.source == lb::sim::alarms::Source::lab);
  }

  TEST_CASE("events arrive with times in seconds probabilities and nested conditions") {
    const auto s = *base().scenario;
    REQUIRE(s.scheduled.size() == 1);
    CHECK(s.scheduled[0].at == 1200);
    REQUIRE(s.random.size() == 1);
    CHECK(s.random[0].probability == doctest::Approx(0.013));
    CHECK(s.random[0].basis == HazardBasis::session);
    REQUIRE(s.random[0].effects.size() == 2);
    CHECK(s.random[0].effects[0].kind == Effect::Kind::alarm);
    CHECK(s.random[0].effects[0].cleared_by == std::vector<std::string>{"fix_line"});
    CHECK(s.random[0].effects[1].kind == Effect::Kind::action);
    REQUIRE(s.random[0].effects[1].action.has_value());
    const auto* obstruction =
        std::get_if<lb::sim::AccessObstruction>(&*s.random[0].effects[1].action);
    REQUIRE(obstruction != nullptr);
    CHECK(units::in_percent(obstruction->available) == doctest::Approx(40.0));
    REQUIRE(s.conditional.size() == 2);
    const Condition& c = s.conditional[0].when;
    CHECK(c.kind == Condition::Kind::any);
    REQUIRE(c.children.size() == 2);
    CHECK(c.children[1].compare.threshold.variable == "ca_ratio");
    CHECK(c.children[1].compare.op == Op::greater_equal);
    CHECK(c.children[1].compare.for_s == 60);
    CHECK(s.conditional[1].when.kind == Condition::Kind::action);
    CHECK(s.conditional[1].when.action.delay_s == 240);
  }

  TEST_CASE("teaching sections: objectives critical actions weights and debrief") {
    const auto s = *base().scenario;
    REQUIRE(s.critical_actions.size() == 2);
    CHECK(s.critical_actions[0].within_s == 1800);
    CHECK(s.critical_actions[0].weight == doctest::Approx(2.0));
    CHECK(s.critical_actions[1].after == "citrate_toxicity");
    CHECK(s.critical_actions[1].any_of.size() == 3);
    CHECK(s.weights.critical_actions == doctest::Approx(0.7));
    CHECK(s.weights.harm == doctest::Approx(0.2));
    CHECK(s.debrief.prompts.size() == 1);
  }

  TEST_CASE("values written in another unit of the same dimension are converted") {
    std::string text = lb::testing::slurp(base_path());
    const auto at = text.find("0.15 L/min");
    REQUIRE(at != std::string::npos);
    text.replace(at, 10, "150 mL/min");
    const auto load = parse_scenario(text, "x.yaml");
    REQUIRE(load.scenario.has_value());
    CHECK(load.scenario->parameters[0].value == doctest::Approx(0.15));
  }
}
