// The plausibility table: every bound accepts the value on it and rejects (hard)
// or warns about (soft) the value just beyond it, at the value's position.
#include <doctest/doctest.h>

#include <cmath>
#include <sstream>

#include "patient/plausibility.hpp"
#include "patient_text.hpp"
#include "units/parse.hpp"

using namespace lb;
using diag::Severity;
using lb::testing::all_diagnostics;
using lb::testing::PatientText;

namespace {

std::string value_text(double v, std::string_view unit) {
  std::ostringstream s;
  s.precision(10);
  s << v;
  if (!unit.empty()) s << " " << unit;
  return s.str();
}

/// Loads the default patient with `key` set to `v` in the range's unit.
patient::PatientLoad load_with(const patient::PlausibleRange& r, double v, PatientText& t) {
  t.set(std::string(r.key), value_text(v, r.unit));
  return t.load();
}

/// How a value just beyond a bound is classified; `step` is signed.
double beyond(double bound, double step) {
  return bound + step * std::fmax(std::fabs(bound), 1.0) * 1e-3;
}

std::size_t count_at(const patient::PatientLoad& load, Severity s, const std::string& key) {
  std::size_t n = 0;
  for (const auto& d : load.diagnostics.items()) {
    if (d.severity == s && d.key == key) ++n;
  }
  return n;
}

}  // namespace

