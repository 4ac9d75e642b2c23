// Header errors: unknown column, unit missing/unknown/of the wrong dimension,
// a unit where none belongs, duplicates, missing required columns.
#include <doctest/doctest.h>

#include "support.hpp"

namespace lb::cohort {
namespace {

const std::string kRequired = "sex,age[years],height[cm],weight[kg],hematocrit[%],diagnosis";

std::vector<std::string> header_errors(const std::string& line) {
  std::vector<std::string_view> cells;
  std::string scratch, error;
  REQUIRE(csv::split(line, cells, scratch, error));
  std::vector<std::string> errors;
  CHECK_FALSE(parse_header(cells, errors).has_value());
  return errors;
}

TEST_SUITE("cohort") {
  TEST_CASE("a valid header resolves every column with its unit") {
    const Header h = test::header_of(kRequired + ",bilirubin[umol/L],platelets[10^3/uL],inr");
    CHECK(h.columns.size() == 9);
  }

  TEST_CASE("units are read from the header and converted to SI") {
    const Header h = test::header_of(
        "sex,age[years],height[in],weight[lb],hematocrit,diagnosis,bilirubin[umol/L],"
        "creatinine[mg/dL],ionized_calcium[mEq/L]");
    CHECK(h.columns[2].si_per_unit == doctest::Approx(0.0254));
    CHECK(h.columns[3].si_per_unit == doctest::Approx(0.45359237));
    CHECK(h.columns[4].si_per_unit == 1.0);  // hematocrit as a fraction
    CHECK_FALSE(h.columns[6].lab_as_mass);
    CHECK(h.columns[7].lab_as_mass);
    CHECK(h.columns[8].si_per_unit == doctest::Approx(0.5));  // divalent calcium
  }

  TEST_CASE("header errors name the column and what was expected") {
    const auto errors = header_errors(
        "sex,age[years],height,weight[stone],hematocrit[%],diagnosis,bilirubn[mg/dL],"
        "platelets[mg/dL],inr[mg/dL],bilirubin[mEq/L],sex");
    REQUIRE(errors.size() == 7);
    CHECK(errors[0] ==
          "column 3 'height': the header has no unit; write it as 'height[unit]', expected a "
          "length in cm, m, in, ft");
    CHECK(errors[1].find("column 4 'weight[stone]': unknown unit 'stone'") == 0);
    CHECK(errors[1].find("expected a mass") != std::string::npos);
    CHECK(errors[2].find("column 7 'bilirubn[mg/dL]': unknown column 'bilirubn' (did you mean "
                         "'bilirubin'?)") == 0);
    CHECK(errors[3].find("column 8 'platelets[mg/dL]': 'mg/dL' is a mass concentration unit") == 0);
    CHECK(errors[4] == "column 9 'inr[mg/dL]': 'inr' takes no unit; write the header as 'inr'");
    CHECK(errors[5].find("column 10 'bilirubin[mEq/L]': mEq/L is not a unit for bilirubin") == 0);
    CHECK(errors[6] == "column 11 'sex': 'sex' appears twice");
  }

  TEST_CASE("missing required columns are listed") {
    const auto errors = header_errors("id,sex,age[years],weight[kg]");
    REQUIRE(errors.size() == 3);
    CHECK(errors[0] == "missing required column 'height' (with its unit: cm, m, in or ft)");
    CHECK(errors[1].find("missing required column 'hematocrit'") == 0);
    CHECK(errors[2] == "missing required column 'diagnosis'");
  }

  TEST_CASE("a header with problems stops the run before any row") {
    const auto r = test::run_on("id,sex\nP1,male\n", test::bundled("pe-aclf-plexar"));
    CHECK_FALSE(r.run.summary.has_value());
    CHECK(r.run.header_errors.size() == 5);
    CHECK(r.results.empty());
  }

  TEST_CASE("every documented column is accepted with its first documented unit") {
    std::string line;
    for (const auto& doc : documented_columns()) {
      // "bilirubin[mg/dL or umol/L]", "height[cm, m, in] (required)", "inr"
      const auto open = doc.find('[');
      std::string cell = doc.substr(0, std::min(open, doc.find(' ')));
      if (open != std::string::npos) {
        const std::string units = doc.substr(open + 1, doc.find(']') - open - 1);
        cell += "[" + units.substr(0, std::min(units.find(','), units.find(" or"))) + "]";
      }
      line += (line.empty() ? "" : ",") + cell;
    }
    const Header h = test::header_of(line);
    CHECK(h.columns.size() == column_specs().size());
  }
}

}  // namespace
}  // namespace lb::cohort
