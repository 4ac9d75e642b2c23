// The protocol choices exactly as they are spelt in protocol YAML
// (protocols/README.md): one table per enum, read by the loaders
// (core/protocol/loader/) and written by to_string (protocol.cpp,
// session_settings.cpp, course_settings.cpp), so the two cannot disagree.
#pragma once

#include "protocol/course_settings.hpp"
#include "protocol/eligibility_rules.hpp"
#include "protocol/protocol.hpp"
#include "protocol/session_settings.hpp"
#include "text/enum_names.hpp"

namespace lb::protocol::names {

using eligibility::Op;
using eligibility::RuleKind;
using eligibility::Severity;

inline constexpr auto kBloodVolumeMethod = text::enum_names<BloodVolumeMethod>({
    {BloodVolumeMethod::nadler, "nadler"},
    {BloodVolumeMethod::weight_based, "weight_based"},
    {BloodVolumeMethod::lemmens, "lemmens"},
    {BloodVolumeMethod::gilcher, "gilcher"},
});
inline constexpr auto kPlasmaVolumeMethod = text::enum_names<PlasmaVolumeMethod>({
    {PlasmaVolumeMethod::hematocrit, "hematocrit"},
    {PlasmaVolumeMethod::kaplan, "kaplan"},
});
inline constexpr auto kIbwMethod = text::enum_names<IbwMethod>({
    {IbwMethod::devine, "devine"},
    {IbwMethod::robinson, "robinson"},
    {IbwMethod::miller, "miller"},
});
inline constexpr auto kShortStaturePolicy = text::enum_names<ShortStaturePolicy>({
    {ShortStaturePolicy::extrapolate, "extrapolate"},
    {ShortStaturePolicy::floor_at_base, "floor_at_base"},
});
inline constexpr auto kExchangeRule = text::enum_names<ExchangeRule>({
    {ExchangeRule::plasma_volumes, "plasma_volumes"},
    {ExchangeRule::percent_ibw, "percent_ibw"},
    {ExchangeRule::per_kg, "per_kg"},
    {ExchangeRule::fixed, "fixed"},
});
inline constexpr auto kWeightBasis = text::enum_names<WeightBasis>({
    {WeightBasis::actual, "actual"},
    {WeightBasis::ideal, "ideal"},
});
inline constexpr auto kReplacementMix = text::enum_names<ReplacementMix>({
    {ReplacementMix::ffp, "ffp"},
    {ReplacementMix::albumin, "albumin"},
    {ReplacementMix::fractions, "fractions"},
    {ReplacementMix::ffp_units, "ffp_units"},
});
inline constexpr auto kAnticoagulant = text::enum_names<Anticoagulant>({
    {Anticoagulant::citrate, "citrate"},
    {Anticoagulant::heparin, "heparin"},
    {Anticoagulant::none, "none"},
});
inline constexpr auto kAcdSolution = text::enum_names<AcdSolution>({
    {AcdSolution::acd_a, "ACD-A"},
    {AcdSolution::acd_b, "ACD-B"},
});
inline constexpr auto kSeparationTechnique = text::enum_names<SeparationTechnique>({
    {SeparationTechnique::centrifugal, "centrifugal"},
    {SeparationTechnique::membrane, "membrane"},
});
inline constexpr auto kSchedulePattern = text::enum_names<SchedulePattern>({
    {SchedulePattern::daily, "daily"},
    {SchedulePattern::alternate_days, "alternate_days"},
    {SchedulePattern::custom, "custom"},
    {SchedulePattern::daily_then_alternate, "daily_then_alternate"},
});
inline constexpr auto kSolute = text::enum_names<Solute>({
    {Solute::bilirubin, "bilirubin"},
    {Solute::ammonia, "ammonia"},
    {Solute::inr, "inr"},
    {Solute::factor_v, "factor_v"},
    {Solute::pta, "pta"},
    {Solute::albumin, "albumin"},
    {Solute::fibrinogen, "fibrinogen"},
    {Solute::igg, "igg"},
});
inline constexpr auto kKineticModel = text::enum_names<KineticModel>({
    {KineticModel::one_compartment, "one_compartment"},
    {KineticModel::replacement_aware, "replacement_aware"},
    {KineticModel::two_compartment, "two_compartment"},
    {KineticModel::from_prothrombin_activity, "from_prothrombin_activity"},
});
inline constexpr auto kStopComparison = text::enum_names<StopComparison>({
    {StopComparison::below, "below"},
    {StopComparison::above, "above"},
});

// Eligibility rules as protocol YAML spells them (the enums live in eligibility_rules.hpp).
inline constexpr auto kRuleKind = text::enum_names<RuleKind>({
    {RuleKind::indication, "indication"},
    {RuleKind::contraindication, "contraindication"},
});
inline constexpr auto kRuleSeverity = text::enum_names<Severity>({
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
static_assert(kRuleKind.unique() && kRuleSeverity.unique() && kOp.unique());
static_assert(kBloodVolumeMethod.unique() && kPlasmaVolumeMethod.unique() && kIbwMethod.unique() &&
              kShortStaturePolicy.unique() && kExchangeRule.unique() && kWeightBasis.unique() &&
              kReplacementMix.unique() && kAnticoagulant.unique() && kAcdSolution.unique() &&
              kSeparationTechnique.unique() && kSchedulePattern.unique() && kSolute.unique() &&
              kKineticModel.unique() && kStopComparison.unique());

}  // namespace lb::protocol::names
