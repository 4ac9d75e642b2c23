#include "cohort/evaluate.hpp"

#include <algorithm>
#include <stdexcept>

#include "cohort/fast_volume.hpp"
#include "scores/score_inputs.hpp"
#include "session/figure.hpp"
#include "session/replacement.hpp"
#include "session/replacement_mix.hpp"

namespace lb::cohort {

namespace {

using eligibility::Outcome;
using eligibility::Verdict;

/// The verdict level a triggered rule of this severity gives (as eligibility/evaluate.cpp).
Verdict impact(eligibility::Severity s) {
  switch (s) {
    case eligibility::Severity::absolute: return Verdict::not_eligible;
    case eligibility::Severity::relative: return Verdict::relative_contraindication;
    case eligibility::Severity::caution: return Verdict::eligible_with_cautions;
  }
  return Verdict::not_eligible;
}

/// Eligibility::decisive() on bare outcomes.
void decisive_rules(const std::vector<eligibility::Rule>& rules,
                    const std::vector<Outcome>& outcomes, Verdict verdict,
                    std::vector<std::size_t>& out) {
  out.clear();
  Verdict worst = Verdict::eligible;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (eligibility::is_triggered(rules[i].kind, outcomes[i])) {
      worst = std::max(worst, impact(rules[i].severity));
    }
  }
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const Verdict level = impact(rules[i].severity);
    const bool deciding =
        verdict == Verdict::cannot_decide
            ? outcomes[i] == Outcome::cannot_decide && level > worst
            : eligibility::is_triggered(rules[i].kind, outcomes[i]) && level == verdict;
    if (deciding) out.push_back(i);
  }
}

/// FFP units per session as session::replacement_orders counts them
/// (replacement.cpp): exchange × fluid balance × FFP share, whole units up.
int ffp_units(const protocol::ReplacementSettings& r, units::Volume exchange) {
  const units::Volume replaced = exchange * r.fluid_balance;
  const units::Volume ffp = replaced * session::ffp_share(r, replaced);
  return session::detail::whole_ceiling(ffp / r.ffp_unit_volume);
}

void copy_scores(const scores::ScoreValues& from,
                 std::array<CohortScore, scores::kScoreCount>& to) {
  for (std::size_t i = 0; i < scores::kScoreCount; ++i) {
    to[i].value = from.values[i].value;
    to[i].met = from.values[i].met;
    to[i].category.assign(from.values[i].category);
  }
}

}  // namespace

Evaluator::Evaluator(plan::PreparedProtocol protocol) : prepared_(std::move(protocol)) {
  if (!prepared_.protocol) throw std::invalid_argument("cohort: the protocol has errors");
  for (std::size_t i = 0; i < scores::kScoreCount; ++i) {
    const auto key = scores::to_string(static_cast<scores::ScoreKey>(i));
    if (const eligibility::ScoreSpec* spec = eligibility::find_score(key)) {
      columns_[i] = {spec->has_value || spec->has_met, !spec->categories.empty()};
    }
  }
}

void Evaluator::prepare(RowResult& out) const {
  out.outcomes.resize(protocol().eligibility.rules.size());
  out.plan_error.clear();
  out.ffp_units.reset();
}

bool Evaluator::evaluate_full(const patient::Patient& patient, RowResult& out) const {
  prepare(out);
  const plan::PlanAttempt attempt = full_plan(patient);
  if (attempt.refused()) {
    out.plan_error = attempt.problems.empty() ? std::string(plan::to_string(attempt.refusal))
                                              : attempt.problems.front();
    return false;
  }
  const plan::Plan* plan = &*attempt.plan;
  const eligibility::Eligibility& e = *plan->eligibility;
  out.verdict = e.verdict;
  out.decisive.clear();
  const auto& rules = protocol().eligibility.rules;
  for (const auto& id : e.decisive()) {
    const auto it =
        std::find_if(rules.begin(), rules.end(), [&](const auto& r) { return r.id == id; });
    out.decisive.push_back(static_cast<std::size_t>(it - rules.begin()));
  }
  // The categories point into plan->scores: copied before the plan goes.
  copy_scores(scores::score_values(plan->scores), out.scores);
  out.plasma_volume = plan->plasma_volume.value;
  out.exchange = plan->exchange.volume.value;
  if (const auto& r = protocol().session.replacement) {
    const session::ReplacementInputs in{plan->exchange.volume, patient.labs.inr,
                                        std::max(1, protocol().schedule.sessions), ""};
    try {
      out.ffp_units = session::replacement_orders(*r, in).ffp_units.value;
    } catch (const std::invalid_argument& why) {
      out.plan_error = std::string("cannot order the replacement: ") + why.what();
      return false;
    }
  }
  return true;
}

plan::PlanAttempt Evaluator::full_plan(const patient::Patient& patient,
                                       const std::string& patient_file) const {
  // No overrides and no course start: a cohort row has neither.
  return plan::plan_from_read(patient::PatientLoad{patient, {}}, patient_file, prepared_, {});
}

bool Evaluator::evaluate(const patient::Patient& patient, RowResult& out) const {
  const auto exchange = fast_exchange(protocol(), patient);
  // A patient the volume engine might refuse: let make_plan decide, and say why.
  if (!exchange) return evaluate_full(patient, out);
  prepare(out);
  const scores::ScoreValues values =
      scores::score_values(scores::score_inputs(patient), protocol().scores);
  out.verdict = eligibility::decide(protocol().eligibility, patient, values, out.outcomes);
  decisive_rules(protocol().eligibility.rules, out.outcomes, out.verdict, out.decisive);
  copy_scores(values, out.scores);
  out.plasma_volume = exchange->plasma_volume;
  out.exchange = exchange->volume;
  if (const auto& r = protocol().session.replacement) out.ffp_units = ffp_units(*r, out.exchange);
  return true;
}

}  // namespace lb::cohort
