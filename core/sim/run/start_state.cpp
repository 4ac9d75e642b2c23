#include "sim/run/start_state.hpp"

#include <stdexcept>

namespace lb::sim::run {

const std::vector<std::string>& startable_variables() {
  static const std::vector<std::string> names = {"temp", "map", "hr", "spo2"};
  return names;
}

void apply_start(Engine& engine, const std::vector<scenario::VariableValue>& start) {
  Snapshot s = engine.snapshot();
  kernel::Kernel& k = s.kernel;
  for (const auto& v : start) {
    // Values arrive in the observable's unit (°C, mmHg, /min, %), the kernel's units too.
    if (v.variable == "temp") {
      k.temperature = v.value;
    } else if (v.variable == "map") {
      k.map = v.value;
      k.map0 = v.value;
    } else if (v.variable == "hr") {
      k.heart_rate = v.value;
      k.heart_rate0 = v.value;
    } else if (v.variable == "spo2") {
      k.spo2 = v.value;
    } else {
      throw std::invalid_argument("start: '" + v.variable + "' cannot be set");
    }
  }
  engine.restore(s);
}

}  // namespace lb::sim::run
