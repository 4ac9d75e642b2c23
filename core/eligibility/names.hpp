// The eligibility engine's outcomes as the plan JSON spells them: one table
// per enum for to_string (evaluate.cpp) and any reader. The rule words
// (kind, severity, comparison) are protocol data: protocol/names.hpp.
#pragma once

#include "eligibility/eligibility.hpp"
#include "text/enum_names.hpp"

namespace lb::eligibility::names {

inline constexpr auto kOutcome = text::enum_names<Outcome>({
    {Outcome::met, "met"},
    {Outcome::not_met, "not_met"},
    {Outcome::cannot_decide, "cannot_decide"},
});
inline constexpr auto kVerdict = text::enum_names<Verdict>({
    {Verdict::eligible, "eligible"},
    {Verdict::eligible_with_cautions, "eligible_with_cautions"},
    {Verdict::relative_contraindication, "relative_contraindication"},
    {Verdict::not_eligible, "not_eligible"},
    {Verdict::cannot_decide, "cannot_decide"},
});

static_assert(kOutcome.unique() && kVerdict.unique());

}  // namespace lb::eligibility::names
