// FFP last (deviation_detectors.hpp): when the planned session gives the albumin solution
// first, a trainee's replacement mix that starts FFP while the planned albumin volume is not
// yet in breaks the protocol's order. Only set_replacement_mix changes the order of the
// replacement (an FFP bolus by give_fluid is outside the exchange's replacement).
#include "sim/debrief/deviation_detectors.hpp"
#include "text/format.hpp"
#include "units/compare.hpp"

namespace lb::sim::debrief {

namespace {

bool pumping(DeviceMode m) { return m == DeviceMode::running || m == DeviceMode::paused; }

}  // namespace

std::vector<Deviation> ffp_before_albumin(const SessionSetup& session, const Replay& replay) {
  std::vector<Deviation> out;
  if (!session.ffp_last) return out;  // the protocol orders no sequence for this session
  for (const auto& e : replay.script.entries) {
    if (e.actor != scenario::Actor::trainee) continue;
    const auto* a = std::get_if<Action>(&e.what);
    const auto* mix = a == nullptr ? nullptr : std::get_if<SetReplacementMix>(a);
    if (mix == nullptr) continue;
    // A share of 0 keeps FFP out; one above 100 % is refused by the runner.
    if (!units::above(mix->ffp_share, units::fraction(0)) ||
        units::above(mix->ffp_share, units::fraction(1))) {
      continue;
    }
    const Sample* s = sample_at(replay.samples, e.at);
    if (s == nullptr || !pumping(s->mode)) continue;
    // FFP was already running by an earlier mix: this one changes its share, not the order.
    if (!s->ffp_last && s->ffp_share > 0.0) continue;
    const units::Volume given = units::milliliters(s->albumin_replaced_ml);
    if (!units::below(given, session.albumin_volume)) continue;
    out.push_back({e.at, "set_replacement_mix", kFfpBeforeAlbumin,
                   "FFP started at " + text::fixed(units::in_percent(mix->ffp_share), 0) +
                       " % of the replacement with " +
                       text::grouped(units::in_milliliters(given), 0) + " mL of the planned " +
                       text::grouped(units::in_milliliters(session.albumin_volume), 0) +
                       " mL of albumin solution given; the protocol orders FFP last"});
  }
  return out;
}

}  // namespace lb::sim::debrief
