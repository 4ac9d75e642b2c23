// Shared helpers for the records tests: a private temporary directory that is
// removed afterwards, and a store with one patient and one approved plan made
// from the bundled example patient and protocol.
#pragma once

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "io/atomic_write.hpp"
#include "records/plan_capture.hpp"
#include "records/session_reader.hpp"
#include "records/store.hpp"

namespace lb::testing {

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "lb-records-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline const std::string kExamplePatient =
    std::string(LB_SOURCE_DIR) + "/examples/alf-paracetamol.yaml";
inline const std::string kExampleProtocol =
    std::string(LB_SOURCE_DIR) + "/protocols/hvp-alf-larsen-2016.yaml";
inline const records::PatientId kExamplePatientId{"LB-ALF-0001"};

/// The example patient under `protocol_file` (default: the example protocol), as a
/// capture request a test may change before capturing.
inline records::PlanCaptureRequest example_request(
    const std::string& review_json = "{}", const std::string& protocol_file = kExampleProtocol) {
  return {.patient = kExamplePatientId,
          .patient_text = io::read_file(kExamplePatient),
          .patient_file = kExamplePatient,
          .protocol_text = io::read_file(protocol_file),
          .protocol_file = protocol_file,
          .overrides = {},
          .review_json = review_json,
          .approved_by = "Dr Test",
          .course_start = ""};
}

/// A plan of the example patient, ready to store.
inline records::PlanInput example_plan(const std::string& review_json = "{}") {
  auto capture = records::capture_plan(example_request(review_json));
  INFO(capture.error);
  REQUIRE(capture.input.has_value());
  return *capture.input;
}

/// A session record read from YAML text that must be valid.
inline records::SessionInput parsed_session(const std::string& yaml) {
  auto load = records::parse_session(yaml, "s.yaml");
  REQUIRE(load.session.has_value());
  return *load.session;
}

inline std::int64_t count_rows(records::Store& store, const std::string& table) {
  auto s = store.database().prepare("SELECT count(*) FROM " + table);
  REQUIRE(s.step());
  return s.integer(0);
}

}  // namespace lb::testing
