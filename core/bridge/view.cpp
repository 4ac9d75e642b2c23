#include "bridge/view.hpp"

#include <algorithm>

#include "bridge/derive.hpp"
#include "bridge/names.hpp"
#include "bridge/prediction_check.hpp"

namespace lb::bridge {

namespace {

bool applies(const Rule& r, const std::string& diagnosis) {
  return r.diagnoses.empty() ||
         std::find(r.diagnoses.begin(), r.diagnoses.end(), diagnosis) != r.diagnoses.end();
}

bool decided(Status s) { return s == Status::met || s == Status::not_met; }

/// Pairs of conflicting rules in the block whose decided statuses differ, each pair once.
std::vector<Disagreement> disagreements(const std::vector<RuleResult>& rows) {
  std::vector<Disagreement> out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    for (std::size_t j = i + 1; j < rows.size(); ++j) {
      const auto& a = rows[i];
      const auto& b = rows[j];
      const auto& ca = a.rule->conflicts_with;
      const auto& cb = b.rule->conflicts_with;
      const bool linked = std::find(ca.begin(), ca.end(), b.rule->id) != ca.end() ||
                          std::find(cb.begin(), cb.end(), a.rule->id) != cb.end();
      if (linked && decided(a.status) && decided(b.status) && a.status != b.status) {
        out.push_back({a.rule->id, b.rule->id, a.status, b.status});
      }
    }
  }
  return out;
}

void finish(Block& b) {
  // Evaluated rules first, the unverified ones (listed, collapsed) after them.
  std::stable_partition(b.rows.begin(), b.rows.end(),
                        [](const RuleResult& r) { return r.evaluated; });
  b.disagreements = disagreements(b.rows);
}

}  // namespace

BridgeView build_view(const RuleSet& rules, const BridgeInputs& given) {
  BridgeInputs in = given;
  auto derived = derived_observations(in);
  in.observations.insert(in.observations.end(), derived.begin(), derived.end());
  BridgeView v;
  v.patient = in.patient;
  v.diagnosis = in.diagnosis;
  v.candidacy = in.candidacy;
  v.protocol = in.protocol;
  v.at = in.at;
  v.notes = in.notes;
  v.course_figures = std::move(derived);
  v.futility.title = std::string(family_words(Family::futility));
  v.listing.title = std::string(family_words(Family::listing));
  v.course.title = "Course and stop rules, efficacy items";
  for (const auto& rule : rules.rules) {
    if (!applies(rule, in.diagnosis)) continue;
    switch (rule.family) {
      case Family::futility: v.futility.rows.push_back(evaluate_rule(rule, in)); break;
      case Family::listing: v.listing.rows.push_back(evaluate_rule(rule, in)); break;
      case Family::stop:
      case Family::efficacy: v.course.rows.push_back(evaluate_rule(rule, in)); break;
      case Family::prediction:
        if (rule.evaluated()) {
          auto rows = prediction_rows(rule, in);
          v.predictions.insert(v.predictions.end(), rows.begin(), rows.end());
        } else {
          v.prediction_rules_unverified.push_back(evaluate_rule(rule, in));
        }
        break;
    }
  }
  finish(v.futility);
  finish(v.listing);
  finish(v.course);
  return v;
}

}  // namespace lb::bridge
