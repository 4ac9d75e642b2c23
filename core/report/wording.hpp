// The words for the plan's stable codes, once, for every output: the plain
// text and Markdown reports, the plan JSON, the window and the printable page.
// Each has a short form (a badge, a table cell) and a long form (what it means
// for the plan, one sentence). Finding codes come from each engine's table
// (volume/, session/, plan/finding_codes.hpp).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "diag/finding.hpp"
#include "eligibility/eligibility.hpp"
#include "patient/patient.hpp"
#include "plan/plan.hpp"
#include "protocol/protocol.hpp"

namespace lb::report {

struct Words {
  std::string_view short_form;  ///< "READY WITH WARNINGS"
  std::string_view long_form;   ///< "read the warnings before ordering"
};

Words status_words(plan::Status s);
Words verdict_words(eligibility::Verdict v);
/// A rule's outcome: "met", "not met", "CANNOT DECIDE".
Words outcome_words(eligibility::Outcome o);
/// The words for a finding code; nullopt-like {"", ""} for a code no engine has.
Words finding_words(std::string_view code);

/// "READY WITH WARNINGS: read the warnings before ordering".
std::string headline(Words w);

/// Plain words for the codes of the patient's diagnosis and the protocol's
/// choices, where a clinician reads them (the plan JSON carries the codes):
/// "acute-on-chronic liver failure", "FFP and albumin solution in fixed shares".
std::string_view words_for(patient::Diagnosis d);
std::string_view words_for(protocol::ExchangeRule r);
std::string_view words_for(protocol::ReplacementMix m);
std::string_view words_for(protocol::SeparationTechnique t);
std::string_view words_for(protocol::KineticModel m);

/// Every engine's finding codes (for tests and for listing them).
std::span<const diag::FindingCode> all_finding_codes();

}  // namespace lb::report
