// A plan's course and performed sessions as FHIR resources: the CarePlan with one
// ServiceRequest per planned session (therapeutic plasma exchange with its exchange volume,
// replacement fluid and anticoagulant), the Provenance of the plan, and each performed
// session as a Procedure with its pre/post labs as Observations.
#pragma once

#include <string>
#include <vector>

#include "fhir/bundle.hpp"
#include "fhir/resources.hpp"

namespace lb::fhir {

/// A resource with its fullUrl, as a Bundle entry holds it.
struct Entry {
  std::string url;
  json resource;
};

/// CarePlan, ServiceRequests and Provenance of one plan (`targets`: the score Observations
/// computed with it, named by the Provenance too). `index` tells plans of one patient apart.
std::vector<Entry> plan_entries(const ExportSources& s, const PlanSource& source,
                                const report::StoredPlan& plan, std::size_t index,
                                const std::string& subject,
                                const std::vector<std::string>& targets);

/// The urn of the CarePlan of plan number `index` (Procedure.basedOn names it).
std::string care_plan_urn(const ExportSources& s, std::size_t index);

/// The Procedure of one performed session and its labs' Observations.
std::vector<Entry> session_entries(const ExportSources& s, const records::SessionRecord& r,
                                   const std::string& subject, const std::string& care_plan);

}  // namespace lb::fhir
