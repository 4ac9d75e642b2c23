// The result CSV (docs/cohort.md "Output"): its header and one line per
// evaluated patient, appended to a buffer without allocating per row.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "cohort/evaluate.hpp"
#include "patient/patient.hpp"

namespace lb::cohort {

/// "row,id,verdict,decisive_rules,meld,...,ffp_units_per_session\n".
std::string result_header(const Evaluator& evaluator);

/// Appends the patient's result line.
void append_result(std::string& out, std::size_t row, const patient::Patient& patient,
                   const RowResult& result, const Evaluator& evaluator);

}  // namespace lb::cohort
