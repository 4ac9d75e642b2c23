// Harm exposure over a replayed run (replay.hpp samples every engine step): time with ionised
// calcium and mean arterial pressure below their harm thresholds, the extremes of T/iCa, pH
// and temperature, calcium given and the citrate load. Each threshold is a named value with
// its source; the figures are Boost.Units quantities.
#pragma once

#include <string_view>
#include <vector>

#include "sim/debrief/replay.hpp"
#include "sim/model/quantities.hpp"
#include "units/quantities.hpp"

namespace lb::sim::debrief {

struct Threshold {
  std::string_view what;
  double value;
  std::string_view unit, source;
};

/// Ionised calcium below which a step counts as harm.
inline constexpr Threshold kIcaHarm{
    "ionised calcium", 0.8, "mmol/L",
    "below the 0.82 mmol/L at which most plateletpheresis donors had perioral tingling "
    "(Szymanski IO) and below the 0.9 mmol/L of clinical signs and hypotension (Monchi M, "
    "Transfus Apher Sci 2017;56(1):28-30)"};
/// Mean arterial pressure below which a step counts as harm.
inline constexpr Threshold kMapHarm{
    "mean arterial pressure", 65.0, "mmHg",
    "the initial mean arterial pressure target of the Surviving Sepsis Campaign (Evans L, et "
    "al. Crit Care Med 2021;49:e1063-e1143)"};

/// The thresholds as quantities (what the scoring compares in).
inline constexpr units::AmountConcentration kIcaHarmLevel = units::mmol_per_l(kIcaHarm.value);
inline constexpr units::Pressure kMapHarmLevel = units::mm_hg(kMapHarm.value);

struct Harm {
  units::Duration ica_low;   ///< time with iCa < kIcaHarm
  units::Duration map_low;   ///< time with MAP < kMapHarm
  units::Duration harmed;    ///< time with either
  units::Duration observed;  ///< the time the samples cover
  units::Fraction max_ca_ratio;
  units::AmountConcentration min_ica;
  units::Fraction max_ph, min_ph;
  Temperature min_temperature;
  Amount calcium_given;  ///< boluses and infusions (the protocol's order included)
  Amount citrate_load;   ///< citrate reaching the patient: AC returned and FFP
};

/// `bolus_calcium`: calcium of the boluses given (boluses run for minutes, counted whole;
/// debrief.cpp computes it from the action log and the calcium products' content).
Harm harm_exposure(const std::vector<Sample>& samples, Amount bolus_calcium);

/// The composite score's harm share: 1 − (time harmed ÷ time observed).
double harm_score(const Harm& h);

}  // namespace lb::sim::debrief
