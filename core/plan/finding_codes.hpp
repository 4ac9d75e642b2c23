// The plan's own finding codes (eligibility, indication, schedule and course
// re-checks; plan.cpp, plan_eligibility.cpp, plan_course.cpp), with their words.
#pragma once

#include <array>

#include "diag/finding.hpp"

namespace lb::plan::codes {

inline constexpr diag::FindingCode kNotEligible{
    "eligibility.not_eligible", "Not eligible",
    "An absolute rule of the protocol excludes the patient: the plan is not ready."};
inline constexpr diag::FindingCode kRelativeContraindication{
    "eligibility.relative_contraindication", "Relative contraindication",
    "A relative contraindication applies and no reason to proceed is recorded: the plan is not "
    "ready."};
inline constexpr diag::FindingCode kOverride{
    "eligibility.override", "Contraindication overridden",
    "A relative contraindication applies; the plan proceeds on the recorded reason."};
inline constexpr diag::FindingCode kCaution{"eligibility.caution", "Caution",
                                            "A caution rule of the protocol applies."};
inline constexpr diag::FindingCode kCannotDecide{
    "eligibility.cannot_decide", "Eligibility rule undecided",
    "Values are missing to decide a rule of the protocol; enter them to decide it."};
inline constexpr diag::FindingCode kNotIndicated{
    "protocol.not_indicated", "Diagnosis not listed",
    "The protocol is not written for this patient's diagnosis."};
inline constexpr diag::FindingCode kSessionDurationDefault{
    "schedule.session_duration_default", "Session duration assumed",
    "Neither a run time nor a session duration is known: end times are indicative."};
inline constexpr diag::FindingCode kAfterCourseDaysMax{
    "schedule.after_course_days_max", "Beyond the course length",
    "A session falls after the protocol's last course day."};
inline constexpr diag::FindingCode kSessionRecheck{
    "course.session_recheck", "Later session not clearly eligible",
    "The eligibility re-check with predicted labs before a later session is not eligible."};

// A formula used where it may not apply (the derivation's warnings, one finding each).
inline constexpr diag::FindingCode kBmiApplicability{
    "bmi.applicability", "Body mass index note",
    "The body mass index is computed from values outside its usual use."};
inline constexpr diag::FindingCode kIbwApplicability{
    "ideal_body_weight.applicability", "Ideal body weight outside its line",
    "The height is below where the ideal-body-weight line starts; the weight was floored or "
    "extrapolated."};
inline constexpr diag::FindingCode kTbvApplicability{
    "total_blood_volume.applicability", "Blood-volume formula may not apply",
    "The blood-volume formula is used outside the patients it was derived in, or its "
    "coefficients are unverified."};
inline constexpr diag::FindingCode kPvApplicability{
    "plasma_volume.applicability", "Plasma-volume formula unverified",
    "The plasma-volume formula or its coefficients are not verified in a cited source."};

inline constexpr std::array kFindingCodes = {kBmiApplicability,
                                             kIbwApplicability,
                                             kTbvApplicability,
                                             kPvApplicability,
                                             kNotEligible,
                                             kRelativeContraindication,
                                             kOverride,
                                             kCaution,
                                             kCannotDecide,
                                             kNotIndicated,
                                             kSessionDurationDefault,
                                             kAfterCourseDaysMax,
                                             kSessionRecheck};

}  // namespace lb::plan::codes
