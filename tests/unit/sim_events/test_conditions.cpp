// Condition evaluation: debounce ('for'), missing values, action triggers with delay, any/all.
#include <doctest/doctest.h>

#include <map>

#include "sim/events/conditions.hpp"

using namespace lb::sim;
using namespace lb::sim::events;
using scenario::Condition;
using scenario::Op;

namespace {
Condition leaf(std::string var, Op op, double v, SimTime for_s) {
  Condition c;
  c.kind = Condition::Kind::compare;
  c.compare.threshold = scenario::VariableValue{std::move(var), v, ""};
  c.compare.op = op;
  c.compare.for_s = for_s;
  return c;
}
Condition group(Condition::Kind kind, std::vector<Condition> children) {
  Condition c;
  c.kind = kind;
  c.children = std::move(children);
  return c;
}
struct Values {
  std::map<std::string, double, std::less<>> v;
  Lookup lookup() const {
    return [this](std::string_view name) -> std::optional<double> {
      const auto it = v.find(name);
      if (it == v.end()) return std::nullopt;
      return it->second;
    };
  }
};
}  // namespace

TEST_SUITE("sim_events") {
  TEST_CASE("compare implements each operator") {
    CHECK(compare(0.8, Op::less, 0.9));
    CHECK_FALSE(compare(0.9, Op::less, 0.9));
    CHECK(compare(0.9, Op::less_equal, 0.9));
    CHECK(compare(2.6, Op::greater, 2.5));
    CHECK(compare(2.5, Op::greater_equal, 2.5));
    CHECK(compare(1.0, Op::equal, 1.0));
    CHECK_FALSE(compare(1.0, Op::equal, 1.5));
  }

  TEST_CASE("a comparison fires only after holding for its time and restarts after a break") {
    ConditionTracker t(leaf("ica", Op::less, 0.9, 60));
    Values v;
    const ActionLog none;
    v.v["ica"] = 0.85;
    CHECK_FALSE(t.update(0, v.lookup(), none));
    CHECK_FALSE(t.update(59, v.lookup(), none));
    CHECK(t.update(60, v.lookup(), none));
    v.v["ica"] = 0.95;  // one step above: the clock restarts
    CHECK_FALSE(t.update(61, v.lookup(), none));
    v.v["ica"] = 0.85;
    CHECK_FALSE(t.update(62, v.lookup(), none));
    CHECK(t.update(122, v.lookup(), none));
  }

  TEST_CASE("a value the run does not model never satisfies a comparison") {
    ConditionTracker t(leaf("ammonia", Op::greater, 100, 0));
    Values v;
    CHECK_FALSE(t.update(0, v.lookup(), ActionLog{}));
  }

  TEST_CASE("an action trigger fires once at the step its delay after each action") {
    Condition c;
    c.kind = Condition::Kind::action;
    c.action = scenario::ActionTrigger{"call_for_help", 240};
    ConditionTracker t(c);
    ActionLog log;
    log.taken.emplace_back(100, "call_for_help");
    Values v;
    CHECK_FALSE(t.update(338, v.lookup(), log));
    CHECK_FALSE(t.update(339, v.lookup(), log));
    CHECK(t.update(340, v.lookup(), log));
    CHECK_FALSE(t.update(341, v.lookup(), log));
  }

  TEST_CASE("with 60 s steps an action trigger fires at the first step past its delay") {
    Condition c;
    c.kind = Condition::Kind::action;
    c.action = scenario::ActionTrigger{"call_for_help", 90};
    ConditionTracker t(c);
    ActionLog log;
    log.taken.emplace_back(30, "call_for_help");
    Values v;
    CHECK_FALSE(t.update(60, v.lookup(), log));
    CHECK(t.update(120, v.lookup(), log));  // 30 + 90 = 120
    CHECK_FALSE(t.update(180, v.lookup(), log));
  }

  TEST_CASE("any and all combine children and keep every child's debounce clock running") {
    Values v;
    const ActionLog none;
    ConditionTracker any(
        group(Condition::Kind::any,
              {leaf("ica", Op::less, 0.9, 30), leaf("ca_ratio", Op::greater_equal, 2.5, 0)}));
    ConditionTracker all(
        group(Condition::Kind::all,
              {leaf("ica", Op::less, 0.9, 30), leaf("ca_ratio", Op::greater_equal, 2.5, 0)}));
    v.v["ica"] = 0.8;
    v.v["ca_ratio"] = 2.0;
    CHECK_FALSE(any.update(0, v.lookup(), none));
    CHECK_FALSE(all.update(0, v.lookup(), none));
    v.v["ca_ratio"] = 2.6;  // the ratio alone satisfies any, not all (ica not yet 30 s)
    CHECK(any.update(10, v.lookup(), none));
    CHECK_FALSE(all.update(10, v.lookup(), none));
    CHECK(all.update(30, v.lookup(), none));  // ica has now held 30 s: both children true
  }
}
