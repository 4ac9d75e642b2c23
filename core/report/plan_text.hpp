// The plan as a clinician's worksheet (plain text, aligned, units shown,
// derivation under each figure) and as Markdown for notes and wikis.
#pragma once

#include <string>

#include "explain/derivation.hpp"
#include "plan/plan.hpp"

namespace lb::report {

/// "H = 1.75 m · W = 70.0 kg · sex = male"
std::string inputs_line(const explain::Derivation& d);

std::string render_text(const plan::Plan& plan);
std::string render_markdown(const plan::Plan& plan);

}  // namespace lb::report
