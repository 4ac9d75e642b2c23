// Exchange volume per session from the protocol's rule, checked against its
// hard and soft limits (LiverBridge clinical reference §3.2, §3).
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "diag/finding.hpp"
#include "explain/derivation.hpp"
#include "protocol/protocol.hpp"
#include "units/quantities.hpp"

namespace lb::volume {

/// A limit finding: soft limits are warnings; hard limits are errors, except
/// that a volume above the hard maximum is capped at it (the plan never
/// exceeds a hard limit) and reported as a warning naming the uncapped volume.
/// A limit the volume crosses; codes from volume/finding_codes.hpp.
using LimitFinding = diag::Finding;

struct ExchangeVolume {
  explain::Derived<units::Volume> volume;            ///< id "exchange_volume_per_session"
  explain::Derived<units::Fraction> plasma_volumes;  ///< id "plasma_volumes_per_session"
  std::vector<LimitFinding> findings;
};

/// Inputs the rules may need; each derivation is referenced by id.
struct ExchangeInputs {
  explain::Derived<units::Volume> plasma_volume;
  explain::Derived<units::Mass> ideal_body_weight;
  units::Mass actual_weight;
};

/// Applies settings.rule (plasma_volumes | percent_ibw | per_kg | fixed), then
/// round_to (nearest multiple, halves up), then the caps: hard max, then
/// plasma-volume hard max (a cap is rounded down to a multiple of round_to).
/// The other limits judge the final volume, in the order hard min (error),
/// soft min, soft max, plasma-volume soft min and soft max (warnings). Findings appear in
/// that order; each message is also a warning of the volume derivation.
/// `source_citation` becomes the volume derivation's source.
ExchangeVolume exchange_volume(const protocol::ExchangeSettings& settings,
                               const ExchangeInputs& inputs, const std::string& source_citation);

}  // namespace lb::volume
