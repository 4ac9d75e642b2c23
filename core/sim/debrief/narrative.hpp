// The description of a run (PEARLS "description"): a narrative in time order generated from
// the timeline, with the moments of the true state the bedside did not show (an event's
// physiological onset, iCa first below the harm threshold) marked as hidden, so the trainer
// can say when the problem began and when it became visible.
#pragma once

#include "sim/debrief/debrief.hpp"

namespace lb::sim::debrief {

std::vector<NarrativeLine> narrative(const Timeline& t, const std::vector<Sample>& samples);

}  // namespace lb::sim::debrief
