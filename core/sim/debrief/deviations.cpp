#include "sim/debrief/deviations.hpp"

#include <algorithm>
#include <iterator>

#include "sim/debrief/deviation_detectors.hpp"
#include "sim/model/validate_action.hpp"
#include "text/format.hpp"
#include "units/compare.hpp"

namespace lb::sim::debrief {

namespace {

void calcium_order(const SessionSetup& s, scenario::SimTime t, const SetCalciumInfusion& a,
                   std::vector<Deviation>& out) {
  if (!s.calcium) return;  // the protocol orders no calcium: no figure to hold it to
  const auto ml_h = [](units::Flow f) { return units::in_ml_per_min(f) * 60.0; };
  if (a.product != s.calcium->product) {
    out.push_back({t, "set_ca_infusion", kCalciumOtherProduct,
                   std::string(names::kCalciumProduct.name(a.product)) +
                       " instead of the protocol's " +
                       std::string(names::kCalciumProduct.name(s.calcium->product))});
  }
  if (units::above(a.rate, s.calcium->rate)) {
    out.push_back({t, "set_ca_infusion", kCalciumAboveOrder,
                   "calcium infusion " + text::fixed(ml_h(a.rate), 1) +
                       " mL/h is above the protocol's order of " +
                       text::fixed(ml_h(s.calcium->rate), 1) + " mL/h"});
  }
}

}  // namespace

std::vector<Deviation> protocol_deviations(const run::Prepared& prepared,
                                           const scenario::Script& script) {
  return protocol_deviations(prepared, script, prepared.parameters);
}

std::vector<Deviation> protocol_deviations(const run::Prepared& prepared,
                                           const scenario::Script& script,
                                           const Parameters& parameters) {
  std::vector<Deviation> out;
  // Each action is judged at the setting the earlier actions (the instructor's too) left.
  DeviceSetting now = planned_setting(prepared.session);
  for (const auto& e : script.entries) {
    const auto* a = std::get_if<Action>(&e.what);
    if (a == nullptr) continue;
    const auto findings = validate_action(*a, prepared.session, now, parameters);
    const bool refused = std::any_of(findings.begin(), findings.end(), [](const auto& f) {
      return f.severity == diag::Severity::error;
    });
    if (!refused) now = setting_after(now, *a);  // the runner applies what it does not refuse
    if (e.actor != scenario::Actor::trainee) continue;
    const std::string name(action_name(*a));
    for (const auto& f : findings) out.push_back({e.at, name, f.code, f.message});
    if (const auto* ca = std::get_if<SetCalciumInfusion>(a)) {
      calcium_order(prepared.session, e.at, *ca, out);
    }
  }
  return out;
}

std::vector<Deviation> run_deviations(const run::Prepared& prepared, const Timeline& timeline,
                                      const Replay& replay) {
  auto out = protocol_deviations(prepared, replay.script, replay.parameters);
  const auto add = [&](std::vector<Deviation> more) {
    out.insert(out.end(), std::make_move_iterator(more.begin()),
               std::make_move_iterator(more.end()));
  };
  add(ffp_before_albumin(prepared.session, replay));
  add(ffp_warmer_off(prepared.scenario, replay.samples));
  add(labs_overdue(prepared.scenario, timeline, replay.samples));
  add(exchange_below_target(prepared.session, replay));
  std::stable_sort(out.begin(), out.end(),
                   [](const Deviation& a, const Deviation& b) { return a.t < b.t; });
  return out;
}

}  // namespace lb::sim::debrief
