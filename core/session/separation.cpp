#include "session/separation.hpp"

#include <algorithm>
#include <stdexcept>

#include "session/figure.hpp"
#include "session/finding_codes.hpp"
#include "units/compare.hpp"

namespace lb::session {

namespace {

using detail::figure;
using detail::from;
using detail::given;
using protocol::SeparationTechnique;

constexpr const char* kFlowSource =
    "Tormey CA et al., Transfusion 2010;50(2):471-7 (centrifugal plasma removal efficiency); "
    "DPMAS trial NCT05030571 (membrane filtration fraction); LiverBridge clinical reference §6";
constexpr const char* kCapSource =
    "Terumo BCT Spectra Optia Operator's Manual P/N 777379-124 (AC infusion rate 0.8–1.2 "
    "mL/min per L TBV); LiverBridge clinical reference §6";
constexpr const char* kProcessedSource =
    "Tormey CA et al., Transfusion 2010;50(2):471-7 (efficiency 87 %: 1.15 TBV processed per "
    "plasma volume); LiverBridge clinical reference §6";
constexpr const char* kReturnedSource =
    "Evers J, Taborski U. J Clin Apher 2016;31(1):59-62 (most citrate leaves with the removed "
    "plasma); LiverBridge clinical reference §5.3";

double ml_min(units::Flow q) { return units::in_ml_per_min(q); }

}  // namespace

SeparationRun separation_run(const protocol::SeparationSettings& s, const SeparationInputs& in) {
  const double hct = units::in_fraction(in.hematocrit);
  if (!units::positive(in.exchange.value) || !units::positive(in.total_blood_volume.value)) {
    throw std::invalid_argument("separation: exchange volume and TBV must be positive");
  }
  if (!(hct > 0.0 && hct < 1.0)) throw std::invalid_argument("separation: Hct outside (0, 1)");
  const bool centrifugal_set =
      units::positive(s.centrifugal.inlet_flow) && units::positive(s.centrifugal.efficiency);
  const bool membrane_set =
      units::positive(s.membrane.blood_flow) && units::positive(s.membrane.filtration_fraction);
  if (s.technique == SeparationTechnique::centrifugal ? !centrifugal_set : !membrane_set) {
    throw std::invalid_argument(
        "separation: the flow and efficiency/filtration fraction must be "
        "positive");
  }
  SeparationRun out;
  out.technique = s.technique;
  const auto hct_input = given("Hct", hct, "", 2, 4);
  const bool centrifugal = s.technique == SeparationTechnique::centrifugal;
  const units::Fraction share =
      centrifugal ? s.centrifugal.efficiency : s.membrane.filtration_fraction;
  const auto share_input =
      centrifugal ? given("E (plasma removal efficiency)", units::in_percent(share), "%", 0, 2)
                  : given("FF (filtration fraction)", units::in_percent(share), "%", 0, 2);

  // Flow through the machine; the centrifugal inlet may be capped by the AC infusion limit.
  units::Flow flow = centrifugal ? s.centrifugal.inlet_flow : s.membrane.blood_flow;
  auto fl = figure(centrifugal ? "inlet_flow" : "blood_flow",
                   centrifugal ? "Inlet flow" : "Blood flow", 0, "mL/min", 0);
  fl.method = "Protocol setting";
  fl.formula = centrifugal ? "Q_inlet = protocol inlet flow" : "Q_b = protocol blood flow";
  fl.inputs = {given("protocol flow", ml_min(flow), "mL/min", 0, 2)};
  fl.source = in.source_citation;
  if (centrifugal && s.centrifugal.ac_infusion_limit_per_liter_tbv && in.inlet_to_ac_ratio) {
    const units::FlowPerVolume acir = *s.centrifugal.ac_infusion_limit_per_liter_tbv;
    const units::VolumeRatio ratio = *in.inlet_to_ac_ratio;
    const units::Flow cap = acir * in.total_blood_volume.value * ratio;
    auto c =
        figure("inlet_flow_cap", "Inlet flow limit (AC infusion rate)", ml_min(cap), "mL/min", 1);
    c.method = "AC infusion-rate limit";
    c.formula = "Q_inlet_max = ACIR × TBV(L) × inlet:AC ratio";
    c.inputs = {given("ACIR", units::in_ml_per_min_per_liter(acir), "mL/min per L TBV", 1, 3),
                from("TBV", in.total_blood_volume.how),
                given("inlet:AC ratio", units::in_parts(ratio), "", 0, 2)};
    c.source = kCapSource;
    out.inlet_cap = explain::Derived<units::Flow>{cap, c};
    fl.inputs.push_back(from("Q_inlet_max", c));
    fl.formula = "Q_inlet = min(protocol inlet flow, Q_inlet_max)";
    if (units::above(flow, cap)) {
      out.inlet_capped = true;
      const std::string msg = "inlet flow lowered from " + text::fixed(ml_min(flow), 0) +
                              " mL/min to " + text::fixed(ml_min(cap), 1) +
                              " mL/min by the AC infusion-rate limit (" +
                              text::fixed(units::in_ml_per_min_per_liter(acir), 2) +
                              " mL/min per L TBV); the session runs longer";
      flow = cap;
      fl.warnings.push_back(msg);
      out.findings.push_back(
          {diag::Severity::warning, codes::kInletCapped.code, msg, "inlet_flow"});
    }
  }
  fl.shown.value = ml_min(flow);
  fl.shown.decimals = out.inlet_capped ? 1 : 0;
  out.flow = {flow, fl};

  // With citrate, the inlet carries the AC: blood drawn = inlet × (ratio − 1)/ratio (ratio 10 =
  // 9 parts blood : 1 part AC, Terumo). The membrane blood flow is blood already.
  units::Flow blood = flow;
  auto wb = figure("whole_blood_flow", "Whole blood flow", 0, "mL/min", 1);
  if (centrifugal && in.inlet_to_ac_ratio) {
    const units::VolumeRatio r = *in.inlet_to_ac_ratio;
    blood = flow * ((r - units::volume_ratio(1.0)) / r);
    wb.formula = "Q_wb = Q_inlet × (ratio − 1) / ratio";
    wb.inputs = {from("Q_inlet", fl), given("inlet:AC ratio", units::in_parts(r), "", 0, 2)};
    wb.method = "Inlet less the AC it carries";
  } else {
    wb.formula = centrifugal ? "Q_wb = Q_inlet (no AC in the inlet)" : "Q_wb = Q_b";
    wb.inputs = {from(centrifugal ? "Q_inlet" : "Q_b", fl)};
    wb.method = "Blood flow";
  }
  wb.shown.value = ml_min(blood);
  wb.source =
      "Terumo BCT Spectra Optia Operator's Manual P/N 777379-124 (inlet:AC 10 = 9 parts "
      "blood : 1 part AC); LiverBridge clinical reference §6";
  out.whole_blood_flow = {blood, wb};

  const units::Flow plasma = blood * (units::fraction(1.0) - in.hematocrit) * share;
  auto qp = figure("plasma_removal_rate", "Plasma removal rate", ml_min(plasma), "mL/min", 1);
  qp.method = centrifugal ? "Centrifugal separation" : "Membrane separation";
  qp.formula = centrifugal ? "Q_p = Q_wb × (1 − Hct) × E" : "Q_p = FF × Q_b × (1 − Hct)";
  qp.inputs = {from(centrifugal ? "Q_wb" : "Q_b", wb), hct_input, share_input};
  qp.source = kFlowSource;
  out.plasma_removal_rate = {plasma, qp};

  const units::Volume processed =
      in.exchange.value / ((units::fraction(1.0) - in.hematocrit) * share);
  auto pr = figure("whole_blood_processed", "Whole blood processed",
                   units::in_milliliters(processed), "mL", 0);
  pr.method = centrifugal ? "Centrifugal separation" : "Membrane separation";
  pr.formula =
      centrifugal ? "V_wb = V_exchange / ((1 − Hct) × E)" : "V_wb = V_exchange / ((1 − Hct) × FF)";
  pr.inputs = {from("V_exchange", in.exchange.how), hct_input, share_input};
  pr.source = kProcessedSource;
  out.whole_blood_processed = {processed, pr};

  const units::Duration t = in.exchange.value / plasma;
  auto du = figure("session_duration", "Session duration (separation run time)",
                   units::in_minutes(t), "min", 0);
  du.method = "Exchange volume at the plasma removal rate";
  du.formula = "t = V_exchange / Q_p";
  du.inputs = {from("V_exchange", in.exchange.how), from("Q_p", qp)};
  du.source = kFlowSource;
  // Engineering guards (LiverBridge), not clinical limits: one exchange runs for hours; a run
  // longer than a day is a slip in the flow, efficiency or volume, and the plan must not be
  // ordered; beyond 8 h the circuit, citrate and staffing all need a second look.
  constexpr double kLongRunHours = 8.0;
  constexpr double kMaxRunHours = 24.0;
  const double hours = units::in_hours(t);
  if (!(hours <= kMaxRunHours)) {
    const std::string msg = "the run time (" + text::grouped(units::in_minutes(t), 0) +
                            " min) is longer than a day; check the protocol's flow, efficiency "
                            "or filtration fraction and the exchange volume";
    du.warnings.push_back(msg);
    out.findings.push_back(
        {diag::Severity::error, "separation.run_time_implausible", msg, "session_duration"});
  } else if (hours > kLongRunHours) {
    const std::string msg = "the run time (" + text::fixed(hours, 1) +
                            " h) is longer than 8 h; check the flow and the exchange volume, or "
                            "split the exchange over more sessions";
    du.warnings.push_back(msg);
    out.findings.push_back(
        {diag::Severity::warning, "separation.run_time_long", msg, "session_duration"});
  }
  out.duration = {t, du};

  const units::Fraction returned = units::fraction(1.0) - share;
  auto re = figure("ac_returned_fraction", "Share of AC returned to the patient",
                   units::in_percent(returned), "%", 0);
  re.method = centrifugal ? "1 − plasma removal efficiency" : "1 − filtration fraction";
  re.formula = centrifugal ? "f_returned = 1 − E" : "f_returned = 1 − FF";
  re.inputs = {share_input};
  re.source = kReturnedSource;
  out.ac_returned = {returned, re};
  out.with_ac = in.inlet_to_ac_ratio.has_value();

  if (s.extracorporeal_volume) {
    const units::Fraction ecv = *s.extracorporeal_volume / in.total_blood_volume.value;
    auto ev = figure("extracorporeal_fraction_tbv", "Extracorporeal volume as share of TBV",
                     units::in_percent(ecv), "%", 1);
    ev.method = "Circuit volume over total blood volume";
    ev.formula = "ECV % = V_circuit / TBV";
    ev.inputs = {given("V_circuit", units::in_milliliters(*s.extracorporeal_volume), "mL"),
                 from("TBV", in.total_blood_volume.how)};
    ev.source = in.source_citation;
    if (s.extracorporeal_max_fraction_tbv &&
        units::above(ecv, *s.extracorporeal_max_fraction_tbv)) {
      const std::string msg =
          "the extracorporeal volume (" +
          text::fixed(units::in_milliliters(*s.extracorporeal_volume), 0) + " mL) is " +
          text::fixed(units::in_percent(ecv), 1) + " % of TBV, above the protocol's " +
          text::fixed(units::in_percent(*s.extracorporeal_max_fraction_tbv), 1) +
          " %; consider priming the circuit";
      ev.warnings.push_back(msg);
      out.findings.push_back({diag::Severity::warning, codes::kEcvAboveThreshold.code, msg,
                              "extracorporeal_fraction_tbv"});
    }
    out.extracorporeal_fraction_tbv = explain::Derived<units::Fraction>{ecv, ev};
  }
  return out;
}

}  // namespace lb::session
