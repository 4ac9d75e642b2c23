// Cohort evaluation (docs/cohort.md): one patient per CSV row, each row's
// eligibility verdict, decisive rules, scores, exchange volume and FFP units
// under one protocol, and a summary. Streaming: rows are read in chunks and
// evaluated on worker threads; output keeps the input order and memory does
// not grow with the number of rows. A row with a bad value is reported with
// its row number and column and skipped; the run never aborts on data.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "cohort/summary.hpp"
#include "plan/plan_sources.hpp"

namespace lb::cohort {

struct Options {
  unsigned threads = 2;           ///< worker threads (at least 1)
  std::size_t chunk_rows = 4096;  ///< rows handed to a worker at a time
  /// Make the whole plan (plan::plan_from_read) for every row instead of the numeric hot path
  /// (slow; the results are the same: tests/unit/cohort).
  bool full_plan = false;
  /// Prefix of each problem line, e.g. the file name ("patients.csv: ").
  std::string problem_prefix;
};

struct RunResult {
  /// Set when the header could be read (the rows were then processed).
  std::optional<Summary> summary;
  /// Header problems ("column 3 'weight[stone]': unknown unit 'stone' ...").
  std::vector<std::string> header_errors;
  /// Row number of the header (1 unless blank lines come first).
  std::size_t header_row = 1;
};

/// Reads the cohort CSV from `in`, writes one result row per evaluated
/// patient (CSV, with a header) to `out`, and one line per skipped row to
/// `problems` ("row 17: column 'weight[kg]': '7O' is not a number; row
/// skipped"). Row numbers are line numbers (a record is one line), the header being row 1.
/// `protocol` must have loaded (plan::prepare_protocol of a load without errors).
RunResult run_cohort(std::istream& in, std::ostream& out, std::ostream& problems,
                     const plan::PreparedProtocol& protocol, const Options& options = {});

}  // namespace lb::cohort
