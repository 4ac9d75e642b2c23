// Name tables of the bridge enums (text::EnumNames: one table serves to_string and the
// rule-file reader).
#pragma once

#include <string_view>

#include "bridge/observation.hpp"
#include "bridge/rule.hpp"
#include "bridge/status.hpp"
#include "text/enum_names.hpp"

namespace lb::bridge {

inline constexpr auto kFamilyNames = text::enum_names<Family>({
    {Family::futility, "futility"},
    {Family::listing, "listing"},
    {Family::stop, "stop"},
    {Family::efficacy, "efficacy"},
    {Family::prediction, "prediction"},
});
inline constexpr auto kVerificationNames = text::enum_names<Verification>({
    {Verification::read, "read"},
    {Verification::secondary, "secondary"},
    {Verification::unverified, "unverified"},
});
inline constexpr auto kAnchorNames = text::enum_names<Anchor>({
    {Anchor::none, "none"},
    {Anchor::before_first_exchange, "before_first_exchange"},
    {Anchor::icu_admission, "icu_admission"},
    {Anchor::aclf_diagnosis, "aclf_diagnosis"},
    {Anchor::course_start, "course_start"},
});
inline constexpr auto kComparatorNames = text::enum_names<Comparator>({
    {Comparator::less, "<"},
    {Comparator::at_most, "<="},
    {Comparator::greater, ">"},
    {Comparator::at_least, ">="},
});
inline constexpr auto kRequirementNames = text::enum_names<Requirement>({
    {Requirement::before_exchange, "before_exchange"},
    {Requirement::equilibrated, "equilibrated"},
    {Requirement::after_resuscitation, "after_resuscitation"},
});
inline constexpr auto kTagNames = text::enum_names<Tag>({
    {Tag::before_exchange, "before_exchange"},
    {Tag::pre_session, "pre_session"},
    {Tag::post_session, "post_session"},
    {Tag::efficacy, "efficacy"},
    {Tag::untagged, "untagged"},
});
inline constexpr auto kCandidacyNames = text::enum_names<Candidacy>({
    {Candidacy::candidate, "candidate"},
    {Candidacy::under_evaluation, "under_evaluation"},
    {Candidacy::listed, "listed"},
    {Candidacy::not_candidate, "not_candidate"},
});
inline constexpr auto kStatusNames = text::enum_names<Status>({
    {Status::met, "met"},
    {Status::not_met, "not_met"},
    {Status::not_evaluable, "not_evaluable"},
    {Status::sources_disagree, "sources_disagree"},
});

/// Words for people: "met", "not met", "not evaluable", "sources disagree".
std::string_view status_words(Status s);
/// "before any FFP or plasma exchange", "pre-session", "immediately post-session", ...
std::string_view tag_words(Tag t);
/// "≥", "≤", ">", "<"
std::string_view comparator_sign(Comparator c);
std::string_view anchor_words(Anchor a);
std::string_view family_words(Family f);
/// "a transplant candidate", "under evaluation for transplant", "listed for transplant",
/// "not a transplant candidate"
std::string_view candidacy_words(Candidacy c);
/// The same for a cohort, after "patients": "who are not transplant candidates", ...
std::string_view candidacy_cohort_words(Candidacy c);

}  // namespace lb::bridge
