// Per-patient parameter draws: a scenario may give a physiology parameter as a distribution
// (`citrate_clearance: {mean: 0.15 L/min, sd: 0.05 L/min, min: 0.08 L/min, max: 0.4 L/min}`)
// instead of a fixed value, so each run's patient differs with the seed.
//
// The draws come from one stream of the run, named "patient" (random::Stream(seed,
// "patient")): the random events ("event/<id>") and the lab noise ("lab/...") have streams of
// their own, so adding an event, changing its probability or ordering a lab never changes a
// drawn value, and nothing the trainee does can either (the values are drawn before the first
// step). One normal deviate per drawn parameter, in the order the parameters are written in
// the file (fixed overrides draw nothing), by the project's own Box–Muller
// (random/distributions.hpp).
//
// Truncation by clamping: a value below min is min, above max is max (without min or max,
// the parameter's valid interval; at an open end, the nearest value inside it). Clamping
// always takes exactly one deviate, so a parameter's value depends only on the seed and its
// place in the list: widening one parameter's [min, max] never moves another's draw (a
// redraw would take an unknown number of deviates and shift every later parameter), and a
// degenerate interval (min = max) cannot loop. The cost is a little probability at the ends.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/model/parameters.hpp"
#include "sim/scenario/scenario.hpp"

namespace lb::sim::run {

/// The name of the stream the draws come from.
inline constexpr const char* kPatientStream = "patient";

struct DrawnParameter {
  std::string id;
  double value = 0.0;  ///< in the parameter's unit
  std::string unit;
  scenario::ParameterDraw from;
  std::uint64_t seed = 0;  ///< the run's seed
  diag::Location where;    ///< the distribution in the scenario file

  /// "N(0.15, 0.05) [0.08, 0.4] L/min" (an open side: "…").
  [[nodiscard]] std::string distribution() const;
  /// "citrate_clearance 0.131 L/min drawn from N(0.15, 0.05) [0.08, 0.4] L/min, seed 7".
  [[nodiscard]] std::string text() const;
};

/// Draws every distribution of `scenario.parameters` for the run seeded with `seed`, in file
/// order, into `parameters` (each drawn value becomes a scenario override whose source says
/// how it was drawn), and returns the draws.
std::vector<DrawnParameter> draw_parameters(const scenario::Scenario& scenario, std::uint64_t seed,
                                            Parameters& parameters);

/// The parameter sets at the ends of the draws: every drawn parameter at the lowest or the
/// highest value a draw can give, in every combination (up to 8 drawn parameters; beyond,
/// all lowest and all highest). With `described`, each set's drawn values as text
/// ("protein_binding 0.03 (mmol/L per mmol/L iCa) per g/L"). Empty without draws. The
/// preparation checks the starting state against each, so no seed can give a run whose start
/// the patient cannot take.
std::vector<Parameters> draw_corners(const scenario::Scenario& scenario,
                                     const Parameters& parameters,
                                     std::vector<std::string>* described = nullptr);

}  // namespace lb::sim::run
