// examples/README.md documents the format; these tests keep it honest: the
// error example prints exactly what the README shows, and every plausibility
// bound in the table is documented with the same numbers.
#include <doctest/doctest.h>

#include "corpus_expectations.hpp"
#include "patient/catalogue.hpp"
#include "patient/patient_loader.hpp"
#include "patient/plausibility.hpp"

using namespace lb;

namespace {

const std::string kReadme = std::string(LB_SOURCE_DIR) + "/examples/README.md";

/// The body of the fenced block that follows `marker` in `text`.
std::string block_after(const std::string& text, const std::string& marker) {
  const auto at = text.find(marker);
  if (at == std::string::npos) return {};
  const auto fence = text.find("```", at);
  const auto body = text.find('\n', fence) + 1;
  const auto end = text.find("```", body);
  return text.substr(body, end - body);
}

}  // namespace

TEST_SUITE("patient") {
  TEST_CASE("README: the error example prints what the README shows") {
    const std::string readme = lb::testing::slurp(kReadme);
    const std::string file = block_after(readme, "For this file (`bad.yaml`):");
    const std::string shown = block_after(readme, "LiverBridge reports:");
    REQUIRE_FALSE(file.empty());
    REQUIRE_FALSE(shown.empty());
    const auto load = patient::parse_patient(file, "bad.yaml");
    std::string printed;
    for (const auto& d : load.diagnostics.sorted()) printed += diag::format(d) + "\n";
    CHECK(printed == shown);
    CHECK_FALSE(load.patient.has_value());
  }

  TEST_CASE("README: every plausibility bound is documented with the table's numbers") {
    const std::string readme = lb::testing::slurp(kReadme);
    for (const auto& f : patient::field_catalogue()) {
      if (!f.range) continue;
      const auto& r = *f.range;
      std::string row = "| `" + std::string(r.key) + "` | " + patient::describe_hard(r) + " | ";
      row += (r.soft_min || r.soft_max) ? patient::describe_soft(r) : std::string("\u2014");
      // The other units the field is written in, with the bounds a value in them is held
      // against (range_in_unit), so the table's numbers are the ones the loader applies.
      std::vector<std::string> units(f.units.usual.begin(), f.units.usual.end());
      if (f.units.bare_fraction) units.emplace_back();
      std::string others;
      for (const auto& u : units) {
        const auto in_u = patient::range_in_unit(f, u);
        if (!in_u || in_u->unit == r.unit) continue;
        std::string part =
            u.empty() ? "fraction " + patient::describe_hard(*in_u) : patient::describe_hard(*in_u);
        if (in_u->soft_min || in_u->soft_max) part += ", soft " + patient::describe_soft(*in_u);
        others += (others.empty() ? "" : "; ") + part;
      }
      row += others.empty() ? " | |" : " | " + others + " |";
      CHECK_MESSAGE(readme.find(row + "\n") != std::string::npos, "README lacks the row: " << row);
    }
  }
}
