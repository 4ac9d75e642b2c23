#include "sim/run/start_state.hpp"

#include <cmath>
#include <optional>
#include <stdexcept>

#include "sim/model/citrate_calcium.hpp"
#include "sim/model/sub_models.hpp"

namespace lb::sim::run {

const std::vector<StartVariable>& start_variables() {
  // Ranges: values a patient can present with (and the engine's invariants: 0 < iCa < 3,
  // pH 6.8–7.8); a deficit above the blood volume or a pH outside them has no meaning here.
  using R = ValidRange;
  static const std::vector<StartVariable> list = {
      {"temp", R::closed(28.0, 42.0)},                // °C
      {"map", R::closed(20.0, 200.0)},                // mmHg
      {"hr", R::closed(20.0, 250.0)},                 // /min
      {"spo2", R::closed(50.0, 100.0)},               // %
      {"ph", R::closed(6.8, 7.8)},                    //
      {"hco3", R::closed(5.0, 60.0)},                 // mmol/L (its logarithm gives the pH)
      {"ica", R::closed(0.3, 2.5)},                   // mmol/L
      {"citrate", R::closed(0.0, 10.0)},              // mmol/L
      {"k", R::closed(1.5, 9.0)},                     // mmol/L
      {"hb", R::closed(30.0, 220.0)},                 // g/L
      {"platelets", R::above(0.0, 1500.0)},           // 10^9/L
      {"pta", R::closed(1.0, 150.0)},                 // %
      {"fibrinogen", R::above(0.0, 10.0)},            // g/L
      {"volume_deficit", R::closed(-3000.0, 2500.0)}  // mL (negative: overload)
  };
  return list;
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
      // The MAP shown is on the patient's norepinephrine: the pressure without it is lower
      // (as for the file's MAP, engine.cpp), so the value holds after the first steps.
      k.map = v.value;
      k.map0 = v.value / (1.0 + engine.parameters().norepinephrine_effect.value * k.norepinephrine);
    } else if (v.variable == "hr") {
      k.heart_rate = v.value;
      k.heart_rate0 = v.value;
    } else if (v.variable == "spo2") {
      k.spo2 = k.spo2_0 = v.value;
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
