// Quantity types the simulator needs beyond core/units: amounts of substance (mmol of
// citrate, calcium, bicarbonate), amount rates (mmol/min), body temperature and heat, the
// heart rate. Like core/units, values are coherent SI inside (mol, K, W, 1/s); the clinical
// units exist only in the factory and extractor names. The extractors divide by a unit
// quantity (a dimensionless result converts to double), so no bare SI value leaves here.
#pragma once

#include <boost/units/systems/si/amount.hpp>
#include <boost/units/systems/si/power.hpp>
#include <boost/units/systems/si/temperature.hpp>

#include "units/quantities.hpp"

namespace lb::sim {

namespace bu = boost::units;
namespace si = boost::units::si;

using amount_rate_dimension =
    bu::derived_dimension<bu::amount_base_dimension, 1, bu::time_base_dimension, -1>::type;

using Amount = bu::quantity<si::amount>;                                       // mol
using AmountRate = bu::quantity<bu::unit<amount_rate_dimension, si::system>>;  // mol/s
/// Absolute temperature (K); °C only through celsius()/in_celsius().
using Temperature = bu::quantity<si::temperature>;
using Power = bu::quantity<si::power>;          // W
using Frequency = bu::quantity<si::frequency>;  // 1/s: heart and breathing rates

constexpr Amount mmol(double v) { return Amount::from_value(v * 1e-3); }
constexpr AmountRate mmol_per_min(double v) { return AmountRate::from_value(v * 1e-3 / 60.0); }
constexpr AmountRate mmol_per_hour(double v) { return AmountRate::from_value(v * 1e-3 / 3600.0); }
constexpr Temperature celsius(double v) { return Temperature::from_value(v + 273.15); }
constexpr Power watts(double v) { return Power::from_value(v); }
constexpr Frequency per_minute(double v) { return Frequency::from_value(v / 60.0); }

inline double in_mmol(Amount a) { return a / mmol(1.0); }
inline double in_mmol_per_min(AmountRate r) { return r / mmol_per_min(1.0); }
inline double in_mmol_per_hour(AmountRate r) { return r / mmol_per_hour(1.0); }
/// (T − 0 °C) in °C: the difference of two absolute temperatures divided by one kelvin.
inline double in_celsius(Temperature t) {
  return (t - celsius(0.0)) / (celsius(1.0) - celsius(0.0));
}
inline double in_watts(Power p) { return p / watts(1.0); }
inline double in_per_minute(Frequency f) { return f / per_minute(1.0); }

}  // namespace lb::sim