TEST_SUITE("patient") {
  TEST_CASE("the table is well formed: units parse hard bounds enclose soft bounds") {
    CHECK(patient::plausible_ranges().size() >= 25);
    for (const auto& r : patient::plausible_ranges()) {
      INFO(r.key);
      if (!r.unit.empty()) {
        CHECK(units::parse_quantity("1 " + std::string(r.unit)).value.has_value());
      }
      CHECK(r.hard_min >= 0.0);  // negative values are always errors
      CHECK(r.hard_min < r.hard_max);
      if (r.soft_min) CHECK((r.hard_min <= *r.soft_min && *r.soft_min < r.hard_max));
      if (r.soft_max) CHECK((r.hard_min < *r.soft_max && *r.soft_max <= r.hard_max));
      if (r.soft_min && r.soft_max) CHECK(*r.soft_min < *r.soft_max);
      CHECK(patient::find_range(r.key) == &r);
    }
    CHECK(patient::find_range("nonsense") == nullptr);
  }

  TEST_CASE("the issue's bounds: weight height hematocrit age INR sodium") {
    const auto* w = patient::find_range("weight");
    REQUIRE(w != nullptr);
    CHECK(w->hard_min == 0.5);
    CHECK(w->hard_max == 500);
    CHECK(patient::describe_hard(*w) == "0.5\u2013500 kg");
    CHECK(patient::describe_soft(*w) == "35\u2013250 kg");
    const auto* h = patient::find_range("height");
    REQUIRE(h != nullptr);
    CHECK(patient::describe_hard(*h) == "40\u2013250 cm");
    const auto* hct = patient::find_range("hematocrit");
    REQUIRE(hct != nullptr);
    CHECK(patient::describe_hard(*hct) == "10\u201370 %");
    CHECK(patient::describe_soft(*patient::find_range("age")) == "18 years or more");
    CHECK(patient::describe_soft(*patient::find_range("labs.bilirubin")) == "50 mg/dL or less");
    CHECK(patient::describe_soft(*patient::find_range("labs.inr")) == "15 or less");
    CHECK(patient::describe_soft(*patient::find_range("labs.sodium")) == "100\u2013180 mmol/L");
  }

  TEST_CASE("every hard bound: on it loads just beyond it is an error at the value") {
    for (const auto& r : patient::plausible_ranges()) {
      const std::string key(r.key);
      for (const auto& [bound, step] : {std::pair{r.hard_min, -1.0}, std::pair{r.hard_max, +1.0}}) {
        PatientText inside;
        const auto ok = load_with(r, bound, inside);
        INFO(key << " = " << value_text(bound, r.unit) << "\n" << all_diagnostics(ok.diagnostics));
        CHECK(ok.patient.has_value());
        CHECK(count_at(ok, Severity::error, key) == 0);

        PatientText outside;
        const double v = beyond(bound, step);
        const auto bad = load_with(r, v, outside);
        INFO(key << " = " << value_text(v, r.unit) << "\n" << all_diagnostics(bad.diagnostics));
        CHECK_FALSE(bad.patient.has_value());
        REQUIRE(count_at(bad, Severity::error, key) == 1);
        for (const auto& d : bad.diagnostics.items()) {
          if (d.key != key) continue;
          const auto [line, column] = outside.value_position(key);
          CHECK(d.where.line == line);
          CHECK(d.where.column == column);
          CHECK(d.message.find("expected " + patient::describe_hard(r)) != std::string::npos);
          CHECK(d.message.find(v < 0 ? "is negative" : "is implausible") != std::string::npos);
        }
      }
    }
  }

  TEST_CASE("every soft bound: on it is silent just beyond it is a warning") {
    for (const auto& r : patient::plausible_ranges()) {
      const std::string key(r.key);
      std::vector<std::pair<double, double>> bounds;
      if (r.soft_min) bounds.emplace_back(*r.soft_min, -1.0);
      if (r.soft_max) bounds.emplace_back(*r.soft_max, +1.0);
      for (const auto& [bound, step] : bounds) {
        PatientText on;
        const auto quiet = load_with(r, bound, on);
        INFO(key << " = " << value_text(bound, r.unit) << "\n"
                 << all_diagnostics(quiet.diagnostics));
        CHECK(quiet.patient.has_value());
        CHECK(quiet.diagnostics.empty());

        PatientText past;
        const double v = beyond(bound, step);
        const auto warned = load_with(r, v, past);
        INFO(key << " = " << value_text(v, r.unit) << "\n" << all_diagnostics(warned.diagnostics));
        CHECK(warned.patient.has_value());
        CHECK(count_at(warned, Severity::error, key) == 0);
        REQUIRE(count_at(warned, Severity::warning, key) == 1);
        for (const auto& d : warned.diagnostics.items()) {
          if (d.key != key) continue;
          const auto [line, column] = past.value_position(key);
          CHECK(d.where.line == line);
          CHECK(d.where.column == column);
          CHECK(d.message.find(patient::describe_soft(r)) != std::string::npos);
        }
      }
    }
  }

  TEST_CASE("lab bounds hold in the other unit system edge included") {
    struct Case {
      const char* key;
      const char* inside;
      const char* outside;
    };
    for (const auto& c : {Case{"labs.bilirubin", "1710 \u00b5mol/L", "1711 \u00b5mol/L"},
                          Case{"labs.creatinine", "2652 \u00b5mol/L", "2653 \u00b5mol/L"},
                          Case{"labs.ammonia", "1704 \u00b5g/dL", "1705 \u00b5g/dL"},
                          Case{"labs.glucose", "1802 mg/dL", "1803 mg/dL"},
                          Case{"labs.total_calcium", "24 mg/dL", "24.1 mg/dL"},
                          Case{"labs.albumin", "7 g/dL", "7.01 g/dL"},
                          Case{"labs.platelets", "2000 10^3/uL", "2001 10^3/uL"}}) {
      INFO(c.key);
      CHECK(PatientText{}.set(c.key, c.inside).load().patient.has_value());
      const auto bad = PatientText{}.set(c.key, c.outside).load();
      CHECK_FALSE(bad.patient.has_value());
      CHECK(count_at(bad, Severity::error, c.key) == 1);
    }
    // The §6 guard rail 50 mg/dL is 855 µmol/L: on it silent, above it a warning.
    CHECK(PatientText{}.set("labs.bilirubin", "855 \u00b5mol/L").load().diagnostics.empty());
    const auto warned = PatientText{}.set("labs.bilirubin", "856 \u00b5mol/L").load();
    CHECK(count_at(warned, Severity::warning, "labs.bilirubin") == 1);
  }

  TEST_CASE("plain_number writes numbers as a clinician would") {
    CHECK(patient::plain_number(0.5) == "0.5");
    CHECK(patient::plain_number(500) == "500");
    CHECK(patient::plain_number(0.05) == "0.05");
    CHECK(patient::plain_number(699.8932) == "699.9");
    CHECK(patient::plain_number(1710) == "1710");
    CHECK(patient::plain_number(123456) == "123456");
    CHECK(patient::plain_number(6.3) == "6.3");
    CHECK(patient::plain_number(-70) == "-70");
    CHECK(patient::plain_number(0) == "0");
    CHECK(patient::plain_number(-0.0) == "0");
    CHECK(patient::plain_number(0.0001234) == "0.000123");
    CHECK(patient::plain_number(1e20) == "100000000000000000000");
  }
}
