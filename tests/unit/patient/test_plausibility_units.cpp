// The plausibility bounds in every unit a field accepts (issue 12): a value is held
// against the range expressed in the unit it was written in, rounded outward to the digits
// the message shows, so the value on a stated edge loads, the value just past it is
// refused, and the message states a bound the value is really outside of, in that unit.
#include <doctest/doctest.h>

#include <cmath>
#include <sstream>
#include <vector>

#include "patient/catalogue.hpp"
#include "patient_text.hpp"

using namespace lb;
using diag::Severity;
using lb::testing::all_diagnostics;
using lb::testing::PatientText;

namespace {

std::string written(double v, const std::string& unit) {
  std::ostringstream s;
  s.precision(12);
  s << v;
  return unit.empty() ? s.str() : s.str() + " " + unit;
}

/// The units a field is written in: its usual units, and a bare number where it takes one.
std::vector<std::string> units_of(const patient::Field& f) {
  std::vector<std::string> out(f.units.usual.begin(), f.units.usual.end());
  if (f.units.bare_fraction || f.kind == patient::FieldKind::number) out.emplace_back();
  return out;
}

/// One unit of the last digit plain_number shows for `v`.
double last_digit(double v) {
  const std::string shown = patient::plain_number(v);
  const auto point = shown.find('.');
  const auto decimals = point == std::string::npos ? 0 : shown.size() - point - 1;
  return std::pow(10.0, -static_cast<double>(decimals));
}

std::vector<const diag::Diagnostic*> errors_at(const patient::PatientLoad& load,
                                               const std::string& key) {
  std::vector<const diag::Diagnostic*> out;
  for (const auto& d : load.diagnostics.items()) {
    if (d.severity == Severity::error && d.key == key) out.push_back(&d);
  }
  return out;
}

}  // namespace

TEST_SUITE("patient") {
  TEST_CASE(
      "every bound in every accepted unit: on it loads just past it is refused in that unit") {
    int checked = 0;
    for (const auto& f : patient::field_catalogue()) {
      if (!f.range) continue;
      const std::string key(f.key);
      for (const std::string& unit : units_of(f)) {
        const auto r = patient::range_in_unit(f, unit);
        INFO(key << " in '" << unit << "'");
        REQUIRE(r.has_value());
        std::vector<std::pair<double, double>> edges{{r->hard_max, +1.0}};
        if (r->hard_min > 0) edges.emplace_back(r->hard_min, -1.0);
        for (const auto& [bound, direction] : edges) {
          const std::string on = written(bound, unit);
          const auto ok = PatientText{}.set(key, on).load();
          INFO(on << "\n" << all_diagnostics(ok.diagnostics));
          CHECK(errors_at(ok, key).empty());

          const std::string past = written(bound + direction * last_digit(bound), unit);
          const auto bad = PatientText{}.set(key, past).load();
          INFO(past << "\n" << all_diagnostics(bad.diagnostics));
          const auto errors = errors_at(bad, key);
          REQUIRE(errors.size() == 1);
          // Consistent: the value as written, the bounds in the same unit, no conversion.
          CHECK(errors[0]->message ==
                past + " is implausible; expected " + patient::describe_hard(*r));
          ++checked;
        }
      }
    }
    CHECK(checked > 60);
  }

  TEST_CASE("the edges the outside test found refused are inside in the unit written") {
    // Each was refused as "X (= just over the bound) is implausible; expected the bound".
    for (const auto& [key, value] :
         std::vector<std::pair<std::string, std::string>>{{"labs.ammonia", "1703.6 \u00b5g/dL"},
                                                          {"labs.lactate", "360.4 mg/dL"},
                                                          {"labs.glucose", "1802 mg/dL"},
                                                          {"clinical.pao2_fio2", "106.7 kPa"},
                                                          {"labs.bilirubin", "1710 \u00b5mol/L"}}) {
      const auto load = PatientText{}.set(key, value).load();
      INFO(key << ": " << value << "\n" << all_diagnostics(load.diagnostics));
      CHECK(errors_at(load, key).empty());
    }
    // Where the converted bound is closer than the old documented figure, the message
    // says so in the same unit.
    const auto map = PatientText{}.set("clinical.map", "1.3 kPa").load();
    REQUIRE(errors_at(map, "clinical.map").size() == 1);
    CHECK(errors_at(map, "clinical.map")[0]->message ==
          "1.3 kPa is implausible; expected 1.333\u201333.34 kPa");
    const auto ca = PatientText{}.set("labs.ionized_calcium", "7 mEq/L").load();
    REQUIRE(errors_at(ca, "labs.ionized_calcium").size() == 1);
    CHECK(errors_at(ca, "labs.ionized_calcium")[0]->message ==
          "7 mEq/L is implausible; expected 0.2\u20136 mEq/L");
  }
}
