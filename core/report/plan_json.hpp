// The plan as JSON with stable names (see README "JSON output"): every
// quantity is {"value": n, "unit": "mL", "display": "...", "derivation": {...}}.
#pragma once

#include <nlohmann/json.hpp>

#include "explain/derivation.hpp"
#include "plan/plan.hpp"

namespace lb::report {

nlohmann::json derivation_json(const explain::Derivation& d);
nlohmann::json plan_json(const plan::Plan& plan);
/// Pretty-printed with two-space indent and a trailing newline.
std::string render_json(const plan::Plan& plan);

}  // namespace lb::report
