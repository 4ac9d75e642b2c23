#include "sim/model/engine.hpp"

#include <algorithm>
#include <cmath>

#include "sim/model/citrate_calcium.hpp"
#include "sim/model/constants.hpp"
#include "sim/model/sub_models.hpp"

namespace lb::sim {

namespace {

double l_per_min(units::Flow q) { return units::in_ml_per_min(q) / 1000.0; }

kernel::Body body_of(const Parameters& p, const patient::Patient& patient,
                     const std::vector<SessionSetup>& sessions) {
  kernel::Body b;
  b.weight = units::in_kilograms(patient.weight);
  b.ecf = p.ecf_volume.value * b.weight;
  b.bicarbonate_space = p.bicarbonate_space.value * b.weight;
  if (!sessions.empty()) {
    b.plasma = units::in_liters(sessions.front().plasma_volume);
    b.blood = units::in_liters(sessions.front().total_blood_volume);
  }
  b.albumin =
      patient.labs.albumin ? units::in_g_per_l(*patient.labs.albumin) : p.baseline_albumin.value;
  b.red_cells = b.blood * units::in_fraction(patient.hematocrit);
  // A patient in hepatic coma (West Haven ≥ 3) or on a ventilator cannot report tingling.
  b.can_report_symptoms = patient.clinical.hepatic_encephalopathy_grade.value_or(0) < 3 &&
                          !patient.clinical.mechanical_ventilation.value_or(false);
  return b;
}

kernel::Kernel initial_kernel(const Parameters& p, const patient::Patient& patient,
                              const kernel::Body& body, const FactorModels& factors) {
  kernel::Kernel k;
  // Citrate at its baseline; exchangeable calcium from the set point (the patient's iCa).
  k.citrate = p.baseline_citrate.value * body.ecf;
  k.calcium =
      kernel::calcium_amount_at(p.ionised_calcium_set.value, p.baseline_citrate.value, body, p);
  kernel::update_calcium_species(k, body, p);
  k.bicarbonate = patient.labs.bicarbonate ? units::in_mmol_per_l(*patient.labs.bicarbonate)
                                           : p.baseline_bicarbonate.value;
  // The patient's own pCO2: from the file's blood gas when it has pH and bicarbonate (so the
  // simulated pH starts at the measured one), else the compensation line through 40 mmHg at 24.
  k.bicarbonate_own = k.bicarbonate;
  k.pco2_own = patient.labs.arterial_ph && patient.labs.bicarbonate
                   ? kernel::pco2_of(k.bicarbonate, units::in_fraction(*patient.labs.arterial_ph))
                   : 40.0 + p.pco2_compensation.value * (k.bicarbonate - 24.0);
  kernel::update_ph(k, p);
  // The file's potassium is the measured one: the ECF value is before the pH shift.
  const double k_measured = patient.labs.potassium ? units::in_mmol_per_l(*patient.labs.potassium)
                                                   : p.baseline_potassium.value;
  k.potassium = k_measured + (k_measured - kernel::measured_potassium(k_measured, k.ph, p));
  k.potassium_shown = kernel::measured_potassium(k.potassium, k.ph, p);
  k.map0 = patient.clinical.mean_arterial_pressure
               ? units::in_mm_hg(*patient.clinical.mean_arterial_pressure)
               : p.baseline_map.value;
  // The file's MAP is on the patient's norepinephrine: the pressure without it is lower.
  if (patient.clinical.norepinephrine_dose) {
    k.norepinephrine = units::in_ug_per_kg_per_min(*patient.clinical.norepinephrine_dose);
    k.map0 /= 1.0 + p.norepinephrine_effect.value * k.norepinephrine;
  }
  k.heart_rate0 = p.baseline_heart_rate.value;
  k.map = k.map0 * (1.0 + p.norepinephrine_effect.value * k.norepinephrine);
  k.heart_rate = k.heart_rate0;
  k.spo2 = k.spo2_0 = p.baseline_spo2.value;
  k.pta = k.pta_e = units::in_percent(factors.pta.baseline);
  k.fibrinogen = k.fibrinogen_e = units::in_g_per_l(factors.fibrinogen.baseline);
  k.platelets = patient.labs.platelets ? units::in_giga_per_liter(*patient.labs.platelets)
                                       : p.baseline_platelets.value;
  k.red_cells = body.red_cells;
  k.hematocrit = units::in_fraction(patient.hematocrit);
  k.temperature = kernel::kBodyTemperature;
  kernel::update_signs(k, p);
  k.citrate_ledger.initial = k.citrate;
  k.calcium_ledger.initial = k.calcium;
  return k;
}

}  // namespace

Engine::Engine(Parameters parameters, const patient::Patient& patient,
               std::vector<SessionSetup> sessions, SoluteModels solutes, EngineOptions options)
    : p_(std::move(parameters)),
      options_(options),
      body_(body_of(p_, patient, sessions)),
      sessions_(std::move(sessions)),
      solutes_(std::move(solutes.models)),
      factors_(solutes.factors ? std::move(*solutes.factors) : factor_models(patient, p_)),
      k_(initial_kernel(p_, patient, body_, factors_)) {
  for (const SoluteModel& m : solutes_) {
    const double c = units::in_umol_per_l(m.baseline);
    if (m.solute == protocol::Solute::bilirubin) {
      k_.has_bilirubin = true;
      k_.bilirubin_p = k_.bilirubin_e = c;
      k_.bilirubin_ledger.initial = kernel::solute_amount(m, body_.plasma, c, c);
    } else if (m.solute == protocol::Solute::ammonia) {
      k_.has_ammonia = true;
      k_.ammonia_p = k_.ammonia_e = c;
      k_.ammonia_ledger.initial = kernel::solute_amount(m, body_.plasma, c, c);
    }
  }
}

kernel::DeviceConstants Engine::constants() const {
  kernel::DeviceConstants c;
  c.ffp_calcium = p_.ffp_calcium.value;
  c.ffp_citrate = p_.ffp_citrate.value;
  c.ecv = p_.extracorporeal_volume.value / 1000.0;
  if (k_.session >= 0) {
    const SessionSetup& s = sessions_[static_cast<std::size_t>(k_.session)];
    c.ac_citrate = units::in_mmol_per_l(s.ac_citrate);
    if (s.ffp_citrate) c.ffp_citrate = units::in_mmol_per_l(*s.ffp_citrate);
    if (s.extracorporeal_from_protocol) c.ecv = units::in_liters(s.extracorporeal_volume);
    c.centrifugal = s.device == Device::centrifugal;
  }
  return c;
}

void Engine::set_device(double inlet_l_min, double ratio) {
  k_.inlet_set = inlet_l_min;
  k_.ac_ratio = ratio;
  if (k_.session < 0 || !(inlet_l_min > 0.0)) {
    k_.q_inlet = k_.q_whole_blood = k_.q_ac = k_.q_plasma = 0.0;
    return;
  }
  const SessionSetup& s = sessions_[static_cast<std::size_t>(k_.session)];
  const std::optional<units::VolumeRatio> r =
      ratio > 0.0 ? std::optional(units::volume_ratio(ratio)) : std::nullopt;
  const DeviceFlows f = device_flows(s, units::ml_per_min(inlet_l_min * 1000.0), r);
  k_.q_inlet = l_per_min(f.inlet);
  k_.q_whole_blood = l_per_min(f.whole_blood);
  k_.q_ac = l_per_min(f.ac);
  k_.q_plasma = l_per_min(f.plasma_removal);
  k_.ac_returned = units::in_fraction(f.ac_returned);
}

void Engine::connect(int index) {
  const SessionSetup& s = sessions_[static_cast<std::size_t>(index)];
  k_.session = index;
  k_.mode = kernel::Mode::running;
  k_.session_elapsed_s = 0.0;
  k_.processed = k_.removed = k_.replaced_ffp = k_.replaced_albumin = k_.ac_used = 0.0;
  k_.clot_index = k_.clot_per_h = 0.0;
  k_.access_available = 1.0;
  k_.exchange_target = units::in_liters(s.exchange);
  k_.fluid_balance = units::in_fraction(s.fluid_balance);
  k_.ffp_share = units::in_fraction(s.ffp_share);
  k_.ffp_last = s.ffp_last;
  k_.albumin_planned = units::in_liters(s.albumin_volume);
  // The circuit fills with the patient's blood: a deficit of one extracorporeal volume.
  const double ecv = constants().ecv;
  k_.in_circuit = ecv;
  k_.deficit += ecv;
  k_.volume_ledger.in += ecv;
  k_.red_cells -= ecv * k_.hematocrit;
  set_device(l_per_min(s.flows.inlet), s.ac_ratio ? units::in_parts(*s.ac_ratio) : 0.0);
  if (s.calcium) {
    k_.ca_infusion = l_per_min(s.calcium->rate) * 1000.0 *
                     kernel::calcium_per_ml(static_cast<int>(s.calcium->product), p_);
  }
}

void Engine::step() {
  const bool connected = k_.mode == kernel::Mode::running || k_.mode == kernel::Mode::paused ||
                         k_.mode == kernel::Mode::rinse_back;
  double dt = options_.session_step_s;
  if (!connected) {
    const std::size_t next = static_cast<std::size_t>(k_.session + 1);
    if (next < sessions_.size()) {
      const double start = units::in_seconds(sessions_[next].start);
      if (k_.elapsed_s >= start) {
        connect(static_cast<int>(next));
      } else {
        dt = std::min(options_.between_step_s, start - k_.elapsed_s);
      }
    } else {
      dt = options_.between_step_s;
    }
  }
  const double dt_min = dt / 60.0;
  const kernel::DeviceConstants c = constants();
  const kernel::Mode before = k_.mode;
  // (2) device and infusions
  const kernel::Fluxes f = kernel::step_device(k_, c, p_, dt);
  // (3) volume
  kernel::step_volume(k_, f, dt_min);
  // (4) citrate and calcium, (5) acid–base, (6) potassium
  const double metabolised = kernel::step_citrate_calcium(k_, f, body_, p_, dt_min);
  kernel::step_acid_base(k_, f, body_, p_, metabolised, dt_min);
  kernel::step_potassium(k_, f, body_, p_, dt_min);
  // (7) solutes through the kinetics engine, clotting factors, platelets, red cells
  for (const SoluteModel& m : solutes_) {
    if (m.solute == protocol::Solute::bilirubin) {
      kernel::step_solute({&k_.bilirubin_p, &k_.bilirubin_e, &k_.bilirubin_ledger}, m, f,
                          body_.plasma, dt);
    } else if (m.solute == protocol::Solute::ammonia) {
      kernel::step_solute({&k_.ammonia_p, &k_.ammonia_e, &k_.ammonia_ledger}, m, f, body_.plasma,
                          dt);
    }
  }
  kernel::step_factors(k_, factors_, f, body_.plasma, dt);
  kernel::step_blood(k_, f, body_, p_, c, dt_min);
  // (8) temperature, (9) haemodynamics, (10) signs
  kernel::step_thermal(k_, f, body_, p_, dt_min);
  k_.vasovagal_left_s = std::max(0.0, k_.vasovagal_left_s - dt);
  kernel::step_haemodynamics(k_, body_, p_, dt);
  kernel::update_signs(k_, p_);
  if (before != kernel::Mode::ended && k_.mode == kernel::Mode::ended) end_calcium_infusion();
  k_.elapsed_s += dt;
}

void Engine::end_calcium_infusion() {
  // Calcium replaces what the session's citrate binds and its plasma removes: every infusion
  // (the protocol's order and the trainee's own) stops with the session. Calcium after the
  // session is a new, explicit order (set_ca_infusion after the end); a running bolus, a
  // dose already given, runs in.
  k_.ca_infusion = 0.0;
}

void Engine::run_until(units::Duration t) {
  const double until = units::in_seconds(t);
  while (k_.elapsed_s < until) step();
}

State Engine::state() const {
  return to_state(k_, body_.blood, p_.red_cell_haemoglobin.value, body_.can_report_symptoms);
}

double Engine::solute_amount(protocol::Solute s) const {
  for (const SoluteModel& m : solutes_) {
    if (m.solute != s) continue;
    if (s == protocol::Solute::bilirubin) {
      return kernel::solute_amount(m, body_.plasma, k_.bilirubin_p, k_.bilirubin_e);
    }
    if (s == protocol::Solute::ammonia) {
      return kernel::solute_amount(m, body_.plasma, k_.ammonia_p, k_.ammonia_e);
    }
  }
  return 0.0;
}

}  // namespace lb::sim
