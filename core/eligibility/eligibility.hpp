// Evaluating a protocol's eligibility rules for one patient (LiverBridge clinical reference §8,
// §19, §5). Works on any Patient — the one from the file, or one with labs
// predicted for a later session — and the scores computed from it. Missing
// data never passes: a rule that needs it is `cannot_decide`, and when such a
// rule could change the verdict, so is the verdict.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "patient/patient.hpp"
#include "protocol/asfa.hpp"
#include "protocol/eligibility_rules.hpp"
#include "scores/score_result.hpp"
#include "scores/score_values.hpp"

namespace lb::eligibility {

enum class Outcome : std::uint8_t { met, not_met, cannot_decide };
/// Ordered from best to worst; cannot_decide is reported instead when an
/// undecidable rule could make the verdict worse.
enum class Verdict : std::uint8_t {
  eligible,
  eligible_with_cautions,
  relative_contraindication,
  not_eligible,
  cannot_decide,
};

std::string_view to_string(Outcome o);
std::string_view to_string(Verdict v);

/// One value that decided a leaf of a rule.
struct Evidence {
  std::string name;             ///< "labs.platelets", "aarc"
  std::optional<double> value;  ///< in `unit` (the rule's unit), when numeric
  std::string unit;             ///< "10^9/L", "" for plain numbers
  std::string display;          ///< "18 10^9/L", "true", "ACLF-2", "missing"
  std::string condition;        ///< "≤ 20 10^9/L"
  Outcome outcome = Outcome::cannot_decide;
};

struct RuleResult {
  model::RuleId id;
  RuleKind kind = RuleKind::contraindication;
  Severity severity = Severity::absolute;
  Outcome outcome = Outcome::cannot_decide;
  /// The rule counts against the patient: a contraindication met or an
  /// indication not met.
  bool triggered = false;
  std::vector<Evidence> decided_by;
  std::string message;
  std::string source;           ///< source id
  std::string override_reason;  ///< the reason the team recorded for overriding it; "" if none
};

struct Eligibility {
  Verdict verdict = Verdict::eligible;
  std::vector<RuleResult> rules;
  AsfaResult asfa;
  /// Relative contraindications that are triggered and have no override reason.
  [[nodiscard]] std::vector<const RuleResult*> unresolved_relative() const;
  /// Rule ids that decided the verdict (triggered at the verdict's level, or
  /// undecidable when the verdict is cannot_decide).
  [[nodiscard]] std::vector<model::RuleId> decisive() const;
};

/// Rule id -> reason for each relative rule the team overrides.
using Overrides = std::vector<std::pair<model::RuleId, std::string>>;

/// Why an override cannot be applied. Core states the finding; each front end
/// words it for where the override came from (the command line's `--override`,
/// a stored plan, the window's reason box).
struct OverrideProblem {
  enum class Kind {
    unknown_rule,  ///< the protocol has no rule with this id
    not_relative,  ///< the rule exists but is absolute or a caution
    no_reason,     ///< the reason is blank
  };
  model::RuleId rule_id;
  Kind kind = Kind::unknown_rule;
  Severity severity = Severity::relative;  ///< not_relative: the rule's severity
  std::string did_you_mean;                ///< unknown_rule: the closest rule id, or ""
};

/// Checks overrides against the rules: each must name a relative rule and
/// give a non-empty reason. Returns one problem per bad override.
std::vector<OverrideProblem> check_overrides(const Settings& settings, const Overrides& overrides);

/// The problem in words that name no front end: "the protocol has no eligibility
/// rule 'sepsys' (did you mean 'sepsis'?)", "rule 'plt' is absolute; only relative
/// rules can be overridden", "no reason is given for overriding rule 'sepsis'".
std::string describe(const OverrideProblem& problem);

/// Evaluates every rule; `scores` must be computed from `patient`.
Eligibility evaluate_eligibility(const Settings& settings, const patient::Patient& patient,
                                 const scores::ScoreSet& scores, const Overrides& overrides = {});

/// The same decision without any text (for the cohort's hot path): fills
/// `outcomes` (one per rule, same order) and returns the verdict. Identical to
/// evaluate_eligibility's verdict and outcomes (tested).
Verdict decide(const Settings& settings, const patient::Patient& patient,
               const scores::ScoreSet& scores, std::span<Outcome> outcomes);
/// The same from the text-free score numbers (scores::score_values): no heap
/// allocation per patient. Identical verdict and outcomes (tested).
Verdict decide(const Settings& settings, const patient::Patient& patient,
               const scores::ScoreValues& scores, std::span<Outcome> outcomes);

/// The verdict that rule outcomes give (shared by both paths).
Verdict verdict_for(const std::vector<Rule>& rules, std::span<const Outcome> outcomes);

/// Whether a rule with this outcome counts against the patient.
bool is_triggered(RuleKind kind, Outcome outcome);

}  // namespace lb::eligibility
