#include "sim/run/start_state.hpp"

#include <cmath>
#include <optional>
#include <stdexcept>

#include "sim/model/citrate_calcium.hpp"
#include "sim/model/sub_models.hpp"

namespace lb::sim::run {

const std::vector<std::string>& startable_variables() {
  static const std::vector<std::string> names = {
      "temp",    "map", "hr", "spo2",      "ph",  "hco3",       "ica",
      "citrate", "k",   "hb", "platelets", "pta", "fibrinogen", "volume_deficit"};
  return names;
}

void apply_start(Engine& engine, const std::vector<scenario::VariableValue>& start) {
  Snapshot s = engine.snapshot();
  kernel::Kernel& k = s.kernel;
  const double ph0 = k.ph;
  std::optional<double> ph, hco3, ica, citrate, potassium;
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
    } else if (v.variable == "ica") {
      ica = v.value;
    } else if (v.variable == "citrate") {
      citrate = v.value;
    } else if (v.variable == "k") {
      potassium = v.value;
    } else if (v.variable == "hb") {
      // Hb = Hct × MCHC; the red cells follow (no deficit before the first step).
      k.hematocrit = v.value / engine.parameters().red_cell_haemoglobin.value;
      k.red_cells = k.hematocrit * engine.body().blood;
    } else if (v.variable == "platelets") {
      k.platelets = v.value;
    } else if (v.variable == "pta") {
      // The patient's own level (where the kinetics return) stays the file's.
      k.pta = k.pta_e = v.value;
    } else if (v.variable == "fibrinogen") {
      k.fibrinogen = k.fibrinogen_e = v.value;
    } else if (v.variable == "volume_deficit") {
      k.deficit = v.value / 1000.0;  // mL -> L
      k.volume_ledger.initial = k.deficit;
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
  if (ica || citrate) {
    // Citrate (accumulated from an earlier session) and iCa set the calcium amounts; the
    // ledgers start where the state starts.
    const kernel::Body& body = engine.body();
    const double c = citrate.value_or(k.citrate_conc);
    const double i = ica.value_or(k.ica);
    k.citrate = c * body.ecf;
    k.calcium = kernel::calcium_amount_at(i, c, body, engine.parameters());
    kernel::update_calcium_species(k, body, engine.parameters());
    k.citrate_ledger.initial = k.citrate;
    k.calcium_ledger.initial = k.calcium;
  }
  if (potassium) {
    // The measured potassium: the ECF value is before the shift with pH.
    const double shifted = kernel::measured_potassium(*potassium, k.ph, engine.parameters());
    k.potassium = *potassium + (*potassium - shifted);
    k.potassium_shown = *potassium;
  }
  kernel::update_signs(k, engine.parameters());  // QTc and signs from the starting iCa
  engine.restore(s);
}

}  // namespace lb::sim::run
