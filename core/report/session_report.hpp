// The session part of a plan in every output: replacement orders (per
// session and per course) and their predicted effect, anticoagulation and
// citrate, separation and run time. JSON names are a stable API (README
// "JSON output": replacement.*, anticoagulation.*, separation.*).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "plan/plan.hpp"

namespace lb::report {

/// The replacement mix in words a blood bank reads ("FFP 33 % + albumin solution
/// 67 % by volume (fractions)"), with the FFP-last order when there is one.
std::string mix_words(const session::ReplacementOrders& r);

/// Appends the session sections of the text worksheet (nothing without a session plan).
void session_text(std::string& out, const plan::Plan& plan);
/// Appends the session sections of the Markdown report.
void session_markdown(std::string& out, const plan::Plan& plan);
/// Adds `replacement`, `anticoagulation` and `separation` objects to the JSON plan
/// (each only when the protocol has that section).
void add_session_json(nlohmann::json& out, const plan::Plan& plan);

}  // namespace lb::report
