#include "print/words.hpp"

#include <cmath>
#include <utility>

#include "schedule/calendar.hpp"
#include "text/format.hpp"

namespace lb::print {

std::string minutes_words(double minutes) {
  const auto total = static_cast<long>(std::lround(minutes));
  return std::to_string(total / 60) + " h " + std::to_string(total % 60) + " min";
}

std::string status_words(const report::StoredCode<plan::Status>& s) {
  using plan::Status;
  if (s == Status::ready) return "READY: no findings";
  if (s == Status::ready_with_warnings)
    return "READY WITH WARNINGS: read the warnings before ordering";
  if (s == Status::not_ready) return "NOT READY: a hard limit of the protocol cannot be met";
  return s.text.empty() ? "not stated" : s.text;
}

std::string verdict_words(const report::StoredCode<eligibility::Verdict>& v) {
  using eligibility::Verdict;
  if (v == Verdict::eligible) return "ELIGIBLE";
  if (v == Verdict::eligible_with_cautions) return "ELIGIBLE WITH CAUTIONS";
  if (v == Verdict::relative_contraindication) return "RELATIVE CONTRAINDICATION";
  if (v == Verdict::not_eligible) return "NOT ELIGIBLE";
  if (v == Verdict::cannot_decide) return "CANNOT DECIDE (missing data)";
  return v.text;
}

std::string diagnosis_words(const report::StoredCode<patient::Diagnosis>& d) {
  using patient::Diagnosis;
  if (d == Diagnosis::alf) return "acute liver failure";
  if (d == Diagnosis::subacute_lf) return "subacute liver failure";
  if (d == Diagnosis::aclf) return "acute-on-chronic liver failure";
  if (d == Diagnosis::chronic_lf) return "chronic liver failure";
  return "diagnosis " + d.text;
}

std::string outcome_words(const report::StoredCode<eligibility::Outcome>& o) {
  using eligibility::Outcome;
  if (o == Outcome::met) return "met";
  if (o == Outcome::not_met) return "not met";
  if (o == Outcome::cannot_decide) return "cannot decide (missing data)";
  return o.text;
}

std::string rule_words(const report::StoredCode<protocol::ExchangeRule>& r) {
  using protocol::ExchangeRule;
  if (r == ExchangeRule::plasma_volumes) return "multiple of the plasma volume";
  if (r == ExchangeRule::percent_ibw) return "percentage of ideal body weight (kg read as litres)";
  if (r == ExchangeRule::per_kg) return "volume per kg body weight";
  if (r == ExchangeRule::fixed) return "fixed volume";
  return r.text;
}

std::string mix_words(const report::StoredCode<protocol::ReplacementMix>& m) {
  using protocol::ReplacementMix;
  if (m == ReplacementMix::ffp) return "fresh frozen plasma (FFP) only";
  if (m == ReplacementMix::albumin) return "albumin solution only";
  if (m == ReplacementMix::fractions) return "FFP and albumin solution in fixed shares";
  if (m == ReplacementMix::ffp_units) return "a set number of FFP units, the rest albumin solution";
  return m.text;
}

std::string technique_words(const report::StoredCode<protocol::SeparationTechnique>& t) {
  using protocol::SeparationTechnique;
  if (t == SeparationTechnique::centrifugal) return "centrifugal separation";
  if (t == SeparationTechnique::membrane) return "membrane plasma separation";
  return t.text;
}

std::string model_words(const report::StoredCode<protocol::KineticModel>& m) {
  using protocol::KineticModel;
  if (m == KineticModel::one_compartment) return "one-compartment";
  if (m == KineticModel::two_compartment) return "two-compartment (redistribution)";
  if (m == KineticModel::replacement_aware) return "mixing with the replacement fluid";
  return m.text;
}

std::string analyte_words(const std::string& a) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"bilirubin", "Bilirubin"},
      {"creatinine", "Creatinine"},
      {"ammonia", "Ammonia"},
      {"lactate", "Lactate"},
      {"ionized_calcium", "Ionised calcium"},
      {"total_calcium", "Total calcium"},
      {"glucose", "Glucose"},
      {"phosphate", "Phosphate"},
      {"sodium", "Sodium"},
      {"potassium", "Potassium"},
      {"bicarbonate", "Bicarbonate"},
      {"albumin", "Albumin"},
      {"fibrinogen", "Fibrinogen"},
      {"igg", "IgG"},
      {"platelets", "Platelets"},
      {"wbc", "White cells"},
      {"factor_v", "Factor V"},
      {"pta", "Prothrombin activity (PTA)"},
      {"inr", "INR"},
  };
  for (const auto& [key, name] : kNames) {
    if (a == key) return name;
  }
  std::string out = a;
  for (auto& c : out) c = c == '_' ? ' ' : c;
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

std::string event_words(const std::string& e) {
  std::string out = e;
  for (auto& c : out) c = c == '_' ? ' ' : c;
  return out;
}

std::string local_when(const std::string& iso) {
  const auto p = schedule::parse_local_time(iso);
  return p.value ? schedule::readable(*p.value) : iso;
}

std::string utc_readable(const std::string& stamp) {
  if (stamp.size() < 16 || stamp.back() != 'Z') return stamp;
  const auto p = schedule::parse_local_time(stamp.substr(0, 16));
  return p.value ? schedule::readable(*p.value) : stamp;
}

std::string utc_when(const std::string& stamp) { return utc_readable(stamp) + " UTC"; }

std::string clock_of(const std::string& readable) {
  return readable.size() >= 5 ? readable.substr(readable.size() - 5) : readable;
}

std::string date_of(const std::string& readable) {
  return readable.size() > 6 ? readable.substr(0, readable.size() - 6) : readable;
}

std::string without_year(const std::string& readable) {
  const auto clock = readable.rfind(' ');
  const auto year = clock == std::string::npos ? clock : readable.rfind(' ', clock - 1);
  if (year == std::string::npos) return readable;
  return readable.substr(0, year) + readable.substr(clock);
}

std::string signed_percent(double fraction) {
  const double p = fraction * 100;
  return (p > 0 ? "+" : "") + text::fixed(p, 1) + " %";
}

}  // namespace lb::print
