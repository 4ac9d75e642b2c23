// Summary arithmetic: counts per verdict, totals, nearest-rank percentiles
// on whole mL, merging partial summaries.
#include <doctest/doctest.h>

#include "cohort/summary.hpp"

namespace lb::cohort {
namespace {

using eligibility::Verdict;

TEST_SUITE("cohort") {
  TEST_CASE("percentiles are nearest-rank on the volume as shown") {
    Summary s;
    // 10 patients: 1000, 2000, ..., 10000 mL.
    for (int i = 1; i <= 10; ++i) {
      s.add(Verdict::eligible, units::milliliters(1000.0 * i), std::nullopt);
    }
    CHECK(s.percentile_ml(10) == 1000U);   // rank ceil(1.0) = 1
    CHECK(s.percentile_ml(50) == 5000U);   // rank 5
    CHECK(s.percentile_ml(90) == 9000U);   // rank 9
    CHECK(s.percentile_ml(95) == 10000U);  // rank ceil(9.5) = 10
    CHECK(s.percentile_ml(100) == 10000U);
    CHECK_FALSE(s.percentile_ml(0).has_value());
    CHECK(units::in_milliliters(s.exchange_total) == doctest::Approx(55000));
    CHECK(Summary{}.percentile_ml(50) == std::nullopt);
  }

  TEST_CASE("the volume as shown rounds halves up like the plan") {
    CHECK(shown_ml(units::milliliters(3377.5)) == 3378U);
    CHECK(shown_ml(units::milliliters(3377.4999)) == 3377U);
    CHECK(shown_ml(units::liters(5.0655)) == 5066U);  // 5065.4999... in binary, shown 5066
  }

  TEST_CASE("counts per verdict and FFP totals and merging") {
    Summary a, b;
    a.rows = 3;
    a.skipped = 1;
    a.add(Verdict::eligible, units::milliliters(3000), 12);
    a.add(Verdict::not_eligible, units::milliliters(4000), 16);
    b.rows = 2;
    b.not_planned = 1;
    b.add(Verdict::cannot_decide, units::milliliters(5000), std::nullopt);
    a.merge(b);
    CHECK(a.rows == 5);
    CHECK(a.evaluated == 3);
    CHECK(a.skipped == 1);
    CHECK(a.not_planned == 1);
    CHECK(a.per_verdict[static_cast<std::size_t>(Verdict::eligible)] == 1);
    CHECK(a.per_verdict[static_cast<std::size_t>(Verdict::not_eligible)] == 1);
    CHECK(a.per_verdict[static_cast<std::size_t>(Verdict::cannot_decide)] == 1);
    CHECK(a.ffp_rows == 2);
    CHECK(a.ffp_units_total == 28);
    CHECK(a.percentile_ml(50) == 4000U);
    const std::string text = summary_text(a);
    const auto line_of = [&](std::string_view label) {
      const auto at = text.find(label);
      REQUIRE(at != std::string::npos);
      return text.substr(at, text.find('\n', at) - at);
    };
    CHECK(line_of("FFP units per session, total").ends_with(" 28 (2 patients)"));
    CHECK(line_of("exchange volume per session, P50").ends_with(" 4000 mL"));
    CHECK(line_of("exchange volume per session, total").ends_with(" 12 000 mL"));
    CHECK(line_of("not_eligible").ends_with(" 1"));
    CHECK(text.find("cannot_decide") != std::string::npos);
  }

  TEST_CASE("one patient with FFP is counted in the singular") {
    Summary s;
    s.rows = 1;
    s.add(Verdict::eligible, units::milliliters(3377), 14);
    CHECK(summary_text(s).find(" 14 (1 patient)\n") != std::string::npos);
  }

  TEST_CASE("with no patient evaluated the summary does not blame the protocol for no FFP") {
    Summary s;
    s.rows = 3;
    s.skipped = 3;
    const std::string text = summary_text(s);
    CHECK(text.find("no patient was evaluated") != std::string::npos);
    CHECK(text.find("gives no FFP replacement") == std::string::npos);
  }
}

}  // namespace
}  // namespace lb::cohort
