// The session engines' finding codes (replacement, citrate, separation, and
// the anticoagulation findings plan_session.cpp adds), with their words.
#pragma once

#include <array>

#include "diag/finding.hpp"

namespace lb::session::codes {

inline constexpr diag::FindingCode kFfpUnitsExceedVolume{
    "replacement.ffp_units_exceed_volume", "FFP units exceed the replacement volume",
    "The protocol's number of FFP units holds more than the volume to replace; FFP replaces "
    "the whole volume."};
inline constexpr diag::FindingCode kCitrateRateAboveLimit{
    "citrate.rate_above_limit", "Citrate rate above the limit",
    "The citrate infusion rate is above the protocol's limit for liver failure."};
inline constexpr diag::FindingCode kFfpCitrateNotCounted{
    "citrate.ffp_citrate_not_counted", "FFP citrate not counted",
    "The protocol gives no citrate content for FFP, so the citrate rate counts the "
    "anticoagulant only and understates the load."};
inline constexpr diag::FindingCode kCalciumRatioAlarm{
    "citrate.calcium_ratio_alarm", "Calcium ratio alarm",
    "The total/ionised calcium ratio is at or above the protocol's alarm: citrate "
    "accumulation."};
inline constexpr diag::FindingCode kAlkalosisRisk{
    "citrate.alkalosis_risk", "Alkalosis risk",
    "The FFP volume per session is at or above the protocol's threshold: metabolic alkalosis "
    "from the citrate load is expected."};
inline constexpr diag::FindingCode kInletCapped{
    "separation.inlet_capped", "Inlet flow lowered",
    "The AC infusion-rate limit lowers the inlet flow, so the session runs longer."};
inline constexpr diag::FindingCode kEcvAboveThreshold{
    "separation.ecv_above_threshold", "Extracorporeal volume high",
    "The circuit holds more of the blood volume than the protocol allows without priming."};
inline constexpr diag::FindingCode kNoAnticoagulant{
    "anticoagulation.none", "No anticoagulant",
    "The protocol's set-up runs without an anticoagulant; watch the circuit for clotting."};
inline constexpr diag::FindingCode kNoSeparation{
    "anticoagulation.no_separation", "Anticoagulation not computed",
    "The anticoagulation needs the run time, and the protocol has no separation section."};

inline constexpr std::array kFindingCodes = {
    kFfpUnitsExceedVolume, kCitrateRateAboveLimit, kFfpCitrateNotCounted,
    kCalciumRatioAlarm,    kAlkalosisRisk,         kInletCapped,
    kEcvAboveThreshold,    kNoAnticoagulant,       kNoSeparation};

}  // namespace lb::session::codes
