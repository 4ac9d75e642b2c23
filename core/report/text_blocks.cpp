#include "report/text_blocks.hpp"

#include "report/plan_text.hpp"
#include "text/format.hpp"
#include "text/markdown.hpp"

namespace lb::report {

void text_section(std::string& out, const std::string& title) {
  out += "\n" + title + "\n" + std::string(text::display_width(title), '-') + "\n";
}

void text_figure(std::string& out, const explain::Derivation& d) {
  // A figure that could not be computed says so instead of showing its placeholder 0.
  out += "  " + text::dot_leader(d.label, kTextLabelWidth) +
         (explain::computed(d) ? text::shown(d.shown) : std::string(explain::kNotComputed)) + "\n";
  const std::string pad = "      ";
  out += pad + "method   " + d.method + "\n";
  out += pad + "formula  " + d.formula + "\n";
  if (!d.inputs.empty()) out += pad + "inputs   " + inputs_line(d) + "\n";
  if (!d.source.empty()) out += pad + "source   " + d.source + "\n";
  for (const auto& w : d.warnings) out += pad + "warning  " + w + "\n";
}

void text_line(std::string& out, const std::string& label, const std::string& value) {
  out += "  " + text::dot_leader(label, kTextLabelWidth) + value + "\n";
}

void markdown_figure_rows(std::string& out,
                          const std::vector<const explain::Derivation*>& figures) {
  out += "| Figure | Value | Method | Formula | Inputs |\n|---|---:|---|---|---|\n";
  for (const auto* d : figures) {
    const std::string value = explain::computed(*d)
                                  ? "**" + text::md_escape(text::shown(d->shown)) + "**"
                                  : std::string(explain::kNotComputed);
    out += "| " + text::md_escape(d->label) + " | " + value + " | " + text::md_escape(d->method) +
           " | `" + text::md_escape(d->formula) + "` | " + text::md_escape(inputs_line(*d)) +
           " |\n";
  }
}

}  // namespace lb::report
