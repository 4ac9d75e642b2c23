// Names of the protocol choices exactly as they are spelt in protocol YAML
// (protocols/README.md), and citation lookup.
#include "protocol/protocol.hpp"

#include "protocol/names.hpp"

namespace lb::protocol {

std::string_view to_string(BloodVolumeMethod m) { return names::kBloodVolumeMethod.name(m); }

std::string_view to_string(PlasmaVolumeMethod m) { return names::kPlasmaVolumeMethod.name(m); }

std::string_view to_string(IbwMethod m) { return names::kIbwMethod.name(m); }

std::string_view to_string(ExchangeRule r) { return names::kExchangeRule.name(r); }

std::string_view to_string(ShortStaturePolicy p) { return names::kShortStaturePolicy.name(p); }

std::string_view to_string(WeightBasis w) { return names::kWeightBasis.name(w); }

std::string citation_for(const Protocol& p, const std::string& source_id) {
  for (const auto& s : p.sources) {
    if (s.id == source_id) return s.citation;
  }
  return source_id;
}

}  // namespace lb::protocol
