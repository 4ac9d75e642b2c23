#include "sim/model/parameters.hpp"

#include "session/citrate.hpp"
#include "sim/model/parameter_ranges.hpp"
#include "units/quantities.hpp"

namespace lb::sim {

namespace {

constexpr const char* kUnverified = "unverified default (no checked source): ";
// The range is set for every parameter at the end (set_valid_ranges, parameter_ranges.cpp).
constexpr const char* kCalibrated =
    "calibrated so the model meets the published anchors in docs/simulation.md §Calibration: ";

Parameter published(std::string id, std::string label, double v, std::string unit,
                    std::string source) {
  return {std::move(id),     std::move(label),        v,           std::move(unit),
          std::move(source), Verification::published, ValidRange{}};
}
Parameter calibrated(std::string id, std::string label, double v, std::string unit,
                     const std::string& why) {
  return {std::move(id),     std::move(label),         v,           std::move(unit),
          kCalibrated + why, Verification::calibrated, ValidRange{}};
}
Parameter unverified(std::string id, std::string label, double v, std::string unit,
                     const std::string& why) {
  return {std::move(id),     std::move(label),         v,           std::move(unit),
          kUnverified + why, Verification::unverified, ValidRange{}};
}

constexpr const char* kKramer =
    "Kramer L, et al. Citrate pharmacokinetics and metabolism in cirrhotic and noncirrhotic "
    "critically ill patients. Crit Care Med 2003;31:2450";
constexpr const char* kThanapongsatorn =
    "Thanapongsatorn P, et al. Sci Rep 2022;12:1815 (citrate clearance during CRRT: ALF 152.5 "
    "± 50.9, ACLF 195.6 ± 174.3 mL/min)";

Parameters defaults() {
  Parameters p;
  p.ecf_volume = unverified("ecf_volume", "Citrate distribution space (extracellular)", 0.2, "L/kg",
                            "extracellular fluid 20 % of body weight");
  p.kd_calcium_citrate = calibrated(
      "kd_calcium_citrate", "Calcium–citrate dissociation constant", 0.45, "mmol/L",
      "the published value is 0.60 mmol/L, measured at 22–23 °C, ionic strength 0.16, pH 7.4 "
      "(Hastings et al., in Muus JM, Lebel H. 1936), not at body temperature; 0.45 (the design "
      "range 0.35–0.6) is chosen because a weaker binding moves the Bolan 2001 anchor further "
      "from its published −33 %: the model gives −22 % at 0.60 and −25 % at 0.45 "
      "(docs/simulation.md §Calibration)");
  p.protein_binding =
      unverified("protein_binding", "Protein-bound calcium per g/L albumin", 0.02,
                 "(mmol/L per mmol/L iCa) per g/L",
                 "0.8 bound per ionised at albumin 40 g/L (0.96 mmol/L at iCa 1.2)");
  p.other_complexes =
      unverified("other_complexes",
                 "Calcium complexed by phosphate, bicarbonate, "
                 "lactate (share of iCa)",
                 0.10, "", "about 10 % of plasma calcium is complexed by small anions");
  p.citrate_clearance =
      published("citrate_clearance", "Citrate clearance (non-cirrhotic)", 0.71, "L/min", kKramer);
  p.baseline_citrate =
      published("baseline_citrate", "Plasma citrate before the session", 0.12, "mmol/L",
                "serum citrate of healthy persons 0.08–0.17 mmol/L (enzymic "
                "method, Duke)");
  p.ionised_calcium_set =
      unverified("ionised_calcium_set", "Ionised calcium set point", 1.2, "mmol/L",
                 "normal 1.1–1.3 mmol/L; the patient's own iCa "
                 "replaces it when the file has one");
  p.calcium_mobilisation = calibrated(
      "calcium_mobilisation", "Calcium mobilised from bone (PTH) per mmol/L below the set point",
      0.09, "mmol/min per mmol/L",
      "with the endogenous citrate production that holds the baseline steady, 0.09 meets Bolan "
      "2001 and Zhao 2019 together; PTH rises during citrate infusion (Bolan CD, et al. "
      "Transfusion 2001;41:1165)");
  p.calcium_elimination_half_time = calibrated(
      "calcium_elimination_half_time",
      "Half-time of a calcium load above the set point leaving the exchangeable pool", 20.0, "min",
      "calcium injected intravenously raises the ionised calcium at once, and it returns to "
      "normal within 30 minutes to an hour or more, in great part by exchange with the readily "
      "exchangeable calcium of bone (Guyton AC, Hall JE. Textbook of Medical Physiology, "
      "chapter Parathyroid Hormone, Calcitonin, Calcium and Phosphate Metabolism: exchangeable "
      "calcium); 20 min leaves under 15 % of the excess at 1 h, the slow end of that anchor");
  p.ffp_calcium = unverified("ffp_calcium", "Total calcium in FFP", 1.9, "mmol/L",
                             "normal plasma calcium diluted by the CPD anticoagulant");
  p.ffp_citrate =
      unverified("ffp_citrate", "Citrate in FFP (when the protocol gives none)", 20.8, "mmol/L",
                 "about 1 g of citrate per 250 mL unit (LiverBridge clinical "
                 "reference §5.3)");
  p.gluconate_calcium = published("gluconate_calcium", "Calcium in 10 % calcium gluconate", 0.232,
                                  "mmol/mL", "9.3 mg elemental calcium per mL (USP monograph)");
  p.chloride_calcium = published("chloride_calcium", "Calcium in 10 % calcium chloride", 0.68,
                                 "mmol/mL", "27.3 mg elemental calcium per mL (USP monograph)");
  p.bicarbonate_space = unverified("bicarbonate_space", "Bicarbonate distribution space", 0.5,
                                   "L/kg", "apparent bicarbonate space about half of body weight");
  p.bicarbonate_per_citrate = published(
      "bicarbonate_per_citrate", "Bicarbonate generated per citrate metabolised", 3.0, "mmol/mmol",
      "stoichiometry: each trisodium citrate metabolised yields three bicarbonate");
  p.renal_bicarbonate =
      unverified("renal_bicarbonate", "Renal bicarbonate correction rate", 0.002, "1/min",
                 "set to 0 for a patient on dialysis (no renal "
                 "correction)");
  p.pco2_compensation = unverified("pco2_compensation",
                                   "Respiratory compensation of metabolic "
                                   "alkalosis",
                                   0.7, "mmHg per mmol/L",
                                   "pCO2 rises 0.7 mmHg per mmol/L of bicarbonate above the "
                                   "patient's own; 0 on a ventilator");
  p.baseline_bicarbonate = unverified("baseline_bicarbonate",
                                      "Bicarbonate when the patient file "
                                      "has none",
                                      24.0, "mmol/L", "normal value");
  p.extracorporeal_volume = published(
      "extracorporeal_volume", "Extracorporeal volume (when the protocol gives none)", 141.0, "mL",
      "Spectra Optia typical circuit volume (Tormey CA, et al. Transfusion 2010;50(2):471-7)");
  p.access_resistance =
      unverified("access_resistance", "Access pressure per inlet flow", 1.0, "mmHg per mL/min",
                 "display model of the access pressure "
                 "(negative), divided by the share of flow the access delivers");
  p.return_resistance = unverified("return_resistance", "Return pressure per return flow", 1.2,
                                   "mmHg per mL/min", "display model of the return pressure");
  p.clot_pressure = unverified("clot_pressure", "Return pressure added by a clotted set", 200.0,
                               "mmHg", "display model: pressure rises as the set clots");
  p.haemodynamic_reserve = unverified("haemodynamic_reserve", "Haemodynamic reserve r", 1.0, "",
                                      "1 healthy; 0.6 in liver failure (vasodilated, low SVR)");
  p.haemodynamic_lag = unverified("haemodynamic_lag", "Time constant of MAP and heart rate", 30.0,
                                  "s", "baroreflex lag");
  p.baseline_map = unverified("baseline_map",
                              "Mean arterial pressure when the patient file has "
                              "none",
                              80.0, "mmHg", "normal value");
  p.baseline_heart_rate =
      unverified("baseline_heart_rate", "Heart rate at rest", 85.0, "/min", "normal value");
  p.baseline_spo2 = unverified("baseline_spo2", "Oxygen saturation before any event", 97.0, "%",
                               "a patient on the ward's oxygen");
  p.calcium_pressure_threshold = published(
      "calcium_pressure_threshold", "Ionised calcium below which the pressure falls", 0.9, "mmol/L",
      "hypotension below iCa 0.9 mmol/L (Monchi M. Transfus Apher Sci "
      "2017;56(1):28-30)");
  p.calcium_pressure_slope = unverified(
      "calcium_pressure_slope", "Fraction of MAP lost per mmol/L iCa below the threshold", 0.5,
      "per mmol/L", "hypotension below iCa 0.9 mmol/L (Monchi 2017); slope assumed");
  p.norepinephrine_effect =
      unverified("norepinephrine_effect",
                 "MAP gain per µg/kg/min of "
                 "norepinephrine",
                 2.0, "per µg/kg/min", "MAP × (1 + 0.6 × dose / 0.3 µg/kg/min)");
  p.vasovagal_heart_rate_factor =
      unverified("vasovagal_heart_rate_factor", "Heart rate during a vasovagal episode (× own)",
                 0.5, "", "vagal bradycardia; size assumed");
  p.vasovagal_map_factor = unverified("vasovagal_map_factor",
                                      "Mean arterial pressure during a vasovagal episode (× own)",
                                      0.6, "", "vasodepressor fall; size assumed");
  p.allergy_map_fall =
      unverified("allergy_map_fall", "Share of MAP lost per grade of anaphylactoid reaction", 0.2,
                 "", "vasodilatation of a transfusion reaction; size assumed");
  p.allergy_spo2_fall =
      unverified("allergy_spo2_fall", "Oxygen saturation lost per grade of anaphylactoid reaction",
                 3.0, "%", "bronchospasm; size assumed");
  p.potassium_buffering = calibrated("potassium_buffering",
                                     "Intracellular potassium buffering "
                                     "β_K",
                                     3.0, "",
                                     "1 PV potassium-free albumin exchange: "
                                     "4.1 → 3.8 mmol/L");
  p.potassium_ph_shift = unverified("potassium_ph_shift", "Potassium shift into cells per 0.1 pH",
                                    0.4, "mmol/L per 0.1 pH", "transcellular shift in alkalosis");
  p.ffp_potassium = unverified("ffp_potassium", "Potassium in FFP", 4.0, "mmol/L",
                               "taken as normal plasma potassium; stored FFP not measured");
  p.baseline_potassium = unverified("baseline_potassium",
                                    "Potassium when the patient file has "
                                    "none",
                                    4.0, "mmol/L", "normal value");
  p.factor_recovery_half_time = unverified(
      "factor_recovery_half_time",
      "Half-time of prothrombin-complex recovery (when the protocol has no kinetics for it)", 5.0,
      "h",
      "factor VII-dominated recovery; most factors recover within 24 h (Keller AJ, et al. Br J "
      "Haematol 1979)");
  p.fibrinogen_recovery_half_time = published(
      "fibrinogen_recovery_half_time",
      "Half-time of fibrinogen recovery (when the protocol has no kinetics for it)", 24.0, "h",
      "fibrinogen recovers in 48–72 h after plasma exchange (Chirnside A, et al. Br J Haematol "
      "1981)");
  p.ffp_fibrinogen = unverified("ffp_fibrinogen",
                                "Fibrinogen in FFP (when the protocol gives "
                                "none)",
                                2.0, "g/L",
                                "400–900 mg per unit reported by blood "
                                "services; mid value per litre");
  p.platelet_loss_per_volume = unverified("platelet_loss_per_volume",
                                          "Platelets lost per plasma "
                                          "volume processed (centrifugal)",
                                          0.3, "", "about 30 % per plasma volume");
  p.baseline_pta = unverified("baseline_pta",
                              "Prothrombin activity when the patient file has "
                              "none",
                              100.0, "%", "normal value");
  p.baseline_fibrinogen = unverified("baseline_fibrinogen",
                                     "Fibrinogen when the patient file "
                                     "has none",
                                     3.0, "g/L", "normal 2–4 g/L");
  p.baseline_platelets = unverified("baseline_platelets",
                                    "Platelets when the patient file has "
                                    "none",
                                    200.0, "10^9/L", "normal 150–400 × 10^9/L");
  p.ffp_factor_activity =
      unverified("ffp_factor_activity",
                 "Clotting-factor activity of FFP "
                 "(when the protocol gives none)",
                 100.0, "%", "FFP carries factors near 100 % (FII 104 %, FVII 88 %)");
  p.baseline_albumin = unverified("baseline_albumin", "Albumin when the patient file has none",
                                  40.0, "g/L", "normal value");
  p.red_cell_haemoglobin = unverified("red_cell_haemoglobin",
                                      "Mean corpuscular haemoglobin "
                                      "concentration",
                                      330.0, "g/L", "normal MCHC 320–360 g/L");
  p.body_heat_capacity = unverified("body_heat_capacity", "Body heat capacity", 3.47, "kJ/(kg·°C)",
                                    "mean tissue specific heat");
  p.blood_heat_capacity = unverified("blood_heat_capacity", "Blood heat capacity", 3.6, "J/(mL·°C)",
                                     "volumetric heat capacity of whole blood");
  p.metabolic_heat = unverified("metabolic_heat", "Resting metabolic heat", 1.2, "W/kg",
                                "basal metabolic rate of an adult");
  p.shivering_heat_factor =
      unverified("shivering_heat_factor", "Metabolic heat while shivering (× resting)", 2.0, "",
                 "shivering raises heat production severalfold; the lower end assumed");
  p.room_temperature = unverified("room_temperature", "Room temperature (albumin, saline)", 22.0,
                                  "°C", "air-conditioned ICU");
  p.ffp_temperature = unverified("ffp_temperature", "FFP temperature as hung", 22.0, "°C",
                                 "thawed at 37 °C and hung at room temperature");
  p.circuit_cooling = unverified("circuit_cooling", "Cooling of blood in the circuit at 60 mL/min",
                                 2.5, "°C", "2–3 °C at 60 mL/min, more at lower flows");
  p.warmer_temperature = unverified("warmer_temperature", "Returned blood with the warmer on", 37.0,
                                    "°C", "in-line warmer set to 37 °C");
  p.paraesthesia_threshold = published(
      "paraesthesia_threshold", "Ionised calcium of perioral tingling", 0.9, "mmol/L",
      "clinical signs below iCa 0.9 mmol/L (Monchi 2017); tingling at 0.82 mmol/L in donors "
      "(Szymanski IO, plateletpheresis)");
  p.nausea_threshold =
      published("nausea_threshold",
                "Ionised calcium of nausea and light-"
                "headedness",
                0.75, "mmol/L", "Szymanski IO (plateletpheresis, 79 donors): below 3 mg/dL");
  p.tetany_threshold = unverified("tetany_threshold", "Ionised calcium of tetany", 0.70, "mmol/L",
                                  "carpopedal spasm below 0.7 mmol/L");
  p.qtc_baseline = unverified("qtc_baseline", "QTc at normal calcium", 420.0, "ms", "normal QTc");
  p.qtc_slope = unverified("qtc_slope", "QTc prolongation per 0.1 mmol/L iCa below 1.1", 20.0, "ms",
                           "QT prolongation is the first effect (Monchi 2017); slope "
                           "assumed");
  p.qtc_reference_calcium =
      unverified("qtc_reference_calcium", "Ionised calcium below which the QTc lengthens", 1.1,
                 "mmol/L", "the lower end of the normal range (1.1–1.3 mmol/L)");
  p.hypotension_threshold = published(
      "hypotension_threshold", "Mean arterial pressure below which the patient is hypotensive",
      65.0, "mmHg",
      "initial MAP target of 65 mmHg (Evans L, et al. Surviving Sepsis Campaign 2021. Crit Care "
      "Med 2021;49:e1063)");
  p.shivering_threshold = unverified("shivering_threshold", "Core temperature of shivering", 35.5,
                                     "°C", "shivering threshold of awake adults");
  return p;
}

}  // namespace

std::string_view to_string(Verification v) {
  switch (v) {
    case Verification::published: return "published";
    case Verification::calibrated: return "calibrated";
    case Verification::unverified: return "unverified default";
    case Verification::patient_value: return "patient value";
    case Verification::scenario: return "scenario override";
  }
  return "unverified default";
}

namespace {
/// Every parameter in table order, as members (one list for the const and non-const tables).
const std::vector<Parameter Parameters::*>& members() {
  static const std::vector<Parameter Parameters::*> list = {
      &Parameters::ecf_volume,
      &Parameters::kd_calcium_citrate,
      &Parameters::protein_binding,
      &Parameters::other_complexes,
      &Parameters::citrate_clearance,
      &Parameters::baseline_citrate,
      &Parameters::ionised_calcium_set,
      &Parameters::calcium_mobilisation,
      &Parameters::calcium_elimination_half_time,
      &Parameters::ffp_calcium,
      &Parameters::ffp_citrate,
      &Parameters::gluconate_calcium,
      &Parameters::chloride_calcium,
      &Parameters::bicarbonate_space,
      &Parameters::bicarbonate_per_citrate,
      &Parameters::renal_bicarbonate,
      &Parameters::pco2_compensation,
      &Parameters::baseline_bicarbonate,
      &Parameters::extracorporeal_volume,
      &Parameters::access_resistance,
      &Parameters::return_resistance,
      &Parameters::clot_pressure,
      &Parameters::haemodynamic_reserve,
      &Parameters::haemodynamic_lag,
      &Parameters::baseline_map,
      &Parameters::baseline_heart_rate,
      &Parameters::baseline_spo2,
      &Parameters::calcium_pressure_threshold,
      &Parameters::calcium_pressure_slope,
      &Parameters::norepinephrine_effect,
      &Parameters::vasovagal_heart_rate_factor,
      &Parameters::vasovagal_map_factor,
      &Parameters::allergy_map_fall,
      &Parameters::allergy_spo2_fall,
      &Parameters::potassium_buffering,
      &Parameters::potassium_ph_shift,
      &Parameters::ffp_potassium,
      &Parameters::baseline_potassium,
      &Parameters::factor_recovery_half_time,
      &Parameters::fibrinogen_recovery_half_time,
      &Parameters::ffp_fibrinogen,
      &Parameters::platelet_loss_per_volume,
      &Parameters::baseline_pta,
      &Parameters::baseline_fibrinogen,
      &Parameters::baseline_platelets,
      &Parameters::ffp_factor_activity,
      &Parameters::baseline_albumin,
      &Parameters::red_cell_haemoglobin,
      &Parameters::body_heat_capacity,
      &Parameters::blood_heat_capacity,
      &Parameters::metabolic_heat,
      &Parameters::shivering_heat_factor,
      &Parameters::room_temperature,
      &Parameters::ffp_temperature,
      &Parameters::circuit_cooling,
      &Parameters::warmer_temperature,
      &Parameters::paraesthesia_threshold,
      &Parameters::nausea_threshold,
      &Parameters::tetany_threshold,
      &Parameters::qtc_baseline,
      &Parameters::qtc_slope,
      &Parameters::qtc_reference_calcium,
      &Parameters::hypotension_threshold,
      &Parameters::shivering_threshold};
  return list;
}
}  // namespace

std::vector<Parameter*> Parameters::table() {
  std::vector<Parameter*> out;
  for (const auto m : members()) out.push_back(&(this->*m));
  return out;
}

std::vector<const Parameter*> Parameters::table() const {
  std::vector<const Parameter*> out;
  for (const auto m : members()) out.push_back(&(this->*m));
  return out;
}

const Parameter* Parameters::find(std::string_view id) const {
  for (const Parameter* p : table()) {
    if (p->id == id) return p;
  }
  return nullptr;
}

std::optional<std::string> Parameters::refusal(std::string_view id, double value) const {
  const Parameter* p = find(id);
  if (p == nullptr)
    return "'" + std::string(id) + "' is not a physiology parameter of the simulator";
  if (p->range.contains(value)) return std::nullopt;
  return out_of_range_message(p->id, value, p->unit, p->range);
}

bool Parameters::set(std::string_view id, double value, const std::string& source) {
  if (refusal(id, value)) return false;
  for (Parameter* p : table()) {
    if (p->id != id) continue;
    p->value = value;
    p->source = source;
    p->verification = Verification::scenario;
    return true;
  }
  return false;
}

Parameters parameters_for(const patient::Patient& patient) {
  using patient::Diagnosis;
  Parameters p = defaults();
  switch (patient.diagnosis) {
    case Diagnosis::alf:
    case Diagnosis::subacute_lf:
      p.citrate_clearance = published("citrate_clearance",
                                      "Citrate clearance (acute liver "
                                      "failure)",
                                      0.15, "L/min", kThanapongsatorn);
      break;
    case Diagnosis::aclf:
      p.citrate_clearance = published("citrate_clearance",
                                      "Citrate clearance (acute-on-chronic "
                                      "liver failure)",
                                      0.20, "L/min", kThanapongsatorn);
      break;
    case Diagnosis::chronic_lf:
      p.citrate_clearance =
          published("citrate_clearance", "Citrate clearance (cirrhosis)", 0.34, "L/min", kKramer);
      break;
    case Diagnosis::other: break;
  }
  if (session::has_liver_failure(patient.diagnosis)) {
    p.haemodynamic_reserve =
        unverified("haemodynamic_reserve", "Haemodynamic reserve r (liver failure)", 0.6, "",
                   "the vasodilated, low-resistance circulation of liver failure tolerates less "
                   "volume loss than a healthy one (1)");
  }
  if (patient.labs.ionized_calcium) {
    p.ionised_calcium_set.value = units::in_mmol_per_l(patient.labs.ionized_calcium->amount());
    p.ionised_calcium_set.source = "the patient's ionised calcium";
    p.ionised_calcium_set.verification = Verification::patient_value;
  }
  if (patient.clinical.mechanical_ventilation.value_or(false)) {
    p.pco2_compensation.value = 0.0;
    p.pco2_compensation.source =
        "0: the patient is ventilated (the ventilator sets the minute ventilation, so the pCO2 "
        "does not rise to compensate a metabolic alkalosis)";
  }
  if (patient.clinical.on_dialysis.value_or(false)) {
    p.renal_bicarbonate.value = 0.0;
    p.renal_bicarbonate.source = "0: the patient is on dialysis (no renal correction)";
  }
  set_valid_ranges(p);  // after the per-patient values replaced whole parameters
  return p;
}

}  // namespace lb::sim
