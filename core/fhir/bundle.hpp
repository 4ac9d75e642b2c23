// The FHIR R4 export: one Bundle (type collection) for a patient, with a pseudonymous
// Patient (the project id as identifier, no names), the labs and body measurements as
// LOINC-coded Observations in UCUM units, the scores as Observations, each planned course
// as a CarePlan with one ServiceRequest per session, performed sessions as Procedures with
// their pre/post labs, and a Provenance per plan naming the protocol (id, version, SHA-256)
// and the program version. Mapping and code tables: docs/fhir.md.
#pragma once

#include <string>
#include <vector>

#include "patient/patient.hpp"
#include "records/model.hpp"

namespace lb::fhir {

/// One plan to send: the plan JSON as report::render_json wrote it (and the records store
/// keeps it), whether it was approved, and when it was made.
struct PlanSource {
  std::string plan_json;
  std::int64_t record_id = 0;  ///< the records store's plan id; 0 for a plan not stored
  bool approved = false;       ///< approved plans are orders (active), others proposals
  std::string recorded;        ///< instant "2026-12-05T08:00:00Z": approval, or when computed
};

struct ExportSources {
  std::string patient_id;  ///< the pseudonymous id
  /// The patient whose labs, body measurements and sex are sent (the latest plan's patient
  /// file); nullopt when only session records exist.
  std::optional<patient::Patient> patient;
  std::vector<PlanSource> plans;  ///< oldest first; the scores are the last plan's
  std::vector<records::SessionRecord> sessions;
  std::string timestamp;  ///< Bundle.timestamp, an instant
};

/// The Bundle as JSON text (2-space indented, ends with a newline). Throws
/// records::InputError (a std::invalid_argument) when a plan JSON cannot be read.
std::string render_bundle(const ExportSources& sources);

}  // namespace lb::fhir
