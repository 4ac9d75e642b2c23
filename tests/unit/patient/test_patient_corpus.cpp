// The malformed-input corpus (tests/data/malformed/patient/): every file is
// rejected without an exception, with the errors its "# expect:" lines name,
// and no patient. Plus oversized and binary input.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "corpus_expectations.hpp"
#include "patient/patient_loader.hpp"
#include "patient_text.hpp"

using namespace lb;
using lb::testing::all_diagnostics;
using lb::testing::find_diag;

namespace {

const std::filesystem::path kCorpus =
    std::filesystem::path(LB_TEST_DATA_DIR) / "malformed" / "patient";

/// The 2 MB file for the size test: a valid patient padded with comment lines.
std::string two_megabytes() {
  std::string text = lb::testing::PatientText{}.str();
  const std::string pad = "# " + std::string(98, 'x') + "\n";
  while (text.size() < 2 * 1024 * 1024) text += pad;
  return text;
}

}  // namespace

TEST_SUITE("patient") {
  TEST_CASE("malformed corpus: every file is rejected with the expected errors") {
    const auto files = lb::testing::corpus_files(kCorpus);
    REQUIRE(files.size() >= 22);
    for (const auto& file : files) {
      const std::string content = lb::testing::slurp(file);
      patient::PatientLoad from_text;
      CHECK_NOTHROW(from_text = patient::parse_patient(content, file.string()));
      lb::testing::check_expectations(file, lb::testing::read_expectations(content),
                                      from_text.diagnostics);
      CHECK_MESSAGE(!from_text.patient.has_value(), file.string());

      // Reading the file gives the same diagnostics as parsing its text.
      patient::PatientLoad from_file;
      CHECK_NOTHROW(from_file = patient::load_patient_file(file.string()));
      CHECK_FALSE(from_file.patient.has_value());
      CHECK(all_diagnostics(from_file.diagnostics) == all_diagnostics(from_text.diagnostics));
    }
  }

  TEST_CASE("a 2 MB patient file is rejected quickly from text and from disk") {
    const std::string text = two_megabytes();
    const auto start = std::chrono::steady_clock::now();
    const auto load = patient::parse_patient(text, "big.yaml");
    CHECK_FALSE(load.patient.has_value());
    CHECK(find_diag(load.diagnostics, diag::Severity::error, "the limit is") != nullptr);

    const auto path = std::filesystem::temp_directory_path() / "lb_patient_2mb_test.yaml";
    {
      std::ofstream out(path, std::ios::binary);
      out << text;
    }
    const auto from_disk = patient::load_patient_file(path.string());
    std::filesystem::remove(path);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    CHECK_FALSE(from_disk.patient.has_value());
    CHECK(find_diag(from_disk.diagnostics, diag::Severity::error, "the limit is") != nullptr);
    CHECK(elapsed < std::chrono::milliseconds(500));
  }

  TEST_CASE("a 0-byte file NUL bytes and a whitespace-only file are errors") {
    for (const std::string& text :
         {std::string(), std::string("id: a\0b\n", 8), std::string("   \n\n")}) {
      patient::PatientLoad load;
      CHECK_NOTHROW(load = patient::parse_patient(text, "odd.yaml"));
      CHECK_FALSE(load.patient.has_value());
      CHECK(load.diagnostics.has_errors());
    }
  }
}
