// The volume engine's checks without its texts: every formula is core/volume's
// kernel (volume/kernels.hpp), so no coefficient is written here; only the
// engine's refusals are mirrored (as nullopt), and the equality test
// (tests/unit/cohort/test_fast_path.cpp) fails if they drift apart.
#include "cohort/fast_volume.hpp"

#include <cmath>

#include "units/compare.hpp"
#include "volume/kernels.hpp"

namespace lb::cohort {

namespace {

namespace kernel = volume::kernel;
using units::Fraction;
using units::Length;
using units::Mass;
using units::Volume;

/// The engine's require_positive: a finite value above zero.
bool positive(double v) { return std::isfinite(v) && v > 0.0; }

/// Blood volume as volume::blood_volume (nullopt where the engine throws).
std::optional<Volume> blood_volume(const protocol::BloodVolumeSettings& s, model::Sex sex,
                                   Length height, Mass weight, std::optional<model::Build> build) {
  const units::BodyMassIndex bmi = kernel::body_mass_index(height, weight);
  const auto lemmens = [&]() -> std::optional<Volume> {
    if (!positive(units::in_ml_per_kg(s.lemmens_reference)) ||
        !positive(units::in_kg_per_m2(s.lemmens_reference_bmi))) {
      return std::nullopt;
    }
    return weight * kernel::lemmens_indexed_rate(bmi, s.lemmens_reference, s.lemmens_reference_bmi);
  };
  const auto per_kg = [&](units::VolumePerMass rate) -> std::optional<Volume> {
    if (!positive(units::in_ml_per_kg(rate))) return std::nullopt;
    return weight * rate;
  };
  if (s.obese_switch_bmi && units::at_least(bmi, *s.obese_switch_bmi)) return lemmens();
  switch (s.method) {
    case protocol::BloodVolumeMethod::nadler:
      if (units::below(weight, s.nadler_min_weight)) {
        return per_kg(kernel::weight_based_rate(s, sex));
      }
      return kernel::nadler(sex, height, weight);
    case protocol::BloodVolumeMethod::weight_based:
      return per_kg(kernel::weight_based_rate(s, sex));
    case protocol::BloodVolumeMethod::lemmens: return lemmens();
    case protocol::BloodVolumeMethod::gilcher:
      if (!build) return std::nullopt;
      return per_kg(kernel::gilcher_rate(s.gilcher, sex, *build));
  }
  return std::nullopt;
}

}  // namespace

std::optional<FastExchange> fast_exchange(const protocol::Protocol& protocol,
                                          const patient::Patient& patient) {
  const Length height = patient.height;
  const Mass weight = patient.weight;
  const Fraction hct = patient.hematocrit;
  if (!positive(units::in_meters(height)) || !positive(units::in_kilograms(weight))) {
    return std::nullopt;
  }
  const double hct_value = units::in_fraction(hct);
  if (!std::isfinite(hct_value) || hct_value < 0.0 || hct_value >= 1.0) return std::nullopt;

  // An IBW at or below 0 kg is "not computed" in make_plan, which plans on unless the
  // exchange rule needs IBW (then the engine refuses the patient, and so does this path).
  const protocol::IbwSettings& ibw_settings = protocol.ideal_body_weight;
  const Mass ibw = kernel::ideal_body_weight(kernel::ibw_line(ibw_settings.method, patient.sex),
                                             height, ibw_settings.below_60_inches);
  const protocol::ExchangeSettings& s = protocol.exchange;
  const bool rule_uses_ibw =
      s.rule == protocol::ExchangeRule::percent_ibw ||
      (s.rule == protocol::ExchangeRule::per_kg && s.per_kg_weight == protocol::WeightBasis::ideal);
  if (rule_uses_ibw && !(units::in_kilograms(ibw) > 0.0)) return std::nullopt;
  const auto tbv = blood_volume(protocol.blood_volume, patient.sex, height, weight, patient.build);
  if (!tbv) return std::nullopt;

  Volume pv;
  if (protocol.plasma_volume.method == protocol::PlasmaVolumeMethod::kaplan) {
    const units::VolumePerMass factor = protocol.plasma_volume.kaplan_factor;
    if (!positive(units::in_ml_per_kg(factor))) return std::nullopt;
    pv = kernel::kaplan_plasma(factor, weight, hct);
  } else {
    if (!positive(units::in_milliliters(*tbv))) return std::nullopt;
    pv = kernel::plasma_from_hematocrit(*tbv, hct);
  }
  if (!positive(units::in_milliliters(pv))) return std::nullopt;

  if (s.round_to && !positive(units::in_milliliters(*s.round_to))) return std::nullopt;
  Volume v = kernel::exchange_rule_volume(s, pv, ibw, weight);
  if (!positive(units::in_milliliters(v))) return std::nullopt;

  if (s.round_to) v = kernel::round_to_nearest(v, *s.round_to);
  const protocol::VolumeLimits& lim = s.limits;
  if (lim.hard_max && units::above(v, *lim.hard_max)) {
    v = kernel::capped_at(*lim.hard_max, s);
  }
  if (lim.plasma_volumes_hard_max && units::above(v / pv, *lim.plasma_volumes_hard_max)) {
    v = kernel::capped_at(*lim.plasma_volumes_hard_max * pv, s);
  }
  return FastExchange{pv, v};
}

}  // namespace lb::cohort
