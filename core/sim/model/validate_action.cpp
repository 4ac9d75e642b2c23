#include "sim/model/validate_action.hpp"

#include <stdexcept>

#include "session/acd.hpp"
#include "session/citrate_load.hpp"
#include "sim/model/overload.hpp"
#include "text/format.hpp"
#include "units/compare.hpp"

namespace lb::sim {

namespace {

diag::Finding refuse(const std::string& what) {
  return {diag::Severity::error, codes::kImpossible.code, what, ""};
}

}  // namespace

units::DoseRate citrate_rate_at(const SessionSetup& s, const DeviceSetting& d,
                                const Parameters& p) {
  const DeviceFlows f = device_flows(s, d.inlet, d.ac_ratio);
  const units::MolarMass m = session::citric_acid_molar_mass();
  session::CitrateFlows c;
  c.ac = f.ac;
  c.ac_returned = f.ac_returned;
  c.ac_citrate = s.ac_citrate * m;
  c.ffp = f.plasma_removal * d.fluid_balance * d.ffp_share;
  c.ffp_citrate = (s.ffp_citrate ? *s.ffp_citrate : units::mmol_per_l(p.ffp_citrate.value)) * m;
  c.weight = s.weight;
  return session::citrate_infusion_rate(c);
}

namespace {

/// A deviation when the change raises the citrate reaching the patient above the limit; a
/// change that lowers it is not, even above the limit (validate_action.hpp).
void check_citrate(std::vector<diag::Finding>& out, const SessionSetup& s,
                   const DeviceSetting& before, const DeviceSetting& after, const Parameters& p) {
  if (!s.citrate_rate_limit || !(units::in_ml_per_min(after.inlet) > 0.0)) return;
  const units::DoseRate rate = citrate_rate_at(s, after, p);
  if (!units::above(rate, *s.citrate_rate_limit)) return;
  const bool running = units::in_ml_per_min(before.inlet) > 0.0;
  const units::DoseRate was = running ? citrate_rate_at(s, before, p) : units::mg_per_kg_per_min(0);
  if (!units::above(rate, was)) return;
  out.push_back(
      {diag::Severity::warning, codes::kCitrateRateAboveLimit.code,
       "citrate reaching the patient " + text::fixed(units::in_mg_per_kg_per_min(rate), 2) +
           " mg/kg/min (from " + text::fixed(units::in_mg_per_kg_per_min(was), 2) +
           ") is above the protocol's limit of " +
           text::fixed(units::in_mg_per_kg_per_min(*s.citrate_rate_limit), 2) + " mg/kg/min",
       "citrate_rate"});
}

void check_flows(std::vector<diag::Finding>& out, const SessionSetup& s, const DeviceSetting& now,
                 const DeviceSetting& next, const Parameters& p) {
  const DeviceFlows f = device_flows(s, next.inlet, next.ac_ratio);
  if (f.inlet_capped) {
    out.push_back({diag::Severity::warning, codes::kInletCapped.code,
                   "the device caps the inlet at " + text::fixed(units::in_ml_per_min(f.inlet), 1) +
                       " mL/min (AC infusion-rate limit)",
                   "inlet_flow"});
  }
  check_citrate(out, s, now, next, p);
}

}  // namespace

DeviceSetting planned_setting(const SessionSetup& s) {
  return {s.flows.inlet, s.ac_ratio, s.fluid_balance, s.ffp_share};
}

DeviceSetting current_setting(const kernel::Kernel& k, const SessionSetup& s) {
  const bool connected = k.mode == kernel::Mode::running || k.mode == kernel::Mode::paused ||
                         k.mode == kernel::Mode::rinse_back;
  if (!connected) return planned_setting(s);
  DeviceSetting d;
  d.inlet = units::ml_per_min(k.inlet_set * 1000.0);  // kernel flows are in L/min
  if (k.ac_ratio > 0.0) d.ac_ratio = units::volume_ratio(k.ac_ratio);
  d.fluid_balance = units::fraction(k.fluid_balance);
  d.ffp_share = units::fraction(k.ffp_share);
  return d;
}

DeviceSetting setting_after(const DeviceSetting& now, const Action& action) {
  DeviceSetting d = now;
  std::visit(Overload{
                 [&](const SetInletFlow& a) { d.inlet = a.flow; },
                 [&](const SetAcRatio& a) {
                   if (d.ac_ratio) d.ac_ratio = a.ratio;  // the engine keeps "no citrate"
                 },
                 [&](const SetFluidBalance& a) { d.fluid_balance = a.balance; },
                 [&](const SetReplacementMix& a) { d.ffp_share = a.ffp_share; },
                 [&](const auto&) {},
             },
             action);
  return d;
}

std::vector<diag::Finding> validate_action(const Action& action, const SessionSetup& s,
                                           const DeviceSetting& now, const Parameters& p) {
  std::vector<diag::Finding> out;
  const DeviceSetting next = setting_after(now, action);
  const units::Flow zero = units::ml_per_min(0);
  std::visit(
      Overload{
          [&](const SetInletFlow& a) {
            if (units::below(a.flow, zero)) return out.push_back(refuse("a negative inlet flow"));
            if (units::positive(a.flow)) check_flows(out, s, now, next, p);
          },
          [&](const SetReturnFlow& a) {
            if (units::below(a.flow, zero)) out.push_back(refuse("a negative return flow"));
          },
          [&](const SetAcRatio& a) {
            if (!(units::in_parts(a.ratio) > 1.0)) {
              return out.push_back(
                  refuse("an inlet:AC ratio of 1 or less (no blood in the inlet)"));
            }
            if (units::in_parts(a.ratio) < kAcRatioMin || units::in_parts(a.ratio) > kAcRatioMax) {
              out.push_back({diag::Severity::warning, codes::kAcRatioOutsideRange.code,
                             "inlet:AC ratio " + text::fixed(units::in_parts(a.ratio), 1) +
                                 " is outside the device's range of " +
                                 text::fixed(kAcRatioMin, 0) + "–" + text::fixed(kAcRatioMax, 0) +
                                 " (" + kAcRatioSource + ")",
                             "ac_ratio"});
            }
            if (now.ac_ratio && units::positive(now.inlet)) check_flows(out, s, now, next, p);
          },
          [&](const SetFluidBalance& a) {
            if (units::below(a.balance, units::fraction(0))) {
              return out.push_back(refuse("a negative fluid balance"));
            }
            if (!units::nearly_equal(a.balance, s.fluid_balance)) {  // the protocol's order
              out.push_back({diag::Severity::warning, codes::kFluidBalanceChanged.code,
                             "fluid balance " + text::fixed(units::in_percent(a.balance), 0) +
                                 " % instead of the protocol's " +
                                 text::fixed(units::in_percent(s.fluid_balance), 0) + " %",
                             "fluid_balance"});
            }
            check_citrate(out, s, now, next, p);  // more replacement: more FFP citrate
          },
          [&](const SetReplacementMix& a) {
            if (units::below(a.ffp_share, units::fraction(0)) ||
                units::above(a.ffp_share, units::fraction(1))) {
              return out.push_back(refuse("an FFP share outside 0–100 %"));
            }
            check_citrate(out, s, now, next, p);
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
