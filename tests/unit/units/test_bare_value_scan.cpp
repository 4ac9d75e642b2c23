// Units stay types outside core/units: a bare `.value()` (the SI number of a
// Boost.Units quantity) may appear only in core/units and in the documented
// numeric kernels listed here, each with how many it has. A new bare
// `.value()` anywhere else fails this test: extract numbers with the named
// extractors (units::in_ml_per_min...), compare with units/compare.hpp or
// units::positive, carry runtime dimensions in units::AnyQuantity.
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

int count_bare_values(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  const std::string s = text.str();
  int n = 0;
  for (auto at = s.find(".value()"); at != std::string::npos; at = s.find(".value()", at + 1)) {
    ++n;
  }
  return n;
}

}  // namespace

TEST_SUITE("units") {
  TEST_CASE("no bare SI value() outside core/units and the documented numeric kernels") {
    const fs::path root = LB_SOURCE_DIR;
    std::map<std::string, int> found;
    for (const char* top : {"core", "ui"}) {
      for (const auto& entry : fs::recursive_directory_iterator(root / top)) {
        const auto ext = entry.path().extension();
        if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp")) continue;
        const std::string rel = fs::relative(entry.path(), root).generic_string();
        if (rel.rfind("core/units/", 0) == 0) continue;
        if (const int n = count_bare_values(entry.path()); n > 0) found[rel] = n;
      }
    }
    for (const auto& [file, n] : found) {
      INFO(file << " has " << n << " bare .value()");
      const auto it = kKernels.find(file);
      REQUIRE_MESSAGE(it != kKernels.end(), "not a documented numeric kernel");
      INFO(std::string(it->second.why));
      CHECK(n <= it->second.count);  // a kernel may lose bare values, never gain one
    }
  }
}
