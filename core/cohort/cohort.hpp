// Cohort evaluation (docs/cohort.md): one patient per CSV row, each row's
// eligibility verdict, decisive rules, scores and exchange volume under one
// protocol, and a summary. Streaming: rows are read in chunks and evaluated
// on worker threads; output keeps the input order. A row with a bad value is
// reported with its row number and skipped; the run never aborts on data.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eligibility/eligibility.hpp"
#include "patient/patient.hpp"
#include "protocol/protocol.hpp"

namespace lb::cohort {

/// One CSV column: the patient field it fills and the unit of its numbers.
struct Column {
  std::string name;     ///< "bilirubin", as the header names it (without the unit)
  int field = -1;       ///< index into the column table (cohort.cpp)
  double si_per_unit = 1.0;
  units::Dimension dimension = units::Dimension::fraction;
};

struct Header {
  std::vector<Column> columns;
};

/// Parses the header line; problems (unknown column, missing unit, wrong
/// dimension, missing required column) go to `errors`.
std::optional<Header> parse_header(std::string_view line, std::vector<std::string>& errors);

/// Parses one data row into a patient; on failure returns nullopt and sets
/// `error` ("column 'weight': '7O' is not a number").
std::optional<patient::Patient> parse_row(const Header& header, std::string_view line,
                                          std::string& error);

/// The documented columns, for `--help` and docs: "bilirubin[mg/dL|umol/L]".
std::vector<std::string> documented_columns();

struct RowResult {
  eligibility::Verdict verdict = eligibility::Verdict::cannot_decide;
  std::vector<std::string> decisive;
  double exchange_ml = 0.0;
  bool plan_failed = false;  ///< a formula could not apply (reported as a row problem)
  std::string scores;        ///< "meld=25;aarc=9;..." (computed scores only)
};

/// Evaluates one patient exactly as `liverbridge plan` would (same scores,
/// same rules, same make_plan volume).
RowResult evaluate_patient(const patient::Patient& patient, const protocol::Protocol& protocol);

struct Summary {
  std::size_t rows = 0, evaluated = 0, skipped = 0;
  std::size_t per_verdict[5] = {0, 0, 0, 0, 0};  ///< indexed by eligibility::Verdict
  double exchange_total_ml = 0.0;
  std::vector<double> exchange_ml;  ///< every evaluated row (for percentiles)
};

struct Options {
  unsigned threads = 2;
  std::size_t chunk_rows = 4096;
};

/// Reads CSV from `in`, writes result CSV to `out`, row problems to `problems`
/// ("row 17: ..."). Returns nullopt when the header is unusable.
std::optional<Summary> run_cohort(std::istream& in, std::ostream& out, std::ostream& problems,
                                  const protocol::Protocol& protocol, const Options& options = {});

/// Counts, total and percentiles (P10, P50, P90) as text.
std::string summary_text(const Summary& s);

}  // namespace lb::cohort
