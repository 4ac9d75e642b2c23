#include "sim/run/start_state.hpp"

#include <cmath>
#include <optional>
#include <stdexcept>

#include "sim/model/citrate_calcium.hpp"
#include "sim/model/sub_models.hpp"
#include "sim/model/valid_range.hpp"
#include "text/format.hpp"

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
      {"total_ca", R::closed(0.5, 6.0)},              // mmol/L (citrate-bound calcium included)
      {"citrate", R::closed(0.0, 10.0)},              // mmol/L
      {"k", R::closed(1.5, 9.0)},                     // mmol/L
      {"hb", R::closed(30.0, 220.0)},                 // g/L
      {"platelets", R::above(0.0, 1500.0)},           // 10^9/L
      {"pta", R::closed(1.0, 150.0)},                 // %
      {"fibrinogen", R::above(0.0, 10.0)},            // g/L
      {"bilirubin", R::closed(0.0, 1500.0)},          // µmol/L
      {"ammonia", R::closed(0.0, 1000.0)},            // µmol/L
      {"volume_deficit", R::closed(-3000.0, 2500.0)}  // mL (negative: overload)
  };
  return list;
}

namespace {

/// The overrides read by name (each with its place in the list, for its problem).
struct Requested {
  std::optional<double> ph, hco3, ica, citrate, total_ca, potassium, bilirubin, ammonia;
  std::size_t total_ca_at = 0, bilirubin_at = 0, ammonia_at = 0;
};

/// The variables set by the blocks of apply_start (the others are set one by one there).
bool read_requested(const scenario::VariableValue& v, std::size_t i, Requested& r) {
  if (v.variable == "ph") {
    r.ph = v.value;
  } else if (v.variable == "hco3") {
    r.hco3 = v.value;
  } else if (v.variable == "ica") {
    r.ica = v.value;
  } else if (v.variable == "citrate") {
    r.citrate = v.value;
  } else if (v.variable == "total_ca") {
    r.total_ca = v.value;
    r.total_ca_at = i;
  } else if (v.variable == "k") {
    r.potassium = v.value;
  } else if (v.variable == "bilirubin") {
    r.bilirubin = v.value;
    r.bilirubin_at = i;
  } else if (v.variable == "ammonia") {
    r.ammonia = v.value;
    r.ammonia_at = i;
  } else {
    return false;
  }
  return true;
}

bool is_single(const std::string& name) {
  for (const char* n :
       {"temp", "map", "hr", "spo2", "hb", "platelets", "pta", "fibrinogen", "volume_deficit"}) {
    if (name == n) return true;
  }
  return false;
}

ValidRange range_of(const std::string& name) {
  for (const auto& v : start_variables()) {
    if (v.name == name) return v.range;
  }
  return {};
}

std::string mmol(double v) { return text::fixed(v, 2) + " mmol/L"; }

}  // namespace

std::vector<StartProblem> start_problems(const Engine& engine,
                                         const std::vector<scenario::VariableValue>& start) {
  std::vector<StartProblem> out;
  Requested r;
  for (std::size_t i = 0; i < start.size(); ++i) {
    if (!read_requested(start[i], i, r) && !is_single(start[i].variable)) {
      out.push_back({i, "start: '" + start[i].variable + "' cannot be set"});
    }
  }
  const kernel::Kernel& k = engine.kernel();
  if (r.total_ca && r.citrate) {
    out.push_back({r.total_ca_at,
                   "total_ca and citrate cannot both be set at the start: total_ca sets the "
                   "citrate that holds it (with ica, or at the patient's iCa)"});
  } else if (r.total_ca) {
    const double ica = r.ica.value_or(k.ica);
    const double without = kernel::calcium_without_citrate(ica, engine.body(), engine.parameters());
    const double c =
        kernel::citrate_for_total(*r.total_ca, ica, engine.body(), engine.parameters());
    const ValidRange citrate_range = range_of("citrate");
    if (c < 0.0) {
      out.push_back(
          {r.total_ca_at, "total_ca " + mmol(*r.total_ca) + " is below the " + mmol(without) +
                              " that the ionised calcium of " + mmol(ica) +
                              " already gives with its complexes and protein binding (albumin " +
                              text::fixed(engine.body().albumin, 0) +
                              " g/L): no citrate can make it; raise it or lower ica"});
    } else if (!citrate_range.contains(c)) {
      out.push_back({r.total_ca_at, "total_ca " + mmol(*r.total_ca) + " at ionised calcium " +
                                        mmol(ica) + " needs citrate " + mmol(c) +
                                        ", and a start's citrate " +
                                        citrate_range.requirement("mmol/L")});
    }
  }
  const auto not_simulated = [&](const char* name, std::size_t at) {
    out.push_back({at, std::string("start: ") + name +
                           " cannot be set: this run does not simulate it (the protocol's "
                           "kinetics do not model it, or the patient file has no " +
                           name + " lab)"});
  };
  if (r.bilirubin && !k.has_bilirubin) not_simulated("bilirubin", r.bilirubin_at);
  if (r.ammonia && !k.has_ammonia) not_simulated("ammonia", r.ammonia_at);
  return out;
}

