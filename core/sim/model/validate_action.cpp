#include "sim/model/validate_action.hpp"

#include <stdexcept>

#include "session/acd.hpp"
#include "sim/model/overload.hpp"
#include "text/format.hpp"
#include "units/compare.hpp"

namespace lb::sim {

namespace {

diag::Finding refuse(const std::string& what) {
  return {diag::Severity::error, codes::kImpossible.code, what, ""};
}

/// The citrate infusion rate to the patient at a device setting: AC returned with the blood
/// plus FFP (the citrate engine's CIR, at flows instead of session totals).
units::DoseRate citrate_rate(const SessionSetup& s, const DeviceFlows& f, units::Fraction ffp_share,
                             units::Fraction fluid_balance, const Parameters& p) {
  const units::AmountConcentration ffp_citrate =
      s.ffp_citrate ? *s.ffp_citrate : units::mmol_per_l(p.ffp_citrate.value);
  const units::Flow ffp = f.plasma_removal * fluid_balance * ffp_share;
  const double mmol_per_min =
      units::in_ml_per_min(f.ac * f.ac_returned) / 1000.0 * units::in_mmol_per_l(s.ac_citrate) +
      units::in_ml_per_min(ffp) / 1000.0 * units::in_mmol_per_l(ffp_citrate);
  const double mg_per_min = mmol_per_min * units::in_g_per_mol(session::citric_acid_molar_mass());
  return units::mg_per_kg_per_min(mg_per_min / units::in_kilograms(s.weight));
}

void check_citrate(std::vector<diag::Finding>& out, const SessionSetup& s, const DeviceFlows& f,
                   units::Fraction ffp_share, const Parameters& p) {
  if (!s.citrate_rate_limit) return;
  const units::DoseRate rate = citrate_rate(s, f, ffp_share, s.fluid_balance, p);
  if (units::above(rate, *s.citrate_rate_limit)) {
    out.push_back(
        {diag::Severity::warning, codes::kCitrateRateAboveLimit.code,
         "citrate reaching the patient " + text::fixed(units::in_mg_per_kg_per_min(rate), 2) +
             " mg/kg/min is above the protocol's limit of " +
             text::fixed(units::in_mg_per_kg_per_min(*s.citrate_rate_limit), 2) + " mg/kg/min",
         "citrate_rate"});
  }
}

void check_flows(std::vector<diag::Finding>& out, const SessionSetup& s, units::Flow inlet,
                 std::optional<units::VolumeRatio> ratio, const Parameters& p) {
  const DeviceFlows f = device_flows(s, inlet, ratio);
  if (f.inlet_capped) {
    out.push_back({diag::Severity::warning, codes::kInletCapped.code,
                   "the device caps the inlet at " + text::fixed(units::in_ml_per_min(f.inlet), 1) +
                       " mL/min (AC infusion-rate limit)",
                   "inlet_flow"});
  }
  check_citrate(out, s, f, s.ffp_share, p);
}

}  // namespace

std::vector<diag::Finding> validate_action(const Action& action, const SessionSetup& s,
                                           const Parameters& p) {
  std::vector<diag::Finding> out;
  const units::Flow zero = units::ml_per_min(0);
  std::visit(
      Overload{
          [&](const SetInletFlow& a) {
            if (units::below(a.flow, zero)) return out.push_back(refuse("a negative inlet flow"));
            if (units::positive(a.flow)) check_flows(out, s, a.flow, s.ac_ratio, p);
          },
          [&](const SetReturnFlow& a) {
            if (units::below(a.flow, zero)) out.push_back(refuse("a negative return flow"));
          },
          [&](const SetAcRatio& a) {
            if (!(units::in_parts(a.ratio) > 1.0)) {
              return out.push_back(
                  refuse("an inlet:AC ratio of 1 or less (no blood in the inlet)"));
            }
            if (units::in_parts(a.ratio) < 6.0 || units::in_parts(a.ratio) > 15.0) {
              out.push_back({diag::Severity::warning, codes::kAcRatioOutsideRange.code,
                             "inlet:AC ratio " + text::fixed(units::in_parts(a.ratio), 1) +
                                 " is outside the device's range of 6–15",
                             "ac_ratio"});
            }
            check_flows(out, s, s.flows.inlet, a.ratio, p);
          },
          [&](const SetFluidBalance& a) {
            if (units::below(a.balance, units::fraction(0))) {
              return out.push_back(refuse("a negative fluid balance"));
            }
            if (!units::nearly_equal(a.balance, s.fluid_balance)) {
              out.push_back({diag::Severity::warning, codes::kFluidBalanceChanged.code,
                             "fluid balance " + text::fixed(units::in_percent(a.balance), 0) +
                                 " % instead of the protocol's " +
                                 text::fixed(units::in_percent(s.fluid_balance), 0) + " %",
                             "fluid_balance"});
            }
          },
          [&](const SetReplacementMix& a) {
            if (units::below(a.ffp_share, units::fraction(0)) ||
                units::above(a.ffp_share, units::fraction(1))) {
              return out.push_back(refuse("an FFP share outside 0–100 %"));
            }
            check_citrate(out, s, s.flows, a.ffp_share, p);
          },
          [&](const CalciumBolus& a) {
            if (units::below(a.volume, units::milliliters(0)) ||
                units::below(a.over, units::seconds(0))) {
              out.push_back(refuse("a negative calcium volume or time"));
            }
          },
          [&](const SetCalciumInfusion& a) {
            if (units::below(a.rate, zero)) out.push_back(refuse("a negative calcium rate"));
          },
          [&](const SetPotassiumInfusion& a) {
            if (in_mmol_per_hour(a.rate) < 0.0) out.push_back(refuse("a negative KCl rate"));
          },
          [&](const GiveFluid& a) {
            if (units::below(a.volume, units::milliliters(0)) ||
                units::below(a.over, units::seconds(0))) {
              out.push_back(refuse("a negative fluid volume or time"));
            }
          },
          [&](const SetNorepinephrine& a) {
            if (units::below(a.dose, units::ug_per_kg_per_min(0))) {
              out.push_back(refuse("a negative norepinephrine dose"));
            }
          },
          [&](const StartAllergicReaction& a) {
            if (a.grade < 1 || a.grade > 3) out.push_back(refuse("a reaction grade outside 1–3"));
          },
          [&](const AccessObstruction& a) {
            if (units::below(a.available, units::fraction(0)) ||
                units::above(a.available, units::fraction(1))) {
              out.push_back(refuse("an access share outside 0–100 %"));
            }
          },
          [&](const StartCircuitClotting& a) {
            if (units::below(a.per_hour, units::fraction(0))) {
              out.push_back(refuse("a negative clotting rate"));
            }
          },
          [&](const StartBleeding& a) {
            if (units::below(a.rate, zero)) out.push_back(refuse("a negative bleeding rate"));
          },
          [&](const auto&) {},
      },
      action);
  return out;
}

}  // namespace lb::sim
