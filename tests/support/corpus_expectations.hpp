// Malformed-input corpus support. Each corpus file states what must be
// reported in comment lines at its top:
//   # expect: 7:11 unknown key 'wieght'
// meaning: an error diagnostic at line 7, column 11 whose text contains
// "unknown key 'wieght'". A file may carry several expect lines; every one
// must be matched, and the file must produce at least one error.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"

namespace lb::testing {

struct Expectation {
  int line = 0;
  int column = 0;
  std::string text;
};

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Parses "# expect: L:C text" lines anywhere in the file.
inline std::vector<Expectation> read_expectations(const std::string& content) {
  std::vector<Expectation> out;
  std::istringstream in(content);
  std::string line;
  const std::string tag = "# expect: ";
  while (std::getline(in, line)) {
    const auto at = line.find(tag);
    if (at == std::string::npos) continue;
    std::istringstream spec(line.substr(at + tag.size()));
    Expectation e;
    char colon = 0;
    spec >> e.line >> colon >> e.column;
    std::getline(spec >> std::ws, e.text);
    out.push_back(e);
  }
  return out;
}

/// Sorted list of *.yaml files in `dir`.
inline std::vector<std::filesystem::path> corpus_files(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

/// Checks every expectation against the diagnostics; reports misses with the
/// full diagnostic list so a failure is easy to read.
inline void check_expectations(const std::filesystem::path& file,
                               const std::vector<Expectation>& expected,
                               const diag::Diagnostics& diags) {
  INFO("corpus file: " << file.string());
  std::string all;
  for (const auto& d : diags.items()) all += "  " + diag::format(d) + "\n";
  INFO("diagnostics:\n" << all);
  CHECK_MESSAGE(!expected.empty(), "corpus file has no '# expect:' line");
  CHECK(diags.has_errors());
  for (const auto& e : expected) {
    bool found = false;
    for (const auto& d : diags.items()) {
      if (d.severity == diag::Severity::error && d.where.line == e.line &&
          d.where.column == e.column && diag::format(d).find(e.text) != std::string::npos) {
        found = true;
      }
    }
    CHECK_MESSAGE(found, "expected error at " << e.line << ":" << e.column << " containing '"
                                              << e.text << "'");
  }
}

}  // namespace lb::testing
