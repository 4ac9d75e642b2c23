// Eligibility words exactly as protocol YAML and the plan JSON spell them: one
// table per enum, read by the protocol loader (read_eligibility.cpp) and
// written by to_string (rules.cpp, evaluate.cpp).
#pragma once

#include "eligibility/eligibility.hpp"
#include "eligibility/rules.hpp"
#include "text/enum_names.hpp"

namespace lb::eligibility::names {

inline constexpr auto kRuleKind = text::enum_names<RuleKind>({
    {RuleKind::indication, "indication"},
    {RuleKind::contraindication, "contraindication"},
});
inline constexpr auto kSeverity = text::enum_names<Severity>({
    {Severity::absolute, "absolute"},
    {Severity::relative, "relative"},
    {Severity::caution, "caution"},
});
inline constexpr auto kOp = text::enum_names<Op>({
    {Op::below, "below"},
    {Op::at_most, "at_most"},
    {Op::above, "above"},
    {Op::at_least, "at_least"},
    {Op::between, "between"},
    {Op::in, "in"},
    {Op::is, "is"},
    {Op::met, "met"},
    {Op::category_in, "category_in"},
});
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

static_assert(kRuleKind.unique() && kSeverity.unique() && kOp.unique() && kOutcome.unique() &&
              kVerdict.unique());

}  // namespace lb::eligibility::names
