// Builders of the single resources of the export (bundle.cpp assembles them): each returns
// the resource JSON; references between them are the entries' fullUrl (urn:uuid).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "fhir/measurement.hpp"
#include "patient/patient.hpp"
#include "records/model.hpp"
#include "report/stored_plan.hpp"

namespace lb::fhir {

using nlohmann::json;

/// A stable urn:uuid for a resource: the same patient and key give the same id in every
/// export (a name-based UUID from SHA-256, RFC 9562 version 8 layout).
std::string resource_urn(std::string_view patient_id, std::string_view key);

/// {"reference": urn}
json reference(const std::string& urn);
/// A UCUM Quantity.
json ucum_quantity(double value, std::string_view ucum, std::string_view shown_unit);
/// An extension of the project's (url kExtensionBase + name) with one value[x].
json extension(std::string_view name, std::string_view value_key, json value);

json patient_resource(std::string_view patient_id, std::optional<std::string_view> gender);

/// The patient file's diagnosis as a Condition (an encounter diagnosis, active), coded in the
/// project's diagnosis code system with the words every page uses.
json condition_resource(patient::Diagnosis diagnosis, const std::string& subject);

/// A lab or body measurement; `effective` is a dateTime or "" (the patient file's labs carry
/// no draw time).
json observation(const Measurement& m, const std::string& subject, std::string_view effective);

/// A score Observation from one entry of the plan JSON's "scores" (nullopt when the score
/// was not computed).
std::optional<json> score_observation(std::string_view key, const json& score,
                                      const std::string& subject);

}  // namespace lb::fhir
