// Mirrors core/volume (body_size.cpp, blood_volume.cpp, plasma_volume.cpp,
// exchange_volume.cpp) and plan.cpp's composition. Keep the two in step:
// the equality test fails when they drift apart.
#include "cohort/fast_volume.hpp"

#include <boost/units/cmath.hpp>
#include <cmath>

#include "units/compare.hpp"
#include "units/lab_conversions.hpp"

namespace lb::cohort {

namespace {

using units::Fraction;
using units::Length;
using units::Mass;
using units::Volume;

/// The engine's require_positive: a finite value above zero.
bool positive(double v) { return std::isfinite(v) && v > 0.0; }

/// Ideal body weight as volume/body_size.cpp (nullopt: the engine throws).
std::optional<Mass> ideal_body_weight(const protocol::IbwSettings& s, model::Sex sex,
                                      Length height) {
  const bool male = sex == model::Sex::male;
  Mass base, per_inch;
  switch (s.method) {
    case protocol::IbwMethod::devine:
      base = units::kilograms(male ? 50.0 : 45.5);
      per_inch = units::kilograms(2.3);
      break;
    case protocol::IbwMethod::robinson:
      base = units::kilograms(male ? 52.0 : 49.0);
      per_inch = units::kilograms(male ? 1.9 : 1.7);
      break;
    case protocol::IbwMethod::miller:
      base = units::kilograms(male ? 56.2 : 53.1);
      per_inch = units::kilograms(male ? 1.41 : 1.36);
      break;
    default: return std::nullopt;
  }
  const Length five_feet = units::inches(60);
  const Fraction inches_over_60 = (height - five_feet) / units::inches(1);
  const Mass on_line = base + per_inch * inches_over_60;
  Mass ibw = on_line;
  if (units::below(height, five_feet) &&
      s.below_60_inches == protocol::ShortStaturePolicy::floor_at_base) {
    ibw = base;
  }
  if (!(units::in_kilograms(ibw) > 0.0)) return std::nullopt;
  return ibw;
}

std::optional<Volume> blood_volume(const protocol::BloodVolumeSettings& s, model::Sex sex,
                                   Length height, Mass weight, std::optional<model::Build> build) {
  const units::BodyMassIndex bmi = weight / (height * height);
  const units::VolumePerMass weight_rate =
      sex == model::Sex::male ? s.weight_based_male : s.weight_based_female;
  const auto lemmens = [&]() -> std::optional<Volume> {
    if (!positive(units::in_ml_per_kg(s.lemmens_reference)) ||
        !positive(units::in_kg_per_m2(s.lemmens_reference_bmi))) {
      return std::nullopt;
    }
    const Fraction bmi_ratio = bmi / s.lemmens_reference_bmi;
    const units::VolumePerMass indexed = s.lemmens_reference / boost::units::sqrt(bmi_ratio);
    return weight * indexed;
  };
  const auto weight_based = [&]() -> std::optional<Volume> {
    if (!positive(units::in_ml_per_kg(weight_rate))) return std::nullopt;
    return weight * weight_rate;
  };
  if (s.obese_switch_bmi && units::at_least(bmi, *s.obese_switch_bmi)) return lemmens();
  switch (s.method) {
    case protocol::BloodVolumeMethod::nadler: {
      if (units::below(weight, s.nadler_min_weight)) return weight_based();
      const bool male = sex == model::Sex::male;
      const double a = male ? 0.3669 : 0.3561;
      const double b = male ? 0.03219 : 0.03308;
      const double c = male ? 0.6041 : 0.1833;
      const double h = units::in_meters(height);
      const double w = units::in_kilograms(weight);
      return units::liters(a * h * h * h + b * w + c);
    }
    case protocol::BloodVolumeMethod::weight_based: return weight_based();
    case protocol::BloodVolumeMethod::lemmens: return lemmens();
    case protocol::BloodVolumeMethod::gilcher: {
      if (!build) return std::nullopt;
      const bool male = sex == model::Sex::male;
      const protocol::GilcherTable& t = s.gilcher;
      units::VolumePerMass per_kg = t.male_normal;
      switch (*build) {
        case model::Build::obese: per_kg = male ? t.male_obese : t.female_obese; break;
        case model::Build::thin: per_kg = male ? t.male_thin : t.female_thin; break;
        case model::Build::normal: per_kg = male ? t.male_normal : t.female_normal; break;
        case model::Build::muscular: per_kg = male ? t.male_muscular : t.female_muscular; break;
      }
      if (!positive(units::in_ml_per_kg(per_kg))) return std::nullopt;
      return weight * per_kg;
    }
  }
  return std::nullopt;
}

double clean_steps(Fraction steps) { return units::round_significant(steps.value(), 9); }

Volume round_to_nearest(Volume v, Volume step) { return std::round(clean_steps(v / step)) * step; }

Volume floor_to_multiple(Volume cap, Volume step) {
  const Volume floored = std::floor(clean_steps(cap / step)) * step;
  if (units::nearly_equal(floored, cap) || floored.value() > cap.value()) return cap;
  return floored;
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

  // make_plan computes IBW whatever the rule, so an IBW that fails fails the plan.
  const auto ibw = ideal_body_weight(protocol.ideal_body_weight, patient.sex, height);
  if (!ibw) return std::nullopt;
  const auto tbv = blood_volume(protocol.blood_volume, patient.sex, height, weight, patient.build);
  if (!tbv) return std::nullopt;

  Volume pv;
  if (protocol.plasma_volume.method == protocol::PlasmaVolumeMethod::kaplan) {
    const units::VolumePerMass factor = protocol.plasma_volume.kaplan_factor;
    if (!positive(units::in_ml_per_kg(factor))) return std::nullopt;
    pv = factor * weight * (units::fraction(1.0) - hct);
  } else {
    if (!positive(units::in_milliliters(*tbv))) return std::nullopt;
    pv = *tbv * (units::fraction(1.0) - hct);
  }
  if (!positive(units::in_milliliters(pv))) return std::nullopt;

  const protocol::ExchangeSettings& s = protocol.exchange;
  if (s.round_to && !positive(units::in_milliliters(*s.round_to))) return std::nullopt;
  Volume v;
  switch (s.rule) {
    case protocol::ExchangeRule::plasma_volumes: v = s.plasma_volumes * pv; break;
    case protocol::ExchangeRule::percent_ibw:
      v = s.percent_of_ibw * *ibw * s.percent_ibw_volume_per_kg;
      break;
    case protocol::ExchangeRule::per_kg:
      v = s.per_kg * (s.per_kg_weight == protocol::WeightBasis::ideal ? *ibw : weight);
      break;
    case protocol::ExchangeRule::fixed: v = s.fixed; break;
    default: return std::nullopt;
  }
  if (!positive(units::in_milliliters(v))) return std::nullopt;

  if (s.round_to) v = round_to_nearest(v, *s.round_to);
  const protocol::VolumeLimits& lim = s.limits;
  if (lim.hard_max && units::above(v, *lim.hard_max)) {
    v = s.round_to ? floor_to_multiple(*lim.hard_max, *s.round_to) : *lim.hard_max;
  }
  if (lim.plasma_volumes_hard_max && units::above(v / pv, *lim.plasma_volumes_hard_max)) {
    const Volume limit_volume = *lim.plasma_volumes_hard_max * pv;
    v = s.round_to ? floor_to_multiple(limit_volume, *s.round_to) : limit_volume;
  }
  return FastExchange{pv, v};
}

}  // namespace lb::cohort
