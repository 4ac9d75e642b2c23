// Exchange volume (deviation_detectors.hpp): a session the trainee ended (rinse_back, or
// end_without_rinse_back) before the planned exchange was removed falls short of the plan.
// The device rinses back by itself once the target is in, and a run the scenario ends first
// is not the trainee's ending: neither is a deviation.
#include "sim/debrief/deviation_detectors.hpp"
#include "text/format.hpp"
#include "units/compare.hpp"

namespace lb::sim::debrief {

std::vector<Deviation> exchange_below_target(const SessionSetup& session, const Replay& replay) {
  std::vector<Deviation> out;
  for (const auto& e : replay.script.entries) {
    if (e.actor != scenario::Actor::trainee) continue;
    const auto* a = std::get_if<Action>(&e.what);
    if (a == nullptr || !(std::holds_alternative<RinseBack>(*a) ||
                          std::holds_alternative<EndWithoutRinseBack>(*a))) {
      continue;
    }
    const Sample* s = sample_at(replay.samples, e.at);
    // Only an act that ends a pumping (or paused) session ends it; later ones change nothing.
    if (s == nullptr || !(s->mode == DeviceMode::running || s->mode == DeviceMode::paused)) {
      continue;
    }
    const units::Volume removed = units::milliliters(s->removed_ml);
    if (!units::below(removed, session.exchange)) continue;
    out.push_back({e.at, std::string(action_name(*a)), kExchangeBelowTarget,
                   "session ended with " + text::grouped(units::in_milliliters(removed), 0) +
                       " mL of plasma removed, below the plan's target of " +
                       text::grouped(units::in_milliliters(session.exchange), 0) + " mL"});
  }
  return out;
}

}  // namespace lb::sim::debrief