void apply_start(Engine& engine, const std::vector<scenario::VariableValue>& start) {
  if (const auto problems = start_problems(engine, start); !problems.empty()) {
    throw std::invalid_argument(problems.front().message);
  }
  Snapshot s = engine.snapshot();
  kernel::Kernel& k = s.kernel;
  const double ph0 = k.ph;
  Requested r;
  for (std::size_t i = 0; i < start.size(); ++i) {
    const auto& v = start[i];
    if (read_requested(v, i, r)) continue;
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
    }
  }
  if (r.ph || r.hco3) {
    // The starting blood gas: both set the patient's own pCO2; bicarbonate alone keeps the
    // pCO2 (the pH follows); pH alone keeps the pCO2 (the bicarbonate follows).
    const double pco2 = kernel::pco2_of(k.bicarbonate, ph0);
    if (r.hco3) k.bicarbonate = *r.hco3;
    if (r.ph && !r.hco3) k.bicarbonate *= std::pow(10.0, *r.ph - ph0);
    k.bicarbonate_own = k.bicarbonate;
    k.pco2_own = r.ph && r.hco3 ? kernel::pco2_of(*r.hco3, *r.ph) : pco2;
    kernel::update_ph(k, engine.parameters());
  }
  if (r.ica || r.citrate || r.total_ca) {
    // Citrate (accumulated from an earlier session) and iCa set the calcium amounts; the
    // ledgers start where the state starts. A total calcium sets the citrate: the lab's
    // total is the sum of the species the step solves (kernel::solve_calcium), so the citrate
    // is solved from that same sum (kernel::citrate_for_total) and the engine, started from
    // the amounts, reports the total asked for at the iCa asked for; any other relation
    // would start the run from a total the model does not hold.
    const kernel::Body& body = engine.body();
    const double i = r.ica.value_or(k.ica);
    const double c = r.total_ca
                         ? kernel::citrate_for_total(*r.total_ca, i, body, engine.parameters())
                         : r.citrate.value_or(k.citrate_conc);
    k.citrate = c * body.ecf;
    k.calcium = kernel::calcium_amount_at(i, c, body, engine.parameters());
    kernel::update_calcium_species(k, body, engine.parameters());
    k.citrate_ledger.initial = k.citrate;
    k.calcium_ledger.initial = k.calcium;
  }
  if (r.potassium) {
    // The measured potassium: the ECF value is before the shift with pH.
    const double shifted = kernel::measured_potassium(*r.potassium, k.ph, engine.parameters());
    k.potassium = *r.potassium + (*r.potassium - shifted);
    k.potassium_shown = *r.potassium;
  }
  // Bilirubin and ammonia as the engine starts them from the patient file: the extravascular
  // value at equilibrium with the plasma (engine.cpp). The patient's own level, where the
  // kinetics return, stays the file's.
  if (r.bilirubin) k.bilirubin_p = k.bilirubin_e = *r.bilirubin;
  if (r.ammonia) k.ammonia_p = k.ammonia_e = *r.ammonia;
  kernel::update_signs(k, engine.parameters());  // QTc and signs from the starting iCa
  engine.restore(s);
  if (r.bilirubin || r.ammonia) {
    // The solute ledgers start at the amount in the body at the new values (plasma and
    // extravascular, the model's own amount: Engine::solute_amount).
    Snapshot again = engine.snapshot();
    if (r.bilirubin) {
      again.kernel.bilirubin_ledger.initial = engine.solute_amount(protocol::Solute::bilirubin);
    }
    if (r.ammonia) {
      again.kernel.ammonia_ledger.initial = engine.solute_amount(protocol::Solute::ammonia);
    }
    engine.restore(again);
  }
}

}  // namespace lb::sim::run
