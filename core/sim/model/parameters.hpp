// The physiology parameters of the virtual patient: every number the sub-models use that is
// not a protocol setting or a patient value, each with its unit, its source and how far it is
// verified. The debrief lists them (table()); a scenario may override any of them by id
// (set()). The values and their sources are documented in docs/simulation.md.
//
// Values are plain numbers in the documented unit of each parameter (the step kernels read
// them in those units); the typed API of the simulator is State and SessionSetup.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "patient/patient.hpp"
#include "sim/model/valid_range.hpp"

namespace lb::sim {

/// How far a value is backed by a source.
enum class Verification {
  published,   ///< read in the cited publication
  calibrated,  ///< chosen so the model meets published anchors (docs/simulation.md §Calibration)
  unverified,  ///< a default from no checked source: review before teaching with it
  patient_value,  ///< taken from the patient file
  scenario,       ///< set by a scenario's `parameters:` or an instructor's override
};
std::string_view to_string(Verification v);

struct Parameter {
  std::string id;     ///< "citrate_clearance", the key a scenario overrides
  std::string label;  ///< "Hepatic citrate clearance"
  double value = 0.0;
  std::string unit;    ///< the unit `value` is in ("L/min")
  std::string source;  ///< publication, or "unverified default" with the reason
  Verification verification = Verification::unverified;
  /// The values the model accepts (parameter_ranges.cpp); an override outside is refused.
  ValidRange range;
};

struct Parameters {
  // citrate and calcium (docs/simulation.md §Citrate and calcium)
  Parameter ecf_volume;            ///< L/kg: citrate and ultrafilterable calcium space
  Parameter kd_calcium_citrate;    ///< mmol/L
  Parameter protein_binding;       ///< per g/L albumin: Ca_pb = b·Alb·iCa
  Parameter other_complexes;       ///< fraction of iCa bound to phosphate, bicarbonate, lactate
  Parameter citrate_clearance;     ///< L/min, set by diagnosis (for_patient)
  Parameter baseline_citrate;      ///< mmol/L
  Parameter ionised_calcium_set;   ///< mmol/L: the patient's own iCa, bone buffering target
  Parameter calcium_mobilisation;  ///< mmol/min per mmol/L below the set point
  Parameter calcium_elimination_half_time;  ///< min: a calcium load above the set point leaves
  Parameter ffp_calcium;                    ///< mmol/L total calcium in FFP
  Parameter ffp_citrate;                    ///< mmol/L: used only when the protocol gives none
  Parameter gluconate_calcium;              ///< mmol Ca per mL of 10 % calcium gluconate
  Parameter chloride_calcium;               ///< mmol Ca per mL of 10 % calcium chloride
  // acid-base
  Parameter bicarbonate_space;        ///< L/kg
  Parameter bicarbonate_per_citrate;  ///< mmol HCO3 per mmol citrate metabolised
  Parameter renal_bicarbonate;        ///< 1/min: renal correction towards 24 mmol/L
  Parameter pco2_compensation;        ///< mmHg per mmol/L HCO3 above 24
  Parameter baseline_bicarbonate;     ///< mmol/L when the patient file has none
  // volume and haemodynamics
  Parameter extracorporeal_volume;       ///< mL when the protocol gives none
  Parameter access_resistance;           ///< mmHg per mL/min of inlet flow (access pressure)
  Parameter return_resistance;           ///< mmHg per mL/min of return flow (return pressure)
  Parameter clot_pressure;               ///< mmHg added to the return pressure at clot index 1
  Parameter haemodynamic_reserve;        ///< r: 1 healthy, lower in liver failure
  Parameter haemodynamic_lag;            ///< s: time constant of MAP and HR
  Parameter baseline_map;                ///< mmHg when the patient file has none
  Parameter baseline_heart_rate;         ///< /min
  Parameter baseline_spo2;               ///< % before any event
  Parameter calcium_pressure_threshold;  ///< mmol/L iCa below which MAP falls
  Parameter calcium_pressure_slope;  ///< fraction of MAP lost per mmol/L iCa below the threshold
  Parameter norepinephrine_effect;   ///< MAP gain per µg/kg/min
  Parameter vasovagal_heart_rate_factor;  ///< HR × this during a vasovagal episode
  Parameter vasovagal_map_factor;         ///< MAP × this during a vasovagal episode
  Parameter allergy_map_fall;             ///< share of MAP lost per anaphylactoid grade
  Parameter allergy_spo2_fall;            ///< % SpO2 lost per anaphylactoid grade
  // potassium
  Parameter potassium_buffering;  ///< β_K: intracellular buffering factor
  Parameter potassium_ph_shift;   ///< mmol/L per 0.1 pH
  Parameter ffp_potassium;        ///< mmol/L
  Parameter baseline_potassium;   ///< mmol/L when the patient file has none
  // coagulation, platelets, haemoglobin
  Parameter factor_recovery_half_time;      ///< h
  Parameter fibrinogen_recovery_half_time;  ///< h
  Parameter ffp_fibrinogen;                 ///< g/L when the protocol gives none
  Parameter platelet_loss_per_volume;       ///< fraction of platelets per plasma volume removed
  Parameter baseline_pta;                   ///< % when the patient file has none
  Parameter baseline_fibrinogen;            ///< g/L when the patient file has none
  Parameter baseline_platelets;             ///< 10^9/L when the patient file has none
  Parameter ffp_factor_activity;            ///< % when the protocol gives none
  Parameter baseline_albumin;               ///< g/L when the patient file has none
  Parameter red_cell_haemoglobin;           ///< g/L: MCHC, Hb = Hct × MCHC
  // temperature
  Parameter body_heat_capacity;     ///< kJ/(kg·°C)
  Parameter blood_heat_capacity;    ///< J/(mL·°C)
  Parameter metabolic_heat;         ///< W/kg
  Parameter shivering_heat_factor;  ///< metabolic heat × this while shivering
  Parameter room_temperature;       ///< °C (albumin solution, saline, environment)
  Parameter ffp_temperature;        ///< °C (thawed FFP as hung)
  Parameter circuit_cooling;        ///< °C lost in the circuit at 60 mL/min
  Parameter warmer_temperature;     ///< °C of returned blood with the warmer on
  // signs
  Parameter paraesthesia_threshold;  ///< mmol/L iCa
  Parameter nausea_threshold;        ///< mmol/L iCa
  Parameter tetany_threshold;        ///< mmol/L iCa
  Parameter qtc_baseline;            ///< ms
  Parameter qtc_slope;               ///< ms per 0.1 mmol/L iCa below the QTc reference
  Parameter qtc_reference_calcium;   ///< mmol/L: iCa below which the QTc lengthens
  Parameter hypotension_threshold;   ///< mmHg: MAP below it is hypotension
  Parameter shivering_threshold;     ///< °C

  /// Every parameter in the order above (for the debrief and docs/simulation.md).
  [[nodiscard]] std::vector<const Parameter*> table() const;
  [[nodiscard]] std::vector<Parameter*> table();
  /// Why `value` cannot be given to parameter `id` ("room_temperature 37 °C is outside ..."),
  /// or nullopt when it can. An unknown id is a reason too.
  [[nodiscard]] std::optional<std::string> refusal(std::string_view id, double value) const;
  /// Overrides the parameter with `id` (its verification becomes `scenario`); false, changing
  /// nothing, when no parameter has that id or `value` is outside its range (refusal()).
  bool set(std::string_view id, double value, const std::string& source);
  [[nodiscard]] const Parameter* find(std::string_view id) const;
};

/// The defaults, with the citrate clearance, the haemodynamic reserve and the calcium and
/// bicarbonate baselines chosen for `patient` (diagnosis, labs, dialysis).
Parameters parameters_for(const patient::Patient& patient);

}  // namespace lb::sim
