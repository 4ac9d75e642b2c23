// INR derived from the predicted prothrombin activity (protocol `kinetics.inr.model:
// from_prothrombin_activity`), so the INR follows the factor activity that FFP supplies and
// that decays back towards what the failing liver synthesises, instead of being mixed by
// volume as if it were a concentration.
//
// A laboratory reports prothrombin activity A (Quick %) by reading the patient's prothrombin
// time off its calibration curve, made from dilutions of normal plasma: the clotting time is
// a hyperbola in the concentration, PT = a + b/A (linear in 1/A). The INR is the time ratio to
// the normal time raised to the thromboplastin's International Sensitivity Index:
// INR = (PT/PT_normal)^ISI. With R = PT/PT_normal and the normal plasma at A = 1 (R = 1):
//   R(A) = 1 − β + β/A,        INR(A) = R(A)^ISI
// The curve's one unknown β (the laboratory's b over a + b) is fixed by the patient's own
// measured pair (A0, INR0), both from one draw: R0 = INR0^(1/ISI), β = (R0 − 1)·A0/(1 − A0).
// So the INR at the measured activity is the measured INR whatever the ISI, and the curve
// needs no laboratory constants beyond the ISI (a protocol value with its range).
// A converted value is never shown as measured: this is used only for predicted values.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kinetics/predict.hpp"

namespace lb::kinetics {

/// The reason predict_solute gives for an INR of this model: plan_course derives it.
inline constexpr std::string_view kDerivedFromActivity =
    "INR is derived from the predicted prothrombin activity (model from_prothrombin_activity)";

inline constexpr std::string_view kInrFromActivityFormula =
    "INR = (1 − β + β/A)^ISI, β = (R0 − 1)·A0/(1 − A0), R0 = INR0^(1/ISI): the prothrombin-time "
    "calibration hyperbola PT = a + b/A through normal plasma (A = 100 %, INR 1.0) and the "
    "patient's measured pair (A0, INR0)";

/// The patient's measured INR and prothrombin activity, from one draw.
struct InrAnchor {
  units::Fraction inr = units::fraction(1.0);
  units::Fraction activity = units::fraction(1.0);
};

/// Why the pair cannot anchor the curve; unset when it can (0 < A0 < 100 %, INR0 > 1).
std::optional<std::string> anchor_problem(const InrAnchor& anchor);

/// The INR at prothrombin activity `a` (> 0) on the curve through `anchor` with `isi`.
units::Fraction inr_at(units::Fraction a, const InrAnchor& anchor, units::Fraction isi);

/// INR's course from the prothrombin activity's course `activity` (same sessions), under the
/// protocol entry `k` (model from_prothrombin_activity): every value and band end mapped
/// through the curve, the band over the activity's band and the ISI's range. The patient's
/// measured INR and activity anchor the curve; without either, no prediction and the reason.
PredictionResult derive_inr(const protocol::SoluteKinetics& k, const SolutePrediction& activity,
                            const std::optional<LabValue>& inr0,
                            const std::optional<LabValue>& activity0, const std::string& citation);

}  // namespace lb::kinetics
