#include "sim/events/conditions.hpp"

namespace lb::sim::events {

using scenario::Condition;
using scenario::Op;

bool ActionLog::taken_between(std::string_view action, SimTime after, SimTime until) const {
  for (const auto& [when, name] : taken) {
    if (when > after && when <= until && name == action) return true;
  }
  return false;
}

bool compare(double value, Op op, double threshold) {
  switch (op) {
    case Op::less: return value < threshold;
    case Op::less_equal: return value <= threshold;
    case Op::greater: return value > threshold;
    case Op::greater_equal: return value >= threshold;
    case Op::equal: return value == threshold;
  }
  return false;
}

namespace {
std::size_t count_leaves(const Condition& c) {
  if (c.kind == Condition::Kind::compare) return 1;
  std::size_t n = 0;
  for (const auto& child : c.children) n += count_leaves(child);
  return n;
}
}  // namespace

ConditionTracker::ConditionTracker(Condition condition)
    : condition_(std::move(condition)), since_(count_leaves(condition_)) {}

bool ConditionTracker::update(SimTime t, const Lookup& values, const ActionLog& actions) {
  std::size_t leaf = 0;
  const bool out = eval(condition_, leaf, t, values, actions);
  last_ = t;
  return out;
}

bool ConditionTracker::eval(const Condition& c, std::size_t& leaf, SimTime t, const Lookup& values,
                            const ActionLog& actions) {
  switch (c.kind) {
    case Condition::Kind::compare: {
      auto& since = since_[leaf++];
      const auto v = values(c.compare.threshold.variable);
      const bool now = v && compare(*v, c.compare.op, c.compare.threshold.value);
      if (!now) {
        since.reset();
        return false;
      }
      if (!since) since = t;
      return t - *since >= c.compare.for_s;
    }
    case Condition::Kind::action:
      return actions.taken_between(c.action.action, last_ - c.action.delay_s, t - c.action.delay_s);
    case Condition::Kind::any: {
      // Every child is evaluated (no short cut) so that each leaf's debounce clock advances.
      bool any = false;
      for (const auto& child : c.children) any = eval(child, leaf, t, values, actions) || any;
      return any;
    }
    case Condition::Kind::all: {
      bool all = true;
      for (const auto& child : c.children) all = eval(child, leaf, t, values, actions) && all;
      return all;
    }
  }
  return false;
}

}  // namespace lb::sim::events
