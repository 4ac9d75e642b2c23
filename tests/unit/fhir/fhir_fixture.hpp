// Shared helpers of the FHIR tests: every example patient, planned with a bundled protocol
// and exported as a Bundle.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "fhir/bundle.hpp"
#include "fhir/sources.hpp"
#include "io/atomic_write.hpp"
#include "plan/plan_sources.hpp"

namespace lb::testing {

inline std::vector<std::string> example_patient_files() {
  std::vector<std::string> out;
  for (const auto& e :
       std::filesystem::directory_iterator(std::string(LB_SOURCE_DIR) + "/examples")) {
    if (e.path().extension() == ".yaml") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  REQUIRE(out.size() >= 5);
  return out;
}

/// The plan of an example patient under the bundled HVP protocol (not_ready plans included:
/// they are exported as well).
inline plan::Plan example_plan_of(const std::string& patient_file) {
  plan::PlanSources sources;
  sources.patient_text = io::read_file(patient_file);
  sources.patient_file = patient_file;
  sources.protocol_file = std::string(LB_SOURCE_DIR) + "/protocols/hvp-alf-larsen-2016.yaml";
  sources.protocol_text = io::read_file(sources.protocol_file);
  sources.choices.course_start = "2026-12-05T08:00";
  auto attempt = plan::plan_from_sources(sources);
  INFO(patient_file);
  REQUIRE_FALSE(attempt.refused());
  return std::move(*attempt.plan);
}

inline const std::string kNow = "2026-12-04T22:00:00Z";

inline nlohmann::json example_bundle(const plan::Plan& plan) {
  return nlohmann::json::parse(fhir::render_bundle(fhir::sources_for_plan(plan, kNow)));
}

}  // namespace lb::testing
