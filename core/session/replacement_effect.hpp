// Predicted immediately-post-session albumin, fibrinogen and coagulation
// factor activity from what the replacement fluid supplies:
// C = C_r + (C0 − C_r)·e^(−x), x = V_exchange / PV (LiverBridge clinical reference §7.2). When
// the FFP is given last, the two fluids are applied one after the other.
#pragma once

#include <optional>
#include <string>

#include "explain/derivation.hpp"
#include "patient/patient.hpp"
#include "protocol/session_settings.hpp"
#include "session/session_plan.hpp"

namespace lb::session {

/// One-step replacement-aware mixing, in any concentration unit (c0 and cr alike).
double replacement_aware(double c0, double cr, double plasma_volumes);

/// A prediction for each lab the patient has and the protocol gives a composition for.
ReplacementEffect replacement_effect(const protocol::ReplacementSettings& settings,
                                     const ReplacementOrders& orders,
                                     const explain::Derived<units::Volume>& plasma_volume,
                                     const patient::Labs& labs,
                                     const std::string& composition_citation);

}  // namespace lb::session
