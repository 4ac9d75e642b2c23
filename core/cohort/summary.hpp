// The summary of a cohort run: rows read, evaluated and skipped, patients
// per verdict, the exchange volume per session (total and percentiles) and
// FFP units. Memory does not grow with the number of rows: percentiles come
// from a histogram of whole millilitres (the volume as the plan shows it).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "eligibility/eligibility.hpp"
#include "units/quantities.hpp"

namespace lb::cohort {

struct Summary {
  std::size_t rows = 0;                      ///< patient rows read (blank lines not counted)
  std::size_t evaluated = 0;                 ///< rows with a result
  std::size_t skipped = 0;                   ///< rows with a bad value (reported, not evaluated)
  std::size_t not_planned = 0;               ///< rows whose plan cannot be made (reported)
  std::array<std::size_t, 5> per_verdict{};  ///< indexed by eligibility::Verdict
  units::Volume exchange_total;              ///< sum of the volumes per session
  /// Rows with FFP units, and their sum (units per session).
  std::size_t ffp_rows = 0;
  std::uint64_t ffp_units_total = 0;
  /// Count of evaluated rows per whole mL of exchange volume per session.
  std::vector<std::uint64_t> volume_histogram;

  /// Adds one evaluated row.
  void add(eligibility::Verdict verdict, units::Volume exchange, std::optional<int> ffp_units);
  /// Adds another (partial) summary: counts, totals and histogram.
  void merge(const Summary& other);
  /// Nearest-rank percentile (0 < p <= 100) of the exchange volume per
  /// session, in whole mL; nullopt when nothing was evaluated.
  [[nodiscard]] std::optional<std::uint64_t> percentile_ml(double p) const;
};

/// The exchange volume as the plan shows it: whole mL, halves away from zero
/// (text::fixed at 0 decimals).
std::uint64_t shown_ml(units::Volume v);

/// The summary as text lines ("verdict eligible: 812" ...), for stderr/stdout.
std::string summary_text(const Summary& s);

}  // namespace lb::cohort
