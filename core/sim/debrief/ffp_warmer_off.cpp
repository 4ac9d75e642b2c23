// FFP with the warmer off (deviation_detectors.hpp): a teaching expectation of the scenario
// (expectations.warmer_with_ffp), not a protocol value. Each stretch of steps in which FFP
// replacement ran with the blood warmer off is one deviation, with its minutes and volume.
// The warmer starts off, so a trainee who never turns it on is found from the first minute.
#include "sim/debrief/clock.hpp"
#include "sim/debrief/deviation_detectors.hpp"
#include "text/format.hpp"

namespace lb::sim::debrief {

std::vector<Deviation> ffp_warmer_off(const scenario::Scenario& scenario,
                                      const std::vector<Sample>& samples) {
  std::vector<Deviation> out;
  if (!scenario.expectations.warmer_with_ffp) return out;
  struct Stretch {
    SimTime from = 0, seconds = 0;
    double ml = 0.0;
  };
  std::optional<Stretch> open;
  const auto close = [&] {
    if (!open) return;
    out.push_back({open->from, "set_blood_warmer", kFfpWarmerOff,
                   "FFP ran for " + span(open->seconds) + " (" + text::grouped(open->ml, 0) +
                       " mL) with the blood warmer off; the scenario expects the warmer on "
                       "whenever FFP runs"});
    open.reset();
  };
  for (const auto& s : samples) {
    if (s.ffp_ml > 0.0 && !s.warmer) {
      if (!open) open = Stretch{s.t, 0, 0.0};
      open->seconds += s.dt;
      open->ml += s.ffp_ml;
    } else {
      close();
    }
  }
  close();
  return out;
}

}  // namespace lb::sim::debrief
