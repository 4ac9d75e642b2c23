// What a FHIR export is made of, gathered from a computed plan (`liverbridge plan --format
// fhir`) or from a patient's records (`liverbridge export --format fhir`).
#pragma once

#include <string>

#include "fhir/bundle.hpp"
#include "plan/plan.hpp"
#include "records/store.hpp"

namespace lb::fhir {

/// A plan just computed (a proposal, not an approved order); `now` is an instant.
ExportSources sources_for_plan(const plan::Plan& plan, const std::string& now);

/// Everything the records hold for a patient: every approved plan (the latest plan's
/// patient file gives the labs), every performed session. Throws records::InputError for an
/// unknown patient.
ExportSources sources_for_records(records::Store& store, const records::PatientId& patient,
                                  const std::string& now);

}  // namespace lb::fhir
