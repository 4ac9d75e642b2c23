// The pre-rolled schedule of random events. Before the run starts every random event draws
// from its own stream (random/distributions.hpp, stream "event/<id>" of the run's seed), so
// a trainee's actions never move a random event and changing one event's probability changes
// only that event. The draw depends on what the probability is per:
//  * session: a constant hazard over the planned session time T, lambda = -ln(1 - p) / T,
//    one exponential draw; the event happens at session start + draw when the draw is below
//    T, which it is with probability p;
//  * hour: lambda = -ln(1 - p) per hour, one exponential draw, likewise within the session;
//  * ffp_unit: one Bernoulli(p) per planned FFP unit in unit order; the event happens when the
//    first unit whose draw succeeded is hung (exposure: if fewer units are given, it never does);
//  * litre_processed: lambda = -ln(1 - p) per litre, one exponential draw of litres; the event
//    happens when the blood processed in the session passes that volume.
// Times are therefore fixed at roll time for session and hour hazards; for unit and litre
// hazards the draw (which unit, how many litres) is fixed and the time follows the exposure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/scenario/scenario.hpp"

namespace lb::sim::events {

using scenario::SimTime;

/// What the planned session exposes the patient to (from the simulator's session setup).
struct Exposure {
  SimTime session_start = 0;
  SimTime session_length = 0;  ///< planned run time, > 0
  int ffp_units = 0;           ///< FFP units planned for the session
};

struct RolledEvent {
  std::string id;
  scenario::HazardBasis basis = scenario::HazardBasis::session;
  std::optional<SimTime> at;     ///< session and hour hazards: when (none: not this run)
  std::optional<int> ffp_unit;   ///< ffp_unit hazard: the 1-based unit that triggers it
  std::optional<double> litres;  ///< litre_processed hazard: blood processed that triggers it
  /// Whether the draw made the event happen at all within the plan (session, hour, unit).
  [[nodiscard]] bool scheduled() const { return at || ffp_unit || litres; }
};

/// The stream name of a random event.
std::string event_stream_name(const std::string& event_id);

/// One entry per random event of the scenario, in the scenario's order.
std::vector<RolledEvent> roll_schedule(const std::vector<scenario::RandomEvent>& events,
                                       std::uint64_t seed, const Exposure& exposure);

}  // namespace lb::sim::events
