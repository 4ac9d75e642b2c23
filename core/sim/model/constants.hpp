// Named constants of the sub-models that are definitions, chemistry or display conventions,
// not physiology a scenario should tune (those are Parameters, parameters.hpp). Each has its
// source here and in docs/simulation.md §Named constants.
#pragma once

#include <array>

namespace lb::sim::kernel {

/// °C: normal core temperature. The patient starts at it, and the losses to the room balance
/// the metabolic heat at it (thermal.cpp).
inline constexpr double kBodyTemperature = 37.0;
/// Normal arterial pH: the transcellular potassium shift is counted from it (potassium.cpp).
inline constexpr double kNormalPh = 7.40;

/// mL/min: the lowest whole-blood flow the circuit-cooling formula divides by (a numerical
/// floor: cooling grows as the flow falls, and a stopped pump must not divide by zero).
inline constexpr double kCoolingFlowFloor = 10.0;
/// mL/min: the flow whose pull the access-pressure display shows when the access delivers
/// nothing (a display convention: a fully occluded access reads as a very negative pressure).
inline constexpr double kOccludedAccessFlow = 1000.0;

/// A point of a piecewise-linear curve.
struct CurvePoint {
  double x;
  double y;
};

// ATLS classes of haemorrhage (American College of Surgeons, Advanced Trauma Life Support,
// 10th ed. 2018: class I ≤ 15 % lost, pressure normal, HR < 100; II 15–30 %, systolic normal,
// HR 100–120; III 30–40 %, pressure falls, HR 120–140; IV > 40 %, HR > 140). The classes are
// published; the points between them (the size of the fall) are this model's choice.
/// MAP factor by the share of blood volume lost.
inline constexpr std::array<CurvePoint, 5> kMapByLoss{
    {{0.0, 1.0}, {0.15, 0.97}, {0.30, 0.90}, {0.40, 0.70}, {0.50, 0.45}}};
/// Heart-rate target (/min) by the share lost, from the class I/II boundary on (below 15 %
/// the rate rises linearly from the patient's own to the first point).
inline constexpr std::array<CurvePoint, 4> kHeartRateByLoss{
    {{0.15, 100.0}, {0.30, 120.0}, {0.40, 140.0}, {0.50, 160.0}}};

}  // namespace lb::sim::kernel
