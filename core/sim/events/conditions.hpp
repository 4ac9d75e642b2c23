// Evaluates the closed condition grammar of scenarios (scenario.hpp Condition) step by step.
// A comparison is true once it has held without a break for its `for` time (debouncing: one
// noisy second does not fire an event); a missing value (an observable the run does not
// model) is false. An action trigger is true at the one step that reaches `delay` after the
// action was taken (steps are 1 s in a session, up to 60 s between sessions: the first step at
// or after the moment counts). any/all combine their children at the same step.
#pragma once

#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/scenario/scenario.hpp"

namespace lb::sim::events {

using scenario::SimTime;

/// The value of an observable in its unit now, or nullopt.
using Lookup = std::function<std::optional<double>(std::string_view name)>;

/// The actions taken so far: (time, action name), in time order.
struct ActionLog {
  std::vector<std::pair<SimTime, std::string>> taken;
  /// True when `action` was taken at a time in (after, until].
  [[nodiscard]] bool taken_between(std::string_view action, SimTime after, SimTime until) const;
};

bool compare(double value, scenario::Op op, double threshold);

class ConditionTracker {
 public:
  explicit ConditionTracker(scenario::Condition condition);
  /// The condition at step `t` (call once per step, t increasing).
  bool update(SimTime t, const Lookup& values, const ActionLog& actions);

 private:
  bool eval(const scenario::Condition& c, std::size_t& leaf, SimTime t, const Lookup& values,
            const ActionLog& actions);

  scenario::Condition condition_;
  SimTime last_ = std::numeric_limits<SimTime>::min() / 2;  ///< the previous update's time
  /// Per comparison leaf (depth-first order): since when it has held without a break.
  std::vector<std::optional<SimTime>> since_;
};

}  // namespace lb::sim::events
