#include "sim/events/schedule.hpp"

#include <cmath>
#include <stdexcept>

#include "sim/random/distributions.hpp"

namespace lb::sim::events {

using scenario::HazardBasis;

std::string event_stream_name(const std::string& event_id) { return "event/" + event_id; }

namespace {

/// The event time within the session for a constant hazard `per_second`, or none.
std::optional<SimTime> within_session(random::Stream& s, double per_second, const Exposure& x) {
  const double t = s.exponential(per_second);
  if (!(t < static_cast<double>(x.session_length))) return std::nullopt;
  // The simulator steps in whole seconds: the event is due at the step that contains it.
  return x.session_start + static_cast<SimTime>(std::floor(t));
}

}  // namespace

std::vector<RolledEvent> roll_schedule(const std::vector<scenario::RandomEvent>& events,
                                       std::uint64_t seed, const Exposure& exposure) {
  if (exposure.session_length <= 0) {
    throw std::invalid_argument("roll_schedule: the planned session time must be above 0");
  }
  std::vector<RolledEvent> out;
  out.reserve(events.size());
  for (const auto& e : events) {
    random::Stream stream(seed, event_stream_name(e.id));
    RolledEvent r;
    r.id = e.id;
    r.basis = e.basis;
    const double hazard = -std::log1p(-e.probability);  // per session, hour, unit or litre
    switch (e.basis) {
      case HazardBasis::session:
        r.at =
            within_session(stream, hazard / static_cast<double>(exposure.session_length), exposure);
        break;
      case HazardBasis::hour: r.at = within_session(stream, hazard / 3600.0, exposure); break;
      case HazardBasis::ffp_unit:
        // Every planned unit is drawn, in order, whether or not an earlier one succeeded, so
        // that the draws of unit k never depend on the others.
        for (int unit = 1; unit <= exposure.ffp_units; ++unit) {
          if (stream.bernoulli(e.probability) && !r.ffp_unit) r.ffp_unit = unit;
        }
        break;
      case HazardBasis::litre_processed: r.litres = stream.exponential(hazard); break;
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace lb::sim::events
