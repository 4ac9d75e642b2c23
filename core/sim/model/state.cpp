#include "sim/model/state.hpp"

namespace lb::sim {

namespace {
units::Flow lpm(double v) { return units::ml_per_min(v * 1000.0); }
units::AmountConcentration mm(double v) { return units::mmol_per_l(v); }
}  // namespace

State to_state(const kernel::Kernel& k, double tbv_l, double red_cell_haemoglobin_g_per_l,
               bool can_report_symptoms) {
  State s;
  s.elapsed = units::seconds(k.elapsed_s);
  DeviceState& d = s.device;
  d.mode = k.mode;
  d.session = k.session + 1;
  d.session_elapsed = units::seconds(k.session_elapsed_s);
  const bool pumping = k.mode == kernel::Mode::running;
  const double share = pumping ? k.access_available : 0.0;
  d.inlet_flow = lpm(k.q_inlet * share);
  d.whole_blood_flow = lpm(k.q_whole_blood * share);
  d.ac_flow = lpm(k.q_ac * share);
  d.plasma_removal = lpm(k.q_plasma * share);
  d.replacement_flow = lpm(k.q_plasma * share * k.fluid_balance);
  d.return_flow =
      lpm((k.q_whole_blood - k.q_plasma + k.q_plasma * k.fluid_balance + k.q_ac * k.ac_returned) *
          share);
  d.ac_ratio = units::volume_ratio(k.ac_ratio);
  d.fluid_balance = units::fraction(k.fluid_balance);
  d.ffp_share = units::fraction(k.ffp_share);
  d.processed = units::liters(k.processed);
  d.removed = units::liters(k.removed);
  d.replaced_ffp = units::liters(k.replaced_ffp);
  d.replaced_albumin = units::liters(k.replaced_albumin);
  d.ac_used = units::liters(k.ac_used);
  d.in_circuit = units::liters(k.in_circuit);
  d.exchange_target = units::liters(k.exchange_target);
  d.access_pressure = units::mm_hg(k.access_pressure);
  d.return_pressure = units::mm_hg(k.return_pressure);
  d.clot_index = units::fraction(k.clot_index);
  d.access_available = units::fraction(k.access_available);
  d.warmer = k.warmer;

  s.citrate_amount = mmol(k.citrate);
  s.calcium_amount = mmol(k.calcium);
  s.citrate = mm(k.citrate_conc);
  s.ionised_calcium = mm(k.ica);
  s.total_calcium = mm(k.total_ca);
  s.calcium_citrate = mm(k.ca_citrate);
  s.calcium_ratio = units::fraction(k.total_ca / k.ica);
  s.bicarbonate = mm(k.bicarbonate);
  s.potassium = mm(k.potassium_shown);
  s.pco2 = units::mm_hg(k.pco2);
  s.ph = units::fraction(k.ph);
  s.volume_deficit = units::liters(k.deficit);
  s.volume_deficit_share = units::fraction(k.deficit / tbv_l);
  s.mean_arterial_pressure = units::mm_hg(k.map);
  s.heart_rate = per_minute(k.heart_rate);
  s.spo2 = units::percent(k.spo2);
  s.qtc = units::seconds(k.qtc / 1000.0);
  if (k.has_bilirubin) s.bilirubin = units::umol_per_l(k.bilirubin_p);
  if (k.has_ammonia) s.ammonia = units::umol_per_l(k.ammonia_p);
  s.pta = units::percent(k.pta);
  s.fibrinogen = units::g_per_l(k.fibrinogen);
  s.platelets = units::giga_per_liter(k.platelets);
  s.hematocrit = units::fraction(k.hematocrit);
  s.haemoglobin = units::g_per_l(k.hematocrit * red_cell_haemoglobin_g_per_l);
  s.temperature = celsius(k.temperature);
  s.infusions.calcium = mmol_per_min(k.ca_infusion);
  s.infusions.potassium = mmol_per_min(k.kcl);
  s.infusions.norepinephrine = units::ug_per_kg_per_min(k.norepinephrine);
  s.signs.paraesthesia = k.paraesthesia;
  s.signs.paraesthesia_reported = k.paraesthesia && can_report_symptoms;
  s.signs.nausea = k.nausea;
  s.signs.tetany = k.tetany;
  s.signs.shivering = k.shivering;
  s.signs.hypotension = k.hypotension;
  s.signs.urticaria_grade = k.allergy_grade;
  return s;
}

}  // namespace lb::sim
