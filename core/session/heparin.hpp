// Heparin instead of citrate (LiverBridge clinical reference §5.5): bolus plus an hourly rate
// over the separation run time. The doses are protocol parameters.
#pragma once

#include <string>

#include "explain/derivation.hpp"
#include "protocol/session_settings.hpp"
#include "session/session_plan.hpp"

namespace lb::session {

/// Heparin for one session: bolus + hourly rate × run time.
HeparinPlan heparin_plan(const protocol::HeparinSettings& settings,
                         const explain::Derived<units::Duration>& duration,
                         const std::string& source_citation);

}  // namespace lb::session
