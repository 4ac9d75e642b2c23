#include "plan/plan.hpp"

#include <algorithm>

#include "plan/finding_codes.hpp"
#include "text/enum_names.hpp"
#include "volume/blood_volume.hpp"
#include "volume/body_size.hpp"
#include "volume/plasma_volume.hpp"

namespace lb::plan {

namespace {

/// As the plan JSON spells the status (README "JSON output").
constexpr auto kStatusNames = text::enum_names<Status>({
    {Status::ready, "ready"},
    {Status::ready_with_warnings, "ready_with_warnings"},
    {Status::not_ready, "not_ready"},
});
static_assert(kStatusNames.unique());

}  // namespace

std::string_view to_string(Status s) { return kStatusNames.name(s); }

std::optional<Status> parse_status(std::string_view word) { return kStatusNames.parse(word); }

Status Plan::status() const {
  const bool errors = std::any_of(findings.begin(), findings.end(), [](const Finding& f) {
    return f.severity == diag::Severity::error;
  });
  if (errors) return Status::not_ready;
  return findings.empty() ? Status::ready : Status::ready_with_warnings;
}

std::vector<const explain::Derivation*> Plan::figures() const {
  return {&bmi.how,           &ideal_body_weight.how, &total_blood_volume.how,
          &plasma_volume.how, &exchange.volume.how,   &exchange.plasma_volumes.how};
}

namespace {

/// Applicability warnings recorded in derivations become plan findings, so
/// that no caveat is visible only to someone who unfolds the figure.
void collect_derivation_warnings(const explain::Derivation& d, const diag::FindingCode& code,
                                 std::vector<Finding>& out) {
  for (const auto& w : d.warnings) out.push_back({diag::Severity::warning, code.code, w, d.id});
}

explain::Derived<units::Volume> plasma_volume_for(const protocol::Protocol& protocol,
                                                  const patient::Patient& patient,
                                                  const explain::Derived<units::Volume>& tbv) {
  if (protocol.plasma_volume.method == protocol::PlasmaVolumeMethod::kaplan) {
    return volume::kaplan_plasma_volume(patient.weight, patient.hematocrit,
                                        protocol.plasma_volume.kaplan_factor);
  }
  return volume::plasma_volume_from_hematocrit(tbv, patient.hematocrit);
}

}  // namespace

Plan make_plan(const patient::Patient& patient, const std::string& patient_file,
               const protocol::Protocol& protocol, const std::string& protocol_file,
               const std::string& protocol_sha256) {
  const auto bmi = volume::body_mass_index(patient.height, patient.weight);
  const auto ibw =
      volume::ideal_body_weight(protocol.ideal_body_weight.method, patient.sex, patient.height,
                                protocol.ideal_body_weight.below_60_inches);
  const auto tbv = volume::blood_volume(protocol.blood_volume, patient.sex, patient.height,
                                        patient.weight, patient.build);
  const auto pv = plasma_volume_for(protocol, patient, tbv);
  auto exchange =
      volume::exchange_volume(protocol.exchange, volume::ExchangeInputs{pv, ibw, patient.weight},
                              protocol::citation_for(protocol, protocol.exchange.source));

  // Member by member: Plan grows with each engine, and every member has a default.
  Plan plan;
  plan.protocol = ProtocolInfo{protocol.id,         protocol.version,     protocol.title,
                               protocol_file,       protocol_sha256,      protocol.sources,
                               protocol.unverified, protocol.indications, protocol.exchange.rule};
  plan.patient = patient;
  plan.patient_file = patient_file;
  plan.bmi = bmi;
  plan.ideal_body_weight = ibw;
  plan.total_blood_volume = tbv;
  plan.plasma_volume = pv;
  plan.exchange = exchange;
  plan.scores = scores::compute_scores(patient, protocol.scores);

  if (std::find(protocol.indications.begin(), protocol.indications.end(), patient.diagnosis) ==
      protocol.indications.end()) {
    std::string listed;
    for (const auto d : protocol.indications) {
      listed += (listed.empty() ? "" : ", ") + std::string(patient::to_string(d));
    }
    plan.findings.push_back({diag::Severity::warning, codes::kNotIndicated.code,
                             "the protocol is written for " + listed +
                                 "; this patient's diagnosis is " +
                                 std::string(patient::to_string(patient.diagnosis)),
                             ""});
  }
  // IBW caveats matter only when the exchange rule uses IBW; otherwise they
  // stay under the IBW figure and do not clutter the findings.
  const bool uses_ibw = protocol.exchange.rule == protocol::ExchangeRule::percent_ibw ||
                        (protocol.exchange.rule == protocol::ExchangeRule::per_kg &&
                         protocol.exchange.per_kg_weight == protocol::WeightBasis::ideal);
  collect_derivation_warnings(bmi.how, codes::kBmiApplicability, plan.findings);
  // An IBW that could not be computed is always reported, whatever the rule.
  if (uses_ibw || !(units::in_kilograms(ibw.value) > 0.0)) {
    collect_derivation_warnings(ibw.how, codes::kIbwApplicability, plan.findings);
  }
  collect_derivation_warnings(tbv.how, codes::kTbvApplicability, plan.findings);
  collect_derivation_warnings(pv.how, codes::kPvApplicability, plan.findings);
  for (const auto& f : exchange.findings) {
    plan.findings.push_back({f.severity, f.code, f.message, exchange.volume.how.id});
  }
  return plan;
}

}  // namespace lb::plan
