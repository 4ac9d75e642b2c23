// Units stay types outside core/units: a bare `.value()` (the SI number of a
// Boost.Units quantity) may appear only in core/units and in the documented
// numeric kernels listed here, each with how many it has. A new bare
// `.value()` anywhere else fails this test: extract numbers with the named
// extractors (units::in_ml_per_min...), compare with units/compare.hpp or
// units::positive, carry runtime dimensions in units::AnyQuantity. The same
// holds for `AnyQuantity::si()` (the SI number of a run-time quantity): only
// in core/units and the boundaries listed in kSiBoundaries.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

struct Allowed {
  int count;
  const char* why;
};

// Path (from the source root) -> number of bare .value() calls and why.
const std::map<std::string, Allowed> kKernels = {
    {"core/kinetics/compartment.hpp",
     {22,
      "numeric kernel: exponential washout and the two-compartment stages (with production and\n"
      "return) in SI doubles"}},
    {"core/volume/kernels.hpp",
     {3, "numeric kernel: a session count rounded to 9 significant digits, floored against a cap"}},
};

// Path -> number of AnyQuantity::si() calls and why. Each is a boundary where a
// quantity's dimension is known only at run time and no typed quantity exists yet.
const std::map<std::string, Allowed> kSiBoundaries = {
    {"core/protocol/loader/read_eligibility.cpp",
     {3, "protocol loader: a rule's bound is kept as the SI number of its field's dimension"}},
    {"core/patient/catalogue_units.cpp",
     {4,
      "plausibility: a field's range in the unit a value was written in (range_in_unit): the\n"
      "SI size of one written unit, and each bound carried across unit systems in SI"}},
    {"core/records/stored_quantity.hpp",
     {1,
      "records store: a recorded value's SI number for its REAL column (the dimension in its own\n"
      "column), the one boundary of RecordedQuantity"}},
    {"core/bridge/compare_values.cpp",
     {1,
      "bridge view, printing only: a rule's threshold (of the dimension its rule file states)\n"
      "shown in the rule's written unit, with enough digits never to read as the boundary"}},
};

int count_in(const fs::path& file, const std::string& token) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  const std::string s = text.str();
  int n = 0;
  for (auto at = s.find(token); at != std::string::npos; at = s.find(token, at + 1)) ++n;
  return n;
}

/// Every file of core/ and ui/ outside core/units that has `token`, with its count.
std::map<std::string, int> scan(const std::string& token) {
  const fs::path root = LB_SOURCE_DIR;
  std::map<std::string, int> found;
  for (const char* top : {"core", "ui"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root / top)) {
      const auto ext = entry.path().extension();
      if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp")) continue;
      const std::string rel = fs::relative(entry.path(), root).generic_string();
      if (rel.rfind("core/units/", 0) == 0) continue;
      if (const int n = count_in(entry.path(), token); n > 0) found[rel] = n;
    }
  }
  return found;
}

void check_allowed(const std::map<std::string, int>& found,
                   const std::map<std::string, Allowed>& allowed, const char* token) {
  for (const auto& [file, n] : found) {
    INFO(file << " has " << n << " " << std::string(token));
    const auto it = allowed.find(file);
    REQUIRE_MESSAGE(it != allowed.end(), "not a documented kernel or boundary");
    INFO(std::string(it->second.why));
    CHECK(n <= it->second.count);  // a listed file may lose calls, never gain one
  }
}

}  // namespace

TEST_SUITE("units") {
  TEST_CASE("no bare SI value() outside core/units and the documented numeric kernels") {
    check_allowed(scan(".value()"), kKernels, ".value()");
  }

  TEST_CASE("no AnyQuantity si() outside core/units and the documented boundaries") {
    const auto found = scan(".si()");
    check_allowed(found, kSiBoundaries, ".si()");
    // The scan sees the listed boundaries: a scan that found nothing would pass anything.
    CHECK(found.count("core/protocol/loader/read_eligibility.cpp") == 1);
  }
}
