// Building blocks of the plain-text reports: a section heading, a figure with
// its derivation underneath, and a label/value line, all aligned on the same
// label column so every text section of a plan lines up.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "explain/derivation.hpp"

namespace lb::report {

/// Width of the dotted label column shared by every text section.
inline constexpr std::size_t kTextLabelWidth = 40;

/// "\nTitle\n-----\n"
void text_section(std::string& out, const std::string& title);

/// The figure's label, value and unit, then method, formula, inputs, source
/// and warnings indented below it.
void text_figure(std::string& out, const explain::Derivation& d);

/// "  Label ........ value"
void text_line(std::string& out, const std::string& label, const std::string& value);

/// A Markdown table of figures: label, value, method, formula, inputs.
void markdown_figure_rows(std::string& out, const std::vector<const explain::Derivation*>& figures);

}  // namespace lb::report
