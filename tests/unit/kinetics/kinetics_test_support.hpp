// Helpers shared by the kinetics tests: the bundled examples and protocols, planned through
// the planner's pipeline.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "patient/patient_loader.hpp"
#include "plan/build_plan.hpp"
#include "protocol/protocol_loader.hpp"

namespace lb::testing {

/// A bundled protocol by id.
inline protocol::Protocol bundled(const std::string& id) {
  const auto p =
      protocol::load_protocol_file(std::string(LB_BUNDLED_PROTOCOLS_DIR) + "/" + id + ".yaml");
  REQUIRE(p.protocol.has_value());
  return *p.protocol;
}

/// An example patient from examples/.
inline patient::Patient example(const std::string& file) {
  const auto p = patient::load_patient_file(std::string(LB_SOURCE_DIR) + "/examples/" + file);
  REQUIRE(p.patient.has_value());
  return *p.patient;
}

/// The plan of `patient` under `protocol`, which must have a course.
inline plan::Plan plan_of(const patient::Patient& patient, const protocol::Protocol& protocol) {
  plan::PlanRequest r{patient, "patient.yaml", protocol, "protocol.yaml", "ab12", {}};
  auto plan = plan::build_plan(r);
  REQUIRE(plan.course.has_value());
  return plan;
}

}  // namespace lb::testing
