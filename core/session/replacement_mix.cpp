#include "session/replacement_mix.hpp"

#include <algorithm>

namespace lb::session {

namespace {

using protocol::ReplacementMix;
using protocol::Solute;

/// Volume-weighted mix of two optional values; unset when a fluid that is
/// used (share > 0) has no value.
template <class Q>
std::optional<Q> weighted(std::optional<Q> ffp, std::optional<Q> albumin, double ffp_part) {
  if (ffp_part > 0.0 && !ffp) return std::nullopt;
  if (ffp_part < 1.0 && !albumin) return std::nullopt;
  const Q zero = Q::from_value(0.0);
  return ffp.value_or(zero) * ffp_part + albumin.value_or(zero) * (1.0 - ffp_part);
}

std::optional<protocol::LabValue> mix_for(const protocol::ReplacementSettings& r, Solute solute,
                                          units::Fraction share) {
  const double part = units::in_fraction(share);
  const auto& f = r.ffp_composition;
  const auto& a = r.albumin_composition;
  switch (solute) {
    case Solute::albumin: {
      // The albumin solution's albumin is its labelled concentration.
      auto c = weighted(f.albumin, std::optional(r.albumin_concentration), part);
      if (c) return protocol::LabValue{*c};
      return std::nullopt;
    }
    case Solute::fibrinogen: {
      auto c = weighted(f.fibrinogen, a.fibrinogen, part);
      if (c) return protocol::LabValue{*c};
      return std::nullopt;
    }
    case Solute::factor_v:
    case Solute::pta: {
      auto c = weighted(f.factor_activity, a.factor_activity, part);
      if (c) return protocol::LabValue{*c};
      return std::nullopt;
    }
    case Solute::bilirubin:
    case Solute::ammonia:
    case Solute::inr:
    case Solute::igg: return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

units::Fraction ffp_share(const protocol::ReplacementSettings& r, units::Volume exchange) {
  switch (r.mix) {
    case ReplacementMix::ffp: return units::fraction(1.0);
    case ReplacementMix::albumin: return units::fraction(0.0);
    case ReplacementMix::fractions: return r.ffp_fraction;
    case ReplacementMix::ffp_units: {
      if (!(exchange.value() > 0.0)) return units::fraction(1.0);
      const double share = (r.ffp_unit_volume * static_cast<double>(r.ffp_units)) / exchange;
      return units::fraction(std::min(1.0, share));
    }
  }
  return units::fraction(1.0);
}

std::optional<protocol::LabValue> mixed_concentration(const protocol::ReplacementSettings& r,
                                                      Solute solute) {
  if (r.mix == ReplacementMix::ffp_units) return std::nullopt;
  return mix_for(r, solute, ffp_share(r, units::milliliters(0)));
}

std::optional<protocol::LabValue> mixed_concentration(const protocol::ReplacementSettings& r,
                                                      Solute solute, units::Volume exchange) {
  return mix_for(r, solute, ffp_share(r, exchange));
}

}  // namespace lb::session
