// Names of the protocol choices exactly as they are spelt in protocol YAML
// (protocols/README.md), and citation lookup.
#include "protocol/protocol.hpp"

namespace lb::protocol {

std::string_view to_string(BloodVolumeMethod m) {
  switch (m) {
    case BloodVolumeMethod::nadler: return "nadler";
    case BloodVolumeMethod::weight_based: return "weight_based";
    case BloodVolumeMethod::lemmens: return "lemmens";
    case BloodVolumeMethod::gilcher: return "gilcher";
  }
  return "nadler";
}

std::string_view to_string(PlasmaVolumeMethod m) {
  switch (m) {
    case PlasmaVolumeMethod::hematocrit: return "hematocrit";
    case PlasmaVolumeMethod::kaplan: return "kaplan";
  }
  return "hematocrit";
}

std::string_view to_string(IbwMethod m) {
  switch (m) {
    case IbwMethod::devine: return "devine";
    case IbwMethod::robinson: return "robinson";
    case IbwMethod::miller: return "miller";
  }
  return "devine";
}

std::string_view to_string(ExchangeRule r) {
  switch (r) {
    case ExchangeRule::plasma_volumes: return "plasma_volumes";
    case ExchangeRule::percent_ibw: return "percent_ibw";
    case ExchangeRule::per_kg: return "per_kg";
    case ExchangeRule::fixed: return "fixed";
  }
  return "plasma_volumes";
}

std::string_view to_string(ShortStaturePolicy p) {
  switch (p) {
    case ShortStaturePolicy::extrapolate: return "extrapolate";
    case ShortStaturePolicy::floor_at_base: return "floor_at_base";
  }
  return "extrapolate";
}

std::string_view to_string(WeightBasis w) {
  switch (w) {
    case WeightBasis::actual: return "actual";
    case WeightBasis::ideal: return "ideal";
  }
  return "actual";
}

std::string citation_for(const Protocol& p, const std::string& source_id) {
  for (const auto& s : p.sources) {
    if (s.id == source_id) return s.citation;
  }
  return source_id;
}

}  // namespace lb::protocol
