// Replacement orders per session and per course: volume of each fluid, FFP
// in whole units, albumin in whole vials, fluid balance (LiverBridge clinical reference §4,
// §4; AYSung order arithmetic).
#pragma once

#include "explain/derivation.hpp"
#include "protocol/session_settings.hpp"
#include "session/session_plan.hpp"
#include "units/quantities.hpp"

namespace lb::session {

struct ReplacementInputs {
  explain::Derived<units::Volume> exchange;  ///< plasma removed per session
  std::optional<units::Fraction> inr;        ///< patient's INR (FFP-last rule)
  int sessions = 1;                          ///< sessions in the course
  std::string source_citation;               ///< citation of settings.source
};

/// Throws std::invalid_argument when the exchange volume is not positive or sessions < 1.
ReplacementOrders replacement_orders(const protocol::ReplacementSettings& settings,
                                     const ReplacementInputs& in);

}  // namespace lb::session
