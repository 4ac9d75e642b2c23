// Named Boost.Units quantity types used by every core API, with factories and
// extractors for the clinical units. Values are stored in coherent SI so that
// every arithmetic expression is dimension-checked by the compiler; clinical
// units (mL, mg/dL, 10^9/L...) exist only in the factory/extractor names below.
#pragma once

#include <boost/units/base_dimension.hpp>
#include <boost/units/derived_dimension.hpp>
#include <boost/units/quantity.hpp>
#include <boost/units/systems/si/amount.hpp>
#include <boost/units/systems/si/dimensionless.hpp>
#include <boost/units/systems/si/frequency.hpp>
#include <boost/units/systems/si/length.hpp>
#include <boost/units/systems/si/mass.hpp>
#include <boost/units/systems/si/mass_density.hpp>
#include <boost/units/systems/si/pressure.hpp>
#include <boost/units/systems/si/surface_density.hpp>
#include <boost/units/systems/si/time.hpp>
#include <boost/units/systems/si/volume.hpp>
#include <cstdint>

namespace lb::units {

namespace bu = boost::units;
namespace si = boost::units::si;

using flow_dimension =
    bu::derived_dimension<bu::length_base_dimension, 3, bu::time_base_dimension, -1>::type;
using amount_concentration_dimension =
    bu::derived_dimension<bu::amount_base_dimension, 1, bu::length_base_dimension, -3>::type;
using number_concentration_dimension = bu::derived_dimension<bu::length_base_dimension, -3>::type;
using molar_mass_dimension =
    bu::derived_dimension<bu::mass_base_dimension, 1, bu::amount_base_dimension, -1>::type;
using volume_per_mass_dimension =
    bu::derived_dimension<bu::length_base_dimension, 3, bu::mass_base_dimension, -1>::type;

using Length = bu::quantity<si::length>;                          // m
using Mass = bu::quantity<si::mass>;                              // kg
using Volume = bu::quantity<si::volume>;                          // m^3
using Duration = bu::quantity<si::time>;                          // s
using Flow = bu::quantity<bu::unit<flow_dimension, si::system>>;  // m^3/s
using MassConcentration = bu::quantity<si::mass_density>;         // kg/m^3 (= g/L)
using AmountConcentration =
    bu::quantity<bu::unit<amount_concentration_dimension, si::system>>;  // mol/m^3 (= mmol/L)
/// Cells per volume (platelets, WBC): 10^9/L = 10^12 per m^3.
using CellConcentration = bu::quantity<bu::unit<number_concentration_dimension, si::system>>;
using MolarMass = bu::quantity<bu::unit<molar_mass_dimension, si::system>>;           // kg/mol
using VolumePerMass = bu::quantity<bu::unit<volume_per_mass_dimension, si::system>>;  // m^3/kg
using Pressure = bu::quantity<si::pressure>;                                          // Pa
using BodyMassIndex = bu::quantity<si::surface_density>;                              // kg/m^2
/// Mass per body mass per time (vasopressor µg/kg/min, citrate mg/kg/min): 1/s.
using DoseRate = bu::quantity<si::frequency>;
/// Pure numbers: fractions (Hct 0.30), ratios (INR), multiples (1.5 plasma volumes).
using Fraction = bu::quantity<si::dimensionless>;
/// Flow per volume of blood: the AC infusion-rate limit, mL/min per L of total
/// blood volume (1/s). Boost.Units gives it the dimension of DoseRate (both are
/// 1/s), so the names below keep the two apart; ACIR × TBV is a Flow.
using FlowPerVolume = bu::quantity<si::frequency>;
/// One volume per volume of another (inlet:AC 10 = 10 mL of inlet per mL of AC).
using VolumeRatio = Fraction;

// ---- factories (clinical unit -> SI) -------------------------------------------------
constexpr Length meters(double v) { return Length::from_value(v); }
constexpr Length centimeters(double v) { return Length::from_value(v * 1e-2); }
constexpr Length inches(double v) { return Length::from_value(v * 0.0254); }
constexpr Length feet(double v) { return Length::from_value(v * 0.3048); }

constexpr Mass kilograms(double v) { return Mass::from_value(v); }
constexpr Mass grams(double v) { return Mass::from_value(v * 1e-3); }
constexpr Mass milligrams(double v) { return Mass::from_value(v * 1e-6); }
constexpr Mass pounds(double v) { return Mass::from_value(v * 0.45359237); }

constexpr Volume liters(double v) { return Volume::from_value(v * 1e-3); }
constexpr Volume milliliters(double v) { return Volume::from_value(v * 1e-6); }

constexpr Duration seconds(double v) { return Duration::from_value(v); }
constexpr Duration minutes(double v) { return Duration::from_value(v * 60.0); }
constexpr Duration hours(double v) { return Duration::from_value(v * 3600.0); }
constexpr Duration days(double v) { return Duration::from_value(v * 86400.0); }
/// Julian year (365.25 d), the convention for ages.
constexpr Duration years(double v) { return Duration::from_value(v * 365.25 * 86400.0); }
/// The time from one instant to another, each in whole seconds since 1970-01-01T00:00:00Z
/// (record and bridge time stamps); negative when `to_epoch_s` is the earlier.
constexpr Duration elapsed_between(std::int64_t from_epoch_s, std::int64_t to_epoch_s) {
  return seconds(static_cast<double>(to_epoch_s - from_epoch_s));
}

constexpr Flow ml_per_min(double v) { return Flow::from_value(v * 1e-6 / 60.0); }
constexpr Flow liters_per_hour(double v) { return Flow::from_value(v * 1e-3 / 3600.0); }

constexpr MassConcentration mg_per_dl(double v) { return MassConcentration::from_value(v * 1e-2); }
constexpr MassConcentration g_per_dl(double v) { return MassConcentration::from_value(v * 10.0); }
constexpr MassConcentration g_per_l(double v) { return MassConcentration::from_value(v); }
constexpr MassConcentration mg_per_l(double v) { return MassConcentration::from_value(v * 1e-3); }
constexpr MassConcentration ug_per_dl(double v) { return MassConcentration::from_value(v * 1e-5); }

constexpr AmountConcentration mmol_per_l(double v) { return AmountConcentration::from_value(v); }
constexpr AmountConcentration umol_per_l(double v) {
  return AmountConcentration::from_value(v * 1e-3);
}

/// 10^9 cells per litre (= 10^3/µL).
constexpr CellConcentration giga_per_liter(double v) {
  return CellConcentration::from_value(v * 1e12);
}

constexpr MolarMass g_per_mol(double v) { return MolarMass::from_value(v * 1e-3); }
constexpr VolumePerMass ml_per_kg(double v) { return VolumePerMass::from_value(v * 1e-6); }
constexpr VolumePerMass liters_per_kg(double v) { return VolumePerMass::from_value(v * 1e-3); }

constexpr Pressure mm_hg(double v) { return Pressure::from_value(v * 133.322387415); }
constexpr Pressure kilopascals(double v) { return Pressure::from_value(v * 1e3); }

constexpr BodyMassIndex kg_per_m2(double v) { return BodyMassIndex::from_value(v); }

constexpr DoseRate ug_per_kg_per_min(double v) { return DoseRate::from_value(v * 1e-9 / 60.0); }
constexpr DoseRate mg_per_kg_per_min(double v) { return DoseRate::from_value(v * 1e-6 / 60.0); }

constexpr FlowPerVolume ml_per_min_per_liter(double v) {
  return FlowPerVolume::from_value(v * 1e-6 / 60.0 / 1e-3);
}
constexpr VolumeRatio volume_ratio(double parts) { return VolumeRatio::from_value(parts); }

constexpr Fraction fraction(double v) { return Fraction::from_value(v); }
constexpr Fraction percent(double v) { return Fraction::from_value(v / 100.0); }

/// q > 0 (false for NaN): a guard before dividing by q or taking its share.
template <class Q>
constexpr bool positive(Q q) {
  return q > Q{};
}

// ---- extractors (SI -> clinical unit number, for printing and formula inputs) ---------
constexpr double in_meters(Length q) { return q.value(); }
constexpr double in_centimeters(Length q) { return q.value() / 1e-2; }
constexpr double in_inches(Length q) { return q.value() / 0.0254; }
constexpr double in_kilograms(Mass q) { return q.value(); }
constexpr double in_grams(Mass q) { return q.value() / 1e-3; }
constexpr double in_milligrams(Mass q) { return q.value() / 1e-6; }
constexpr double in_pounds(Mass q) { return q.value() / 0.45359237; }
constexpr double in_liters(Volume q) { return q.value() / 1e-3; }
constexpr double in_milliliters(Volume q) { return q.value() / 1e-6; }
constexpr double in_seconds(Duration q) { return q.value(); }
constexpr double in_minutes(Duration q) { return q.value() / 60.0; }
constexpr double in_hours(Duration q) { return q.value() / 3600.0; }
constexpr double in_days(Duration q) { return q.value() / 86400.0; }
constexpr double in_years(Duration q) { return q.value() / (365.25 * 86400.0); }
constexpr double in_ml_per_min(Flow q) { return q.value() / (1e-6 / 60.0); }
constexpr double in_liters_per_hour(Flow q) { return q.value() / (1e-3 / 3600.0); }
constexpr double in_mg_per_dl(MassConcentration q) { return q.value() / 1e-2; }
constexpr double in_g_per_dl(MassConcentration q) { return q.value() / 10.0; }
constexpr double in_g_per_l(MassConcentration q) { return q.value(); }
constexpr double in_mg_per_l(MassConcentration q) { return q.value() / 1e-3; }
constexpr double in_ug_per_dl(MassConcentration q) { return q.value() / 1e-5; }
constexpr double in_mmol_per_l(AmountConcentration q) { return q.value(); }
constexpr double in_umol_per_l(AmountConcentration q) { return q.value() / 1e-3; }
constexpr double in_giga_per_liter(CellConcentration q) { return q.value() / 1e12; }
constexpr double in_g_per_mol(MolarMass q) { return q.value() / 1e-3; }
constexpr double in_ml_per_kg(VolumePerMass q) { return q.value() / 1e-6; }
constexpr double in_mm_hg(Pressure q) { return q.value() / 133.322387415; }
constexpr double in_kilopascals(Pressure q) { return q.value() / 1e3; }
constexpr double in_kg_per_m2(BodyMassIndex q) { return q.value(); }
constexpr double in_ug_per_kg_per_min(DoseRate q) { return q.value() / (1e-9 / 60.0); }
constexpr double in_mg_per_kg_per_min(DoseRate q) { return q.value() / (1e-6 / 60.0); }
constexpr double in_ml_per_min_per_liter(FlowPerVolume q) {
  return q.value() / (1e-6 / 60.0 / 1e-3);
}
constexpr double in_parts(VolumeRatio q) { return q.value(); }
constexpr double in_fraction(Fraction q) { return q.value(); }
constexpr double in_percent(Fraction q) { return q.value() * 100.0; }

}  // namespace lb::units
