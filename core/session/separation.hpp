// Separation flows and run time (LiverBridge clinical reference §6, §5, §4):
// centrifugal Q_p = Q_wb × (1 − Hct) × E, membrane Q_p = FF × Q_b × (1 − Hct);
// whole blood processed, session duration, extracorporeal volume as % TBV.
// The centrifugal inlet flow is capped by the AC infusion-rate limit,
// Q_inlet ≤ ACIR × TBV(L) × inlet:AC ratio.
#pragma once

#include <optional>
#include <string>

#include "explain/derivation.hpp"
#include "protocol/session_settings.hpp"
#include "session/session_plan.hpp"

namespace lb::session {

struct SeparationInputs {
  explain::Derived<units::Volume> exchange;  ///< plasma to remove
  explain::Derived<units::Volume> total_blood_volume;
  units::Fraction hematocrit;
  /// Inlet:AC ratio when citrate is the anticoagulant (AC is added to the blood drawn).
  std::optional<units::VolumeRatio> inlet_to_ac_ratio;
  std::string source_citation;
};

/// Throws std::invalid_argument for a non-positive exchange, TBV, flow or efficiency
/// (filtration fraction), or Hct outside (0, 1).
SeparationRun separation_run(const protocol::SeparationSettings& settings,
                             const SeparationInputs& in);

}  // namespace lb::session
