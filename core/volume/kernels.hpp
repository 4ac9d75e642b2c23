// The volume engine's arithmetic without its explanations. Every published
// coefficient (Devine/Robinson/Miller, Nadler) and every protocol-driven step
// (Lemmens, Gilcher, weight-based, plasma volume, exchange rule, rounding and
// caps) is written here once. The engine (body_size.cpp, blood_volume.cpp,
// plasma_volume.cpp, exchange_volume.cpp) wraps these in derivations; the
// cohort's fast path (cohort/fast_volume.cpp) calls them bare, so both give
// the same double by construction, not by keeping two copies in step.
// No validation here: callers check their inputs (the engine throws, the fast
// path declines) before calling.
#pragma once

#include <boost/units/cmath.hpp>
#include <cmath>
#include <stdexcept>

#include "model/person.hpp"
#include "protocol/protocol.hpp"
#include "units/compare.hpp"
#include "units/lab_conversions.hpp"
#include "units/quantities.hpp"

namespace lb::volume::kernel {

// ---- ideal body weight (LiverBridge clinical reference §1)
// ---------------------------------------------

/// IBW = base + per_inch × (height in inches − 60).
struct IbwLine {
  units::Mass base;      ///< IBW at 60 in (5 ft)
  units::Mass per_inch;  ///< added per inch over 60 in
};

/// Where every IBW line starts: 60 in (152.4 cm).
inline constexpr units::Length kIbwLineStart = units::inches(60);

constexpr IbwLine ibw_line(protocol::IbwMethod method, model::Sex sex) {
  const bool male = sex == model::Sex::male;
  switch (method) {
    case protocol::IbwMethod::devine:  // Devine 1974: 50.0 / 45.5 kg + 2.3 kg per inch
      return {units::kilograms(male ? 50.0 : 45.5), units::kilograms(2.3)};
    case protocol::IbwMethod::robinson:  // Robinson 1983: 52 / 49 kg + 1.9 / 1.7 kg per inch
      return {units::kilograms(male ? 52.0 : 49.0), units::kilograms(male ? 1.9 : 1.7)};
    case protocol::IbwMethod::miller:  // Miller 1983: 56.2 / 53.1 kg + 1.41 / 1.36 kg per inch
      return {units::kilograms(male ? 56.2 : 53.1), units::kilograms(male ? 1.41 : 1.36)};
  }
  throw std::invalid_argument("unknown ideal body weight method");
}

/// The line itself, extrapolated below 60 in.
constexpr units::Mass ibw_on_line(const IbwLine& line, units::Length height) {
  const units::Fraction inches_over_60 = (height - kIbwLineStart) / units::inches(1);
  return line.base + line.per_inch * inches_over_60;
}

/// The protocol's choice below 60 in: the line, or its base weight.
inline units::Mass ideal_body_weight(const IbwLine& line, units::Length height,
                                     protocol::ShortStaturePolicy below_60_inches) {
  if (units::below(height, kIbwLineStart) &&
      below_60_inches == protocol::ShortStaturePolicy::floor_at_base) {
    return line.base;
  }
  return ibw_on_line(line, height);
}

// ---- total blood volume (LiverBridge clinical reference §2) ---------------------------

/// BMI = W / H² (kg, m).
constexpr units::BodyMassIndex body_mass_index(units::Length height, units::Mass weight) {
  return weight / (height * height);
}

/// Nadler 1962 in the units it is defined in: TBV [L] = a × H³ [m] + b × W [kg] + c.
struct NadlerCoefficients {
  double a, b, c;
};
constexpr NadlerCoefficients nadler_coefficients(model::Sex sex) {
  // The female intercept is 0.1833; 0.6041 for women is a known bug in the wild.
  if (sex == model::Sex::male) return {0.3669, 0.03219, 0.6041};
  return {0.3561, 0.03308, 0.1833};
}
constexpr units::Volume nadler(model::Sex sex, units::Length height, units::Mass weight) {
  const NadlerCoefficients k = nadler_coefficients(sex);
  const double h = units::in_meters(height);
  const double w = units::in_kilograms(weight);
  return units::liters(k.a * h * h * h + k.b * w + k.c);
}

/// The protocol's weight-based rate for the patient's sex.
constexpr units::VolumePerMass weight_based_rate(const protocol::BloodVolumeSettings& s,
                                                 model::Sex sex) {
  return sex == model::Sex::male ? s.weight_based_male : s.weight_based_female;
}

/// Lemmens–Bernstein–Brodsky 2006: the reference mL/kg indexed to BMI,
/// reference ÷ √(BMI ÷ reference BMI); TBV = W × this.
inline units::VolumePerMass lemmens_indexed_rate(units::BodyMassIndex bmi,
                                                 units::VolumePerMass reference,
                                                 units::BodyMassIndex reference_bmi) {
  const units::Fraction bmi_ratio = bmi / reference_bmi;
  return reference / boost::units::sqrt(bmi_ratio);
}

/// Gilcher's rule of five: the table's mL/kg for sex and build.
constexpr units::VolumePerMass gilcher_rate(const protocol::GilcherTable& t, model::Sex sex,
                                            model::Build build) {
  const bool male = sex == model::Sex::male;
  switch (build) {
    case model::Build::obese: return male ? t.male_obese : t.female_obese;
    case model::Build::thin: return male ? t.male_thin : t.female_thin;
    case model::Build::normal: return male ? t.male_normal : t.female_normal;
    case model::Build::muscular: return male ? t.male_muscular : t.female_muscular;
  }
  return t.male_normal;  // unreachable for a valid Build
}

// ---- plasma volume (LiverBridge clinical reference §2)
// --------------------------------------------

/// PV = TBV × (1 − Hct).
constexpr units::Volume plasma_from_hematocrit(units::Volume tbv, units::Fraction hct) {
  return tbv * (units::fraction(1.0) - hct);
}
/// Kaplan: PV = factor × W × (1 − Hct).
constexpr units::Volume kaplan_plasma(units::VolumePerMass factor, units::Mass weight,
                                      units::Fraction hct) {
  return factor * weight * (units::fraction(1.0) - hct);
}

// ---- exchange volume (LiverBridge clinical reference §3)
// ------------------------------------------

/// The volume the protocol's rule gives, before rounding and caps.
constexpr units::Volume exchange_rule_volume(const protocol::ExchangeSettings& s,
                                             units::Volume plasma_volume,
                                             units::Mass ideal_body_weight,
                                             units::Mass actual_weight) {
  switch (s.rule) {
    case protocol::ExchangeRule::plasma_volumes: return s.plasma_volumes * plasma_volume;
    case protocol::ExchangeRule::percent_ibw:
      // 15 % of IBW with 1 kg of plasma ≈ 1 L (Larsen 2016 HVP).
      return s.percent_of_ibw * ideal_body_weight * s.percent_ibw_volume_per_kg;
    case protocol::ExchangeRule::per_kg:
      return s.per_kg *
             (s.per_kg_weight == protocol::WeightBasis::ideal ? ideal_body_weight : actual_weight);
    case protocol::ExchangeRule::fixed: return s.fixed;
  }
  throw std::invalid_argument("unknown exchange rule");
}

/// Drops binary noise from a count of steps (5065 mL ÷ 10 mL = 506.49999... is 506.5).
inline double clean_steps(units::Fraction steps) {
  return units::round_significant(steps.value(), 9);
}

/// Nearest multiple of `step`, halves away from zero.
inline units::Volume round_to_nearest(units::Volume v, units::Volume step) {
  return std::round(clean_steps(v / step)) * step;
}

/// The largest multiple of `step` not above `cap` (a capped volume keeps the rounding).
inline units::Volume floor_to_multiple(units::Volume cap, units::Volume step) {
  const units::Volume floored = std::floor(clean_steps(cap / step)) * step;
  // A cap that is itself a multiple stays exactly the cap; nothing ends above it, not by 1 ulp.
  if (units::nearly_equal(floored, cap) || floored.value() > cap.value()) return cap;
  return floored;
}

/// A cap in the protocol's rounding: floored to a multiple of the step when it rounds.
inline units::Volume capped_at(units::Volume cap, const protocol::ExchangeSettings& s) {
  return s.round_to ? floor_to_multiple(cap, *s.round_to) : cap;
}

}  // namespace lb::volume::kernel
