// The valid interval of every physiology parameter (docs/simulation.md §Parameters). A bound
// is where an equation stops being defined (a divisor, a time constant, a volume: open at 0;
// the room must be colder than the body, thermal.cpp) or where the model leaves the physiology
// it was built for (the brief's ranges where it gives one: K_d 0.35–0.6, k_mob 0–0.2). Scenario
// overrides and instructor overrides outside the interval are refused (read_setup.cpp,
// Parameters::set).
#include "sim/model/parameter_ranges.hpp"

namespace lb::sim {

void set_valid_ranges(Parameters& p) {
  using R = ValidRange;
  // citrate and calcium
  p.ecf_volume.range = R::closed(0.1, 0.5);  // ECF 10–50 % of weight; a divisor (citrate)
  p.kd_calcium_citrate.range = R::closed(0.35, 0.6);  // the design brief's range
  p.protein_binding.range = R::closed(0.0, 0.05);
  p.other_complexes.range = R::closed(0.0, 0.5);
  p.citrate_clearance.range = R::above(0.0, 2.0);  // some clearance even anhepatic (muscle, kidney)
  p.baseline_citrate.range = R::closed(0.0, 1.0);
  p.ionised_calcium_set.range = R::closed(0.8, 1.5);
  p.calcium_mobilisation.range = R::closed(0.0, 0.2);             // the design brief's range
  p.calcium_elimination_half_time.range = R::above(0.0, 1440.0);  // a half-time: above 0
  p.ffp_calcium.range = R::closed(0.0, 5.0);
  p.ffp_citrate.range = R::closed(0.0, 40.0);
  p.gluconate_calcium.range = R::above(0.0, 1.0);
  p.chloride_calcium.range = R::above(0.0, 2.0);
  // acid-base
  p.bicarbonate_space.range = R::closed(0.2, 1.0);        // a divisor
  p.bicarbonate_per_citrate.range = R::closed(0.0, 3.0);  // 3: the stoichiometric maximum
  p.renal_bicarbonate.range = R::closed(0.0, 0.05);
  p.pco2_compensation.range = R::closed(0.0, 1.5);
  p.baseline_bicarbonate.range = R::closed(5.0, 60.0);  // its logarithm gives the pH
  // volume and haemodynamics
  p.extracorporeal_volume.range = R::above(0.0, 1000.0);
  p.access_resistance.range = R::closed(0.0, 10.0);
  p.return_resistance.range = R::closed(0.0, 10.0);
  p.clot_pressure.range = R::closed(0.0, 1000.0);
  p.haemodynamic_reserve.range = R::above(0.0, 1.0);  // a divisor; 1 is healthy
  p.haemodynamic_lag.range = R::above(0.0, 600.0);    // a time constant
  p.baseline_map.range = R::closed(30.0, 150.0);
  p.baseline_heart_rate.range = R::closed(30.0, 200.0);
  p.baseline_spo2.range = R::closed(70.0, 100.0);
  p.calcium_pressure_threshold.range = R::closed(0.5, 1.2);
  // MAP × (1 − s·(threshold − iCa)) stays ≥ 0 for every iCa ≥ 0 while s ≤ 1/1.2.
  p.calcium_pressure_slope.range = R::closed(0.0, 0.8);
  p.norepinephrine_effect.range = R::closed(0.0, 10.0);
  p.vasovagal_heart_rate_factor.range = R::above(0.0, 1.0);  // a fall, never to 0
  p.vasovagal_map_factor.range = R::above(0.0, 1.0);
  // MAP × (1 − fall·grade) stays above 0 up to grade 3.
  p.allergy_map_fall.range = R::below(0.0, 1.0 / 3.0);
  p.allergy_spo2_fall.range = R::closed(0.0, 15.0);
  // potassium
  p.potassium_buffering.range = R::closed(1.0, 20.0);  // at least the ECF itself; a divisor
  p.potassium_ph_shift.range = R::closed(0.0, 1.5);
  p.ffp_potassium.range = R::closed(0.0, 15.0);
  p.baseline_potassium.range = R::closed(1.5, 9.0);
  // coagulation, platelets, haemoglobin
  p.factor_recovery_half_time.range = R::above(0.0, 240.0);  // half-times: above 0
  p.fibrinogen_recovery_half_time.range = R::above(0.0, 240.0);
  p.ffp_fibrinogen.range = R::closed(0.0, 6.0);
  p.platelet_loss_per_volume.range = R::below(0.0, 1.0);  // a share of the platelets
  p.baseline_pta.range = R::closed(1.0, 150.0);
  p.baseline_fibrinogen.range = R::above(0.0, 10.0);
  p.baseline_platelets.range = R::above(0.0, 1500.0);
  p.ffp_factor_activity.range = R::closed(0.0, 150.0);
  p.baseline_albumin.range = R::closed(5.0, 60.0);
  p.red_cell_haemoglobin.range = R::closed(250.0, 400.0);  // a divisor (start: hb)
  // temperature
  p.body_heat_capacity.range = R::closed(2.5, 4.2);  // a divisor
  p.blood_heat_capacity.range = R::closed(3.0, 4.2);
  p.metabolic_heat.range = R::above(0.0, 5.0);
  p.shivering_heat_factor.range = R::closed(1.0, 5.0);
  // Losses to the room balance the metabolic heat at 37 °C: G_env = P_met/(37 − T_room).
  p.room_temperature.range = R::below(10.0, 37.0);
  p.ffp_temperature.range = R::closed(2.0, 40.0);
  p.circuit_cooling.range = R::closed(0.0, 10.0);
  p.warmer_temperature.range = R::closed(30.0, 42.0);
  // signs
  p.paraesthesia_threshold.range = R::closed(0.3, 1.2);
  p.nausea_threshold.range = R::closed(0.3, 1.2);
  p.tetany_threshold.range = R::closed(0.3, 1.2);
  p.qtc_baseline.range = R::closed(300.0, 600.0);
  p.qtc_slope.range = R::closed(0.0, 100.0);
  p.qtc_reference_calcium.range = R::closed(0.8, 1.3);
  p.hypotension_threshold.range = R::closed(40.0, 90.0);
  p.shivering_threshold.range = R::closed(30.0, 37.0);
}

}  // namespace lb::sim
