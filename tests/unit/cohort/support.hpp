// Helpers shared by the cohort tests: bundled protocols and synthetic
// patients parsed from the synthetic CSV (core/cohort/synthetic.hpp).
#pragma once

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "cohort/cohort.hpp"
#include "cohort/columns.hpp"
#include "cohort/csv.hpp"
#include "cohort/row_parser.hpp"
#include "cohort/synthetic.hpp"
#include "protocol/protocol_loader.hpp"

namespace lb::cohort::test {

inline protocol::Protocol bundled(const std::string& id) {
  const auto loaded = protocol::resolve_protocol(id, LB_SOURCE_DIR "/protocols");
  REQUIRE_MESSAGE(loaded.protocol.has_value(), "bundled protocol " << id << " does not load");
  return *loaded.protocol;
}

/// A protocol changed in the test (no text of its own): hashed as the empty text.
inline plan::PreparedProtocol prepared(const protocol::Protocol& protocol) {
  return plan::prepare_protocol(protocol::ProtocolLoad{protocol, "", "", {}});
}

inline std::vector<std::string> bundled_ids() {
  diag::Diagnostics problems;
  std::vector<std::string> ids;
  for (const auto& p : protocol::list_protocols(LB_SOURCE_DIR "/protocols", problems)) {
    ids.push_back(p.id);
  }
  return ids;
}

inline Header header_of(const std::string& line) {
  std::vector<std::string_view> cells;
  std::string scratch, error;
  REQUIRE(csv::split(line, cells, scratch, error));
  std::vector<std::string> errors;
  auto header = parse_header(cells, errors);
  REQUIRE_MESSAGE(header.has_value(), (errors.empty() ? std::string() : errors.front()));
  return *header;
}

/// Synthetic patients (rows the parser refuses are left out).
inline std::vector<patient::Patient> synthetic_patients(std::uint64_t seed, std::size_t n) {
  const Header header = header_of(synthetic_header());
  std::vector<patient::Patient> out;
  std::vector<std::string_view> cells;
  std::string scratch, error, row;
  for (std::size_t i = 0; i < n; ++i) {
    row.clear();
    append_synthetic_row(row, seed, i);
    REQUIRE(csv::split(row, cells, scratch, error));
    patient::Patient p;
    if (parse_row(header, cells, p, error)) out.push_back(std::move(p));
  }
  return out;
}

/// run_cohort on a string; returns {results, problems}.
struct Run {
  std::string results, problems;
  RunResult run;
};
inline Run run_on(const std::string& csv_text, const protocol::Protocol& protocol,
                  Options options = {}) {
  std::istringstream in(csv_text);
  std::ostringstream out, problems;
  Run r;
  r.run = run_cohort(in, out, problems, prepared(protocol), options);
  r.results = out.str();
  r.problems = problems.str();
  return r;
}

}  // namespace lb::cohort::test
