// Helpers for the session-engine tests: a tolerance check that prints both
// numbers, figures with a given id, and findings with a given code.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <string>
#include <vector>

#include "explain/derivation.hpp"
#include "near.hpp"
#include "session/session_plan.hpp"
#include "units/quantities.hpp"

namespace lb::testing {

/// A derivation of `shown` volume with an id, as the volume engine would give it.
inline explain::Derived<units::Volume> volume_figure(const std::string& id, double ml) {
  explain::Derivation d;
  d.id = id;
  d.label = id;
  d.shown = {ml, "mL", 0};
  return {units::milliliters(ml), d};
}

inline bool has_code(const std::vector<session::SessionFinding>& findings,
                     const std::string& code) {
  return std::any_of(findings.begin(), findings.end(),
                     [&](const session::SessionFinding& f) { return f.code == code; });
}

/// Every input of every figure that names a `ref` points at a figure in `figures`
/// or at one of `outside` (figures of other parts of the plan).
inline void check_refs_resolve(const std::vector<const explain::Derivation*>& figures,
                               const std::vector<std::string>& outside) {
  std::vector<std::string> ids = outside;
  for (const auto* f : figures) ids.push_back(f->id);
  for (const auto* f : figures) {
    CHECK_MESSAGE(!f->formula.empty(), f->id << " has no formula");
    CHECK_MESSAGE(!f->source.empty(), f->id << " has no source");
    CHECK_MESSAGE(!f->method.empty(), f->id << " has no method");
    for (const auto& in : f->inputs) {
      if (in.ref.empty()) continue;
      CHECK_MESSAGE(std::find(ids.begin(), ids.end(), in.ref) != ids.end(),
                    f->id << " refers to unknown figure " << in.ref);
    }
  }
}

}  // namespace lb::testing
