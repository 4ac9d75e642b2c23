#include "session/citrate.hpp"

#include "session/acd.hpp"
#include "session/citrate_load.hpp"
#include "session/figure.hpp"
#include "session/finding_codes.hpp"
#include "units/compare.hpp"

namespace lb::session {

namespace {

using detail::figure;
using detail::from;
using detail::given;

constexpr const char* kAcdSource =
    "United States Pharmacopeia, Anticoagulant Citrate Dextrose Solution (USP–NF): composition "
    "per litre; LiverBridge clinical reference §5.1";
constexpr const char* kAcVolumeSource =
    "Terumo BCT Spectra Optia Operator's Manual P/N 777379-124 (inlet:AC 10 = 9 parts blood : 1 "
    "part AC); LiverBridge clinical reference §5.2";
constexpr const char* kCirSource =
    "Evers J, Taborski U. J Clin Apher 2016;31(1):59-62 (citrate infusion rate, critical level "
    "1 mg/kg/min); LiverBridge clinical reference §5.3";
constexpr const char* kCalciumSource =
    "Zhao Y, et al. J Clin Apher 2019, doi:10.1002/jca.21742 (calcium gluconate 1.6 g/h during "
    "1-PV TPE); LiverBridge clinical reference §5.4";
constexpr const char* kRatioSource =
    "Link A et al. Crit Care 2012;16(3):R97 (T/iCa ≥ 2.4 predicted mortality); "
    "LiverBridge clinical reference §5.4";

std::string minutes_text(units::Duration t) {
  return text::fixed(units::in_minutes(t), 0) + " min";
}

explain::Derived<units::DoseRate> limit_for(const protocol::CitrateSettings& s,
                                            const patient::Patient& p,
                                            const std::string& citation) {
  const bool lf = has_liver_failure(p.diagnosis) && s.liver_failure_rate_limit.has_value();
  const units::DoseRate limit = lf ? *s.liver_failure_rate_limit : s.rate_limit;
  auto how = figure("citrate_rate_limit", "Citrate infusion rate limit",
                    units::in_mg_per_kg_per_min(limit), "mg/kg/min", 2);
  how.inputs = {
      given("protocol limit", units::in_mg_per_kg_per_min(s.rate_limit), "mg/kg/min", 0, 3),
      explain::text_input("diagnosis", std::string(patient::to_string(p.diagnosis)))};
  if (lf) {
    how.method = "Liver-failure limit: " + s.liver_failure_reason;
    how.formula = "limit = protocol liver-failure limit (diagnosis is liver failure)";
    how.inputs.push_back(given("liver-failure limit",
                               units::in_mg_per_kg_per_min(*s.liver_failure_rate_limit),
                               "mg/kg/min", 0, 3));
  } else {
    how.method = "Protocol limit";
    how.formula = "limit = protocol limit";
  }
  how.source = citation.empty()
                   ? "Evers J, Taborski U. J Clin Apher 2016;31:59-62: critical level 1 mg/kg/min"
                   : citation;
  return {limit, how};
}

}  // namespace

bool has_liver_failure(patient::Diagnosis d) {
  using patient::Diagnosis;
  return d == Diagnosis::alf || d == Diagnosis::subacute_lf || d == Diagnosis::aclf ||
         d == Diagnosis::chronic_lf;
}

CitratePlan citrate_plan(const protocol::CitrateSettings& s, const CitrateInputs& in) {
  const SeparationRun& run = *in.run;
  const patient::Patient& p = *in.patient;
  CitratePlan out;
  out.solution = s.solution;
  out.inlet_to_ac_ratio = s.inlet_to_ac_ratio;
  const units::VolumeRatio ratio = s.inlet_to_ac_ratio;
  const units::VolumeRatio one = units::volume_ratio(1.0);
  const auto ratio_input = given("inlet:AC ratio", units::in_parts(ratio), "", 0, 2);

  const AcdComposition acd = acd_composition(s.solution);
  const units::MassConcentration c = citrate_as_citric_acid(acd);
  auto cc = figure("citrate_concentration", "Citrate in the AC (as citric acid)",
                   units::in_g_per_l(c), "g/L", 2);
  cc.method = std::string(protocol::to_string(s.solution)) + ", USP composition";
  cc.formula = "c = (m_citric acid / 192.12 + m_sodium citrate·2H2O / 294.10) × 192.12";
  cc.inputs = {
      given("citric acid, anhydrous", units::in_g_per_l(acd.citric_acid_anhydrous), "g/L", 1, 2),
      given("sodium citrate, dihydrate", units::in_g_per_l(acd.sodium_citrate_dihydrate), "g/L", 1,
            2)};
  cc.source = kAcdSource;
  out.citrate_concentration = {c, cc};

  const units::Volume ac = run.whole_blood_processed.value / (ratio - one);
  auto av = figure("ac_volume", "AC volume per session", units::in_milliliters(ac), "mL", 0);
  av.method = std::string(protocol::to_string(s.solution)) + " at the inlet:AC ratio";
  av.formula = "V_AC = V_WB / (ratio − 1)";
  av.inputs = {from("V_WB", run.whole_blood_processed.how), ratio_input};
  av.source = kAcVolumeSource;
  out.ac_volume = {ac, av};

  const units::Flow ac_rate = ac_flow(run.whole_blood_flow.value, ratio);
  auto ar = figure("ac_rate", "AC infusion rate", units::in_ml_per_min(ac_rate), "mL/min", 1);
  ar.method = "Blood flow at the inlet:AC ratio";
  ar.formula = "Q_AC = Q_wb / (ratio − 1)";
  ar.inputs = {from("Q_wb", run.whole_blood_flow.how), ratio_input};
  ar.source = kAcVolumeSource;
  out.ac_rate = {ac_rate, ar};

  const units::Mass from_ac = ac * c * run.ac_returned.value;
  auto fa = figure("citrate_from_ac", "Citrate to the patient from the AC",
                   units::in_grams(from_ac), "g", 2);
  fa.method = "AC returned with the blood";
  fa.formula = "m = V_AC × c × f_returned";
  fa.inputs = {from("V_AC", av), from("c", cc), from("f_returned", run.ac_returned.how)};
  fa.source = kCirSource;
  out.citrate_from_ac = {from_ac, fa};

  const units::Volume ffp =
      in.replacement != nullptr ? in.replacement->ffp_volume.value : units::milliliters(0);
  if (units::positive(ffp) && s.ffp_citrate) {
    const units::Mass from_ffp = ffp * *s.ffp_citrate;
    auto ff = figure("citrate_from_ffp", "Citrate to the patient from FFP",
                     units::in_grams(from_ffp), "g", 2);
    ff.method = "Citrate anticoagulant in the FFP given";
    ff.formula = "m = V_FFP × c_FFP";
    ff.inputs = {from("V_FFP", in.replacement->ffp_volume.how),
                 given("c_FFP", units::in_g_per_l(*s.ffp_citrate), "g/L", 0, 2)};
    ff.source =
        std::string(kCirSource) + "; FFP citrate content: unverified default, review locally";
    out.citrate_from_ffp = explain::Derived<units::Mass>{from_ffp, ff};
  } else if (units::positive(ffp)) {
    out.findings.push_back({diag::Severity::warning, codes::kFfpCitrateNotCounted.code,
                            ffp_citrate_not_counted(ffp), "citrate_rate"});
  }

  const units::Duration t = run.duration.value;
  // The same model as the simulator's at the device's flows (citrate_load.hpp): the session's
  // AC and FFP averaged over the run; equal to (m_AC + m_FFP) / weight / t.
  CitrateFlows flows;
  flows.ac = ac / t;
  flows.ac_returned = run.ac_returned.value;
  flows.ac_citrate = c;
  flows.ffp = ffp / t;
  if (out.citrate_from_ffp) flows.ffp_citrate = s.ffp_citrate;
  flows.weight = p.weight;
  const units::DoseRate rate = citrate_infusion_rate(flows);
  auto cr = figure("citrate_rate", "Citrate infusion rate to the patient",
                   units::in_mg_per_kg_per_min(rate), "mg/kg/min", 2);
  cr.method = "Citrate reaching the patient, averaged over the run";
  cr.formula =
      out.citrate_from_ffp ? "CIR = (m_AC + m_FFP) / weight / t" : "CIR = m_AC / weight / t";
  cr.inputs = {from("m_AC", fa)};
  if (out.citrate_from_ffp) cr.inputs.push_back(from("m_FFP", out.citrate_from_ffp->how));
  cr.inputs.push_back(given("weight", units::in_kilograms(p.weight), "kg", 1, 3));
  cr.inputs.push_back(from("t", run.duration.how));
  cr.source = kCirSource;
  out.rate_limit = limit_for(s, p, in.source_citation);
  cr.inputs.push_back(from("limit", out.rate_limit.how));
  if (units::above(rate, out.rate_limit.value)) {
    const std::string msg =
        "citrate infusion rate " + text::fixed(units::in_mg_per_kg_per_min(rate), 2) +
        " mg/kg/min is above the limit of " +
        text::fixed(units::in_mg_per_kg_per_min(out.rate_limit.value), 2) +
        " mg/kg/min; lower the inlet flow, raise the inlet:AC ratio or replace part of the FFP";
    cr.warnings.push_back(msg);
    out.findings.push_back(
        {diag::Severity::warning, codes::kCitrateRateAboveLimit.code, msg, "citrate_rate"});
  }
  out.citrate_rate = {rate, cr};

  if (s.calcium_gluconate_per_hour) {
    const units::Mass g = *s.calcium_gluconate_per_hour * units::in_hours(t);
    auto ca = figure("calcium_gluconate", "Calcium gluconate per session (separate infusion)",
                     units::in_grams(g), "g", 1);
    ca.method = text::fixed(units::in_grams(*s.calcium_gluconate_per_hour), 2) +
                " g/h for the whole run (= " +
                text::fixed(units::in_milliliters(calcium_gluconate_10_volume(g)), 0) +
                " mL of 10 % calcium gluconate)";
    ca.formula = "m = rate × t";
    ca.inputs = {given("rate", units::in_grams(*s.calcium_gluconate_per_hour), "g/h", 1, 3),
                 from("t", run.duration.how)};
    ca.source = kCalciumSource;
    out.calcium_gluconate = explain::Derived<units::Mass>{g, ca};
  }
  for (const auto& when : s.ionised_calcium_checks) {
    out.ionised_calcium_checks.push_back(minutes_text(when) +
                                         (units::above(when, t) ? " (after the run ends)" : ""));
  }
  if (s.ionised_calcium_at_end) {
    out.ionised_calcium_checks.push_back("end of the run (" + minutes_text(t) + ")");
  }

  if (p.labs.total_calcium && p.labs.ionized_calcium) {
    const double total_mmol = units::in_mmol_per_l(p.labs.total_calcium->amount());
    const double ionised_mmol = units::in_mmol_per_l(p.labs.ionized_calcium->amount());
    if (ionised_mmol > 0.0) {
      const units::Fraction ratio_ca = units::fraction(total_mmol / ionised_mmol);
      auto rc = figure("calcium_ratio", "Total/ionised calcium ratio", units::in_fraction(ratio_ca),
                       "", 2);
      rc.method = "Patient labs in mmol/L";
      rc.formula = "T/iCa = total Ca / ionised Ca";
      rc.inputs = {given("total Ca", total_mmol, "mmol/L", 2, 3),
                   given("ionised Ca", ionised_mmol, "mmol/L", 2, 3),
                   given("alarm", units::in_fraction(s.calcium_ratio_alarm), "", 1, 2)};
      rc.source = kRatioSource;
      if (units::at_least(ratio_ca, s.calcium_ratio_alarm)) {
        const std::string msg = "total/ionised calcium ratio " +
                                text::fixed(units::in_fraction(ratio_ca), 2) + " is at or above " +
                                text::fixed(units::in_fraction(s.calcium_ratio_alarm), 1) +
                                ": citrate accumulation; reconsider citrate anticoagulation";
        rc.warnings.push_back(msg);
        out.findings.push_back(
            {diag::Severity::warning, codes::kCalciumRatioAlarm.code, msg, "calcium_ratio"});
      }
      out.calcium_ratio = explain::Derived<units::Fraction>{ratio_ca, rc};
    }
  }

  if (s.alkalosis_ffp_volume && units::positive(ffp) &&
      units::at_least(ffp, *s.alkalosis_ffp_volume)) {
    out.findings.push_back(
        {diag::Severity::warning, codes::kAlkalosisRisk.code,
         text::grouped(units::in_milliliters(ffp), 0) + " mL of FFP per session (at or above " +
             text::grouped(units::in_milliliters(*s.alkalosis_ffp_volume), 0) +
             " mL): metabolic alkalosis from the citrate load is expected; check pH and "
             "bicarbonate after the session (Larsen 2016; LiverBridge clinical reference §5.3)",
         "ffp_volume_per_session"});
  }
  return out;
}

}  // namespace lb::session
