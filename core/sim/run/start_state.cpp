#include "sim/run/start_state.hpp"

#include <cmath>
#include <optional>
#include <stdexcept>

#include "sim/model/sub_models.hpp"

namespace lb::sim::run {

const std::vector<std::string>& startable_variables() {
  static const std::vector<std::string> names = {"temp", "map", "hr", "spo2", "ph", "hco3"};
  return names;
}

void apply_start(Engine& engine, const std::vector<scenario::VariableValue>& start) {
  Snapshot s = engine.snapshot();
  kernel::Kernel& k = s.kernel;
  const double ph0 = k.ph;
  std::optional<double> ph, hco3;
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
    } else if (v.variable == "ph") {
      ph = v.value;
    } else if (v.variable == "hco3") {
      hco3 = v.value;
    } else {
      throw std::invalid_argument("start: '" + v.variable + "' cannot be set");
    }
  }
  if (ph || hco3) {
    // The starting blood gas: both set the patient's own pCO2; bicarbonate alone keeps the
    // pCO2 (the pH follows); pH alone keeps the pCO2 (the bicarbonate follows).
    const double pco2 = kernel::pco2_of(k.bicarbonate, ph0);
    if (hco3) k.bicarbonate = *hco3;
    if (ph && !hco3) k.bicarbonate *= std::pow(10.0, *ph - ph0);
    k.bicarbonate_own = k.bicarbonate;
    k.pco2_own = ph && hco3 ? kernel::pco2_of(*hco3, *ph) : pco2;
    kernel::update_ph(k, engine.parameters());
  }
  engine.restore(s);
}

}  // namespace lb::sim::run
