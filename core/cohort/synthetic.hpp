// Synthetic cohorts for the tests and the benchmark (bench/cohort_bench.cpp):
// deterministic pseudo-random patients as CSV rows, row i depending only on
// (seed, i), so that any slice can be generated alone. Values span the
// plausible ranges, hit the score and rule thresholds exactly now and then
// (15 and 25 mg/dL bilirubin, INR 1.8, platelets 20 10^9/L ...), leave
// optional values empty, and include patients the volume formulas refuse.
// Not clinical data: no distribution here claims to be realistic.
#pragma once

#include <cstdint>
#include <string>

namespace lb::cohort {

/// The header of the synthetic CSV (units as named there).
std::string synthetic_header();

/// Appends row `index` (0-based) of the cohort `seed`, with its line break.
void append_synthetic_row(std::string& out, std::uint64_t seed, std::uint64_t index);

}  // namespace lb::cohort
