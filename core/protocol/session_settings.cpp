#include "protocol/session_settings.hpp"

#include "protocol/names.hpp"

namespace lb::protocol {

std::string_view to_string(ReplacementMix m) { return names::kReplacementMix.name(m); }

std::string_view to_string(Anticoagulant a) { return names::kAnticoagulant.name(a); }

std::string_view to_string(AcdSolution s) { return names::kAcdSolution.name(s); }

std::string_view to_string(SeparationTechnique t) { return names::kSeparationTechnique.name(t); }

}  // namespace lb::protocol
