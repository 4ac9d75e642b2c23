// Citrate anticoagulation for one session (LiverBridge clinical reference §5, §5.4, §4–8.5):
// AC volume and rate, citrate reaching the patient from the AC returned and
// from FFP, the citrate infusion rate against the protocol's limit (lower in
// liver failure), the calcium gluconate suggestion, the ionised-calcium
// checks, and warnings for alkalosis and a high total/ionised calcium ratio.
#pragma once

#include "patient/patient.hpp"
#include "protocol/session_settings.hpp"
#include "session/session_plan.hpp"

namespace lb::session {

struct CitrateInputs {
  const SeparationRun* run = nullptr;              ///< required
  const ReplacementOrders* replacement = nullptr;  ///< may be null (no FFP counted)
  const patient::Patient* patient = nullptr;       ///< required
  std::string source_citation;
};

/// True for the diagnoses in which the liver-failure citrate limit applies.
bool has_liver_failure(patient::Diagnosis d);

CitratePlan citrate_plan(const protocol::CitrateSettings& settings, const CitrateInputs& in);

}  // namespace lb::session
