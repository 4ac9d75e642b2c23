// Plain clinical English for the debrief narrative: what an action, a lab panel or a result
// was, in words a trainer reads aloud ("ordered ionised calcium", "gave a calcium bolus:
// 10.0 mL of calcium gluconate 10 % over 10.0 min").
#pragma once

#include <string>
#include <string_view>

#include "sim/debrief/timeline.hpp"

namespace lb::sim::debrief {

/// "calcium_gluconate_10" → "calcium gluconate 10 %", "blood_gas" → "blood gas".
std::string words(std::string_view id);
/// The lab panel in words ("ionised calcium", "a blood gas").
std::string panel_words(std::string_view panel);
/// What the actor did, without the actor ("set the inlet flow to 40.0 mL/min").
std::string action_phrase(const ActionLine& a);
/// A lab result's values with their units ("ica 0.620 mmol/L").
std::string result_phrase(const LabResultLine& r);

}  // namespace lb::sim::debrief
