#include "session/replacement_mix.hpp"

#include <algorithm>

namespace lb::session {

using protocol::ReplacementMix;

units::Fraction ffp_share(const protocol::ReplacementSettings& r, units::Volume exchange) {
  switch (r.mix) {
    case ReplacementMix::ffp: return units::fraction(1.0);
    case ReplacementMix::albumin: return units::fraction(0.0);
    case ReplacementMix::fractions: return r.ffp_fraction;
    case ReplacementMix::ffp_units: {
      if (!units::positive(exchange)) return units::fraction(1.0);
      const double share = (r.ffp_unit_volume * static_cast<double>(r.ffp_units)) / exchange;
      return units::fraction(std::min(1.0, share));
    }
  }
  return units::fraction(1.0);
}

}  // namespace lb::session
