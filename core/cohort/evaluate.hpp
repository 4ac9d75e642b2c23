// One patient of a cohort under one protocol: the eligibility verdict and the
// rules that decided it, the scores, the exchange volume per session and the
// FFP units. Two ways to the same numbers: `evaluate_full` makes the plan
// through plan::plan_from_read exactly as `liverbridge plan` does; `evaluate` is the
// numeric hot path (scores::score_values, eligibility::decide, the volume
// mirror of fast_volume.hpp: no explanation texts, no allocation per patient
// once `out` has been used), proven equal to it by tests/unit/cohort.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "eligibility/eligibility.hpp"
#include "patient/patient.hpp"
#include "plan/plan_sources.hpp"
#include "protocol/protocol.hpp"
#include "scores/score_values.hpp"
#include "units/quantities.hpp"

namespace lb::cohort {

/// One score's numbers as the cohort reports them.
struct CohortScore {
  std::optional<double> value;
  std::optional<bool> met;
  std::string category;  ///< "II", "ACLF-1a" (short: no allocation); "" if none

  bool operator==(const CohortScore&) const = default;
};

struct RowResult {
  eligibility::Verdict verdict = eligibility::Verdict::cannot_decide;
  /// Indices into protocol.eligibility.rules of the rules that decided the
  /// verdict (eligibility::Eligibility::decisive).
  std::vector<std::size_t> decisive;
  /// Every score, indexed by scores::ScoreKey (the order of a ScoreSet).
  std::array<CohortScore, scores::kScoreCount> scores;
  units::Volume plasma_volume;
  units::Volume exchange;  ///< per session, as plan.exchange.volume
  /// FFP units per session when the protocol's replacement gives them.
  std::optional<int> ffp_units;
  /// Set when the plan cannot be made for this patient (make_plan throws):
  /// the reason, as `liverbridge plan` reports it. Nothing else is valid then.
  std::string plan_error;
  /// Scratch for the rule outcomes (hot path).
  std::vector<eligibility::Outcome> outcomes;
};

class Evaluator {
 public:
  /// `protocol` must have loaded (throws std::invalid_argument otherwise); its hash is the
  /// one every full plan carries. Thread-safe: every call is const.
  explicit Evaluator(plan::PreparedProtocol protocol);

  [[nodiscard]] const protocol::Protocol& protocol() const { return *prepared_.protocol; }

  /// The result columns of each score (ScoreKey order): a value column
  /// (numbers, or true/false for criteria) and/or a category column.
  struct ScoreColumns {
    bool value = true;
    bool category = false;
  };
  [[nodiscard]] const std::array<ScoreColumns, scores::kScoreCount>& score_columns() const {
    return columns_;
  }

  /// Hot path. Returns false (and sets out.plan_error) when no plan can be made.
  bool evaluate(const patient::Patient& patient, RowResult& out) const;
  /// The whole plan, as `liverbridge plan` makes it (for tests and checks).
  bool evaluate_full(const patient::Patient& patient, RowResult& out) const;
  /// The plan evaluate_full reads its numbers from (a row has no file name: "" unless given).
  [[nodiscard]] plan::PlanAttempt full_plan(const patient::Patient& patient,
                                            const std::string& patient_file = "") const;

 private:
  void prepare(RowResult& out) const;

  plan::PreparedProtocol prepared_;
  std::array<ScoreColumns, scores::kScoreCount> columns_{};
};

}  // namespace lb::cohort
