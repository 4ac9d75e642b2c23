#include "report/plan_text.hpp"

#include "report/course_report.hpp"
#include "report/eligibility_report.hpp"
#include "report/patient_summary.hpp"
#include "report/scores_report.hpp"
#include "report/session_report.hpp"
#include "report/text_blocks.hpp"
#include "report/wording.hpp"
#include "text/format.hpp"
#include "text/markdown.hpp"
#include "version.hpp"

namespace lb::report {

namespace {

std::string plural(std::size_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

std::size_t count(const std::vector<plan::Finding>& f, diag::Severity s) {
  std::size_t n = 0;
  for (const auto& x : f) n += x.severity == s ? 1U : 0U;
  return n;
}

}  // namespace

std::string inputs_line(const explain::Derivation& d) {
  std::string out;
  for (const auto& in : d.inputs) {
    if (!out.empty()) out += " · ";
    out += in.name + " = " + (in.quantity ? text::shown(*in.quantity) : in.text);
  }
  return out;
}

std::string render_text(const plan::Plan& plan) {
  std::string out;
  const std::string title = std::string("LiverBridge ") + kVersion + " · plasma-exchange plan";
  out += title + "\n" + std::string(text::display_width(title), '=') + "\n";
  out += std::string(plan::kDisclaimer) + "\n\n";
  out += text::pad_right("Patient", 10) + plan.patient.id + " (" + plan.patient_file + ")\n";
  out += text::pad_right("", 10) + patient_one_line(plan.patient) + "\n";
  out += text::pad_right("Protocol", 10) + plan.protocol.id + " v" + plan.protocol.version + " · " +
         plan.protocol.title + "\n";
  out += text::pad_right("", 10) + "file " + plan.protocol.file + "\n";
  out += text::pad_right("", 10) + "sha256 " + plan.protocol.sha256 + "\n";
  out += text::pad_right("Status", 10) + headline(status_words(plan.status())) + "\n";

  eligibility_text(out, plan);

  text_section(out, "Volumes");
  text_figure(out, plan.bmi.how);
  text_figure(out, plan.ideal_body_weight.how);
  text_figure(out, plan.total_blood_volume.how);
  text_figure(out, plan.plasma_volume.how);

  text_section(out, "Exchange per session");
  text_figure(out, plan.exchange.volume.how);
  text_figure(out, plan.exchange.plasma_volumes.how);
  session_text(out, plan);
  course_text(out, plan);
  out += scores_text(plan.scores);

  const std::size_t errors = count(plan.findings, diag::Severity::error);
  const std::size_t warnings = count(plan.findings, diag::Severity::warning);
  text_section(out,
               "Findings (" + plural(errors, "error") + ", " + plural(warnings, "warning") + ")");
  if (plan.findings.empty()) out += "  none\n";
  for (const auto& f : plan.findings) {
    out += "  " + std::string(f.severity == diag::Severity::error ? "ERROR   " : "warning ") +
           f.message + "  [" + f.code + "]\n";
  }

  if (!plan.protocol.unverified.empty()) {
    text_section(out, "Unverified protocol values (check before clinical use)");
    for (const auto& c : plan.protocol.unverified) {
      out += "  " + c.key + " (unverified default: review locally): " + c.note + "\n";
    }
  }
  text_section(out, "Sources");
  for (const auto& s : plan.protocol.sources) {
    out += "  [" + s.id + "] " + s.citation + (s.url.empty() ? "" : " " + s.url) + "\n";
  }
  return out;
}

namespace {}  // namespace

std::string render_markdown(const plan::Plan& plan) {
  std::string out;
  out += "# Plasma-exchange plan: " + text::md_escape(plan.patient.id) + "\n\n";
  out += "> " + std::string(plan::kDisclaimer) + "\n\n";
  out += "- **Patient:** " + text::md_escape(plan.patient.id) + ", " +
         text::md_escape(patient_one_line(plan.patient)) + "\n";
  out += "- **Protocol:** " + text::md_escape(plan.protocol.id) + " v" +
         text::md_escape(plan.protocol.version) + ", " + text::md_escape(plan.protocol.title) +
         "\n";
  out += "- **Protocol SHA-256:** `" + plan.protocol.sha256 + "`\n";
  out += "- **Status:** " + headline(status_words(plan.status())) + "\n";
  out += "- **LiverBridge:** " + std::string(kVersion) + "\n\n";

  eligibility_markdown(out, plan);
  out += "## Volumes\n\n";
  markdown_figure_rows(out, {&plan.bmi.how, &plan.ideal_body_weight.how,
                             &plan.total_blood_volume.how, &plan.plasma_volume.how});
  out += "\n## Exchange per session\n\n";
  markdown_figure_rows(out, {&plan.exchange.volume.how, &plan.exchange.plasma_volumes.how});
  session_markdown(out, plan);
  course_markdown(out, plan);
  out += scores_markdown(plan.scores);

  out += "\n## Findings\n\n";
  if (plan.findings.empty()) out += "None.\n";
  for (const auto& f : plan.findings) {
    out += "- **" + std::string(f.severity == diag::Severity::error ? "Error" : "Warning") +
           ":** " + text::md_escape(f.message) + " (`" + f.code + "`)\n";
  }
  out += "\n## Sources\n\n";
  for (const auto* d : plan.figures()) {
    if (!d->source.empty())
      out += "- " + text::md_escape(d->label) + ": " + text::md_escape(d->source) + "\n";
  }
  for (const auto& s : plan.protocol.sources) {
    out += "- [" + text::md_escape(s.id) + "] " + text::md_escape(s.citation) +
           (s.url.empty() ? "" : " <" + s.url + ">") + "\n";
  }
  if (!plan.protocol.unverified.empty()) {
    out += "\n## Unverified protocol values\n\n";
    for (const auto& c : plan.protocol.unverified) {
      out += "- `" + text::md_escape(c.key) +
             "` (unverified default: review locally): " + text::md_escape(c.note) + "\n";
    }
  }
  return out;
}

}  // namespace lb::report
