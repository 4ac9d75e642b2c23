// Shared by the provenance tests: every example patient, every bundled
// protocol, and a plan of one under the other, loaded as a user loads them.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "explain/reference.hpp"
#include "patient/patient_loader.hpp"
#include "plan/build_plan.hpp"
#include "protocol/protocol_loader.hpp"

namespace lb::testing {

inline std::vector<std::string> files_in(const std::string& dir, const std::string& ext) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ext) out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

inline std::vector<std::string> example_patients() {
  return files_in(std::string(LB_SOURCE_DIR) + "/examples", ".yaml");
}
inline std::vector<std::string> bundled_protocols() {
  return files_in(std::string(LB_SOURCE_DIR) + "/protocols", ".yaml");
}

/// The source tree's clinical reference (the tests read the copy they check).
inline std::string reference_text() {
  return explain::read_clinical_reference(std::string(LB_SOURCE_DIR) +
                                          "/docs/clinical-reference.md");
}

/// The section numbers of the reference ("1", "5.3"), for checking every "§N" a text names.
inline std::set<std::string> reference_section_numbers() {
  std::set<std::string> out;
  for (const auto& s : explain::reference_sections(reference_text())) out.insert(s.number);
  return out;
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline patient::Patient load_patient(const std::string& path) {
  auto load = patient::load_patient_file(path);
  REQUIRE_MESSAGE(load.patient.has_value(), path);
  return *load.patient;
}

inline protocol::ProtocolLoad load_protocol(const std::string& path) {
  auto load = protocol::load_protocol_file(path);
  REQUIRE_MESSAGE(load.protocol.has_value(), path);
  return load;
}

inline plan::Plan plan_for(const patient::Patient& patient, const std::string& patient_file,
                           const protocol::ProtocolLoad& protocol,
                           std::optional<schedule::LocalTime> start = std::nullopt) {
  return plan::build_plan(
      plan::PlanRequest{patient, patient_file, *protocol.protocol, protocol.file, "", {}, start});
}

}  // namespace lb::testing
