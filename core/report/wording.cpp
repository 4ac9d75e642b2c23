#include "report/wording.hpp"

#include <array>
#include <span>
#include <vector>

#include "plan/finding_codes.hpp"
#include "session/finding_codes.hpp"
#include "volume/finding_codes.hpp"

namespace lb::report {

Words status_words(plan::Status s) {
  switch (s) {
    case plan::Status::ready: return {"READY", "no findings"};
    case plan::Status::ready_with_warnings:
      return {"READY WITH WARNINGS", "read the warnings before ordering"};
    case plan::Status::not_ready:
      return {"NOT READY", "a hard limit or an eligibility rule of the protocol is not met"};
  }
  return {"NOT READY", ""};
}

Words verdict_words(eligibility::Verdict v) {
  switch (v) {
    case eligibility::Verdict::eligible:
      return {"ELIGIBLE", "no contraindication or caution of the protocol applies"};
    case eligibility::Verdict::eligible_with_cautions:
      return {"ELIGIBLE WITH CAUTIONS", "a caution rule of the protocol applies"};
    case eligibility::Verdict::relative_contraindication:
      return {"RELATIVE CONTRAINDICATION",
              "a relative contraindication applies: proceed only with a recorded reason"};
    case eligibility::Verdict::not_eligible:
      return {"NOT ELIGIBLE", "an absolute rule of the protocol excludes the patient"};
    case eligibility::Verdict::cannot_decide:
      return {"CANNOT DECIDE (missing data)", "values are missing to decide a rule"};
  }
  return {"CANNOT DECIDE", ""};
}

Words outcome_words(eligibility::Outcome o) {
  switch (o) {
    case eligibility::Outcome::met: return {"met", "the rule's condition holds"};
    case eligibility::Outcome::not_met: return {"not met", "the rule's condition does not hold"};
    case eligibility::Outcome::cannot_decide:
      return {"CANNOT DECIDE", "a value the rule needs is missing"};
  }
  return {"CANNOT DECIDE", ""};
}

std::span<const diag::FindingCode> all_finding_codes() {
  static const std::vector<diag::FindingCode> kAll = [] {
    // One push_back per code after a reserve: GCC 12 at -O2 reports a false
    // stringop-overflow for vector::insert of these ranges.
    const std::array<std::span<const diag::FindingCode>, 3> tables = {
        std::span<const diag::FindingCode>(volume::codes::kFindingCodes),
        std::span<const diag::FindingCode>(session::codes::kFindingCodes),
        std::span<const diag::FindingCode>(plan::codes::kFindingCodes)};
    std::vector<diag::FindingCode> out;
    std::size_t total = 0;
    for (const auto table : tables) total += table.size();
    out.reserve(total);
    for (const auto table : tables) {
      for (const auto& code : table) out.push_back(code);
    }
    return out;
  }();
  return kAll;
}

Words finding_words(std::string_view code) {
  for (const auto& c : all_finding_codes()) {
    if (code == c.code) return {c.title, c.meaning};
  }
  return {"", ""};
}

std::string_view words_for(patient::Diagnosis d) {
  switch (d) {
    case patient::Diagnosis::alf: return "acute liver failure";
    case patient::Diagnosis::subacute_lf: return "subacute liver failure";
    case patient::Diagnosis::aclf: return "acute-on-chronic liver failure";
    case patient::Diagnosis::chronic_lf: return "chronic liver failure";
    case patient::Diagnosis::other: return "another diagnosis";
  }
  return "";
}

std::string_view words_for(protocol::ExchangeRule r) {
  switch (r) {
    case protocol::ExchangeRule::plasma_volumes: return "multiple of the plasma volume";
    case protocol::ExchangeRule::percent_ibw:
      return "percentage of ideal body weight (kg read as litres)";
    case protocol::ExchangeRule::per_kg: return "volume per kg body weight";
    case protocol::ExchangeRule::fixed: return "fixed volume";
  }
  return "";
}

std::string_view words_for(protocol::ReplacementMix m) {
  switch (m) {
    case protocol::ReplacementMix::ffp: return "fresh frozen plasma (FFP) only";
    case protocol::ReplacementMix::albumin: return "albumin solution only";
    case protocol::ReplacementMix::fractions: return "FFP and albumin solution in fixed shares";
    case protocol::ReplacementMix::ffp_units:
      return "a set number of FFP units, the rest albumin solution";
  }
  return "";
}

std::string_view words_for(protocol::SeparationTechnique t) {
  switch (t) {
    case protocol::SeparationTechnique::centrifugal: return "centrifugal separation";
    case protocol::SeparationTechnique::membrane: return "membrane plasma separation";
  }
  return "";
}

std::string_view words_for(protocol::KineticModel m) {
  switch (m) {
    case protocol::KineticModel::one_compartment: return "one-compartment";
    case protocol::KineticModel::two_compartment: return "two-compartment (redistribution)";
    case protocol::KineticModel::replacement_aware: return "mixing with the replacement fluid";
    case protocol::KineticModel::from_prothrombin_activity:
      return "from the predicted prothrombin activity";
  }
  return "";
}

std::string headline(Words w) {
  std::string out(w.short_form);
  if (!w.long_form.empty()) out += ": " + std::string(w.long_form);
  return out;
}

}  // namespace lb::report
