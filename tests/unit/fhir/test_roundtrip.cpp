// Export -> import gives back the same values for every example patient, and every quantity
// of the export is the value LiverBridge computed (scores, exchange volumes).
#include <doctest/doctest.h>

#include <cmath>

#include "fhir/codes.hpp"
#include "fhir/import.hpp"
#include "fhir/measurement.hpp"
#include "fhir_fixture.hpp"
#include "patient/catalogue.hpp"
#include "patient/patient_loader.hpp"
#include "records/store.hpp"
#include "units/parse.hpp"

namespace lb::fhir {
namespace {

using nlohmann::json;

/// A field's value as a quantity (labs in the unit system they were entered in).
std::optional<units::AnyQuantity> value_of(const patient::Field& f, const patient::Patient& p) {
  const auto v = f.get(p);
  if (!v) return std::nullopt;
  if (v->lab) {
    return v->lab->entered_as_mass() ? units::AnyQuantity::of(v->lab->mass())
                                     : units::AnyQuantity::of(v->lab->amount());
  }
  return v->quantity;
}

bool near(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b));
}

TEST_SUITE("fhir") {
  TEST_CASE("export then import gives back every lab and body measurement of each example") {
    for (const auto& file : testing::example_patient_files()) {
      INFO(file);
      const auto plan = testing::example_plan_of(file);
      const std::string bundle = fhir::render_bundle(fhir::sources_for_plan(plan, testing::kNow));
      const auto imported = import_bundle(bundle);
      for (const auto& p : imported.problems) INFO(format_problem(file, p));
      REQUIRE_FALSE(imported.has_errors());
      // The diagnosis travels as a Condition: the imported file is complete.
      CHECK(imported.missing.empty());
      const auto back = patient::parse_patient(imported.yaml, "imported.yaml");
      for (const auto& d : back.diagnostics.sorted()) INFO(diag::format(d));
      REQUIRE(back.patient.has_value());
      CHECK(back.patient->id == plan.patient.id);
      CHECK(back.patient->sex == plan.patient.sex);
      CHECK(back.patient->diagnosis == plan.patient.diagnosis);
      int compared = 0;
      for (const auto& f : patient::field_catalogue()) {
        bool coded = false;
        for (const auto& c : field_codes()) coded = coded || c.field == f.key;
        if (!coded) continue;
        const auto before = value_of(f, plan.patient);
        const auto after = value_of(f, *back.patient);
        INFO(f.key);
        REQUIRE(before.has_value() == after.has_value());
        if (before) {
          // Same dimension and the same value: their ratio is 1 (every example value is > 0).
          const auto r = units::ratio(*before, *after);
          REQUIRE(r.has_value());
          CHECK(near(*r, 1.0));
          ++compared;
        }
        // Labs keep the unit system they were entered in.
        const auto vb = f.get(plan.patient);
        const auto va = f.get(*back.patient);
        if (vb && vb->lab) CHECK(vb->lab->entered_as_mass() == va->lab->entered_as_mass());
      }
      CHECK(compared >= 10);
    }
  }

  TEST_CASE("a stored plan that cannot be read is a records input error naming the plan") {
    fhir::ExportSources sources;
    sources.patient_id = "LB-X";
    sources.plans.push_back({"{ not JSON", 7, true, testing::kNow});
    // records::InputError is what the export command reports as bad input (exit 2).
    CHECK_THROWS_WITH_AS(fhir::render_bundle(sources),
                         doctest::Contains("stored plan 7: its plan JSON cannot be read"),
                         records::InputError);
  }

  TEST_CASE("score Observations and exchange volumes are the values the plan computed") {
    const auto plan =
        testing::example_plan_of(std::string(LB_SOURCE_DIR) + "/examples/alf-paracetamol.yaml");
    const auto bundle = testing::example_bundle(plan);
    int scores = 0, sessions = 0;
    for (const auto& e : bundle["entry"]) {
      const auto& r = e["resource"];
      if (r["resourceType"] == "Observation" && r["code"]["coding"][0]["system"] == kScoreSystem) {
        const std::string key = r["code"]["coding"][0]["code"];
        const auto* s = plan.scores.find(key);
        REQUIRE(s != nullptr);
        if (r.contains("valueBoolean")) {
          CHECK(s->met == r["valueBoolean"].get<bool>());
        } else {
          REQUIRE(s->value.has_value());
          CHECK(near(*s->value, r["valueQuantity"]["value"].get<double>()));
        }
        ++scores;
      }
      if (r["resourceType"] == "ServiceRequest") {
        REQUIRE(plan.course.has_value());
        const auto& course = *plan.course;
        for (const auto& x : r["extension"]) {
          if (x["url"].get<std::string>().ends_with("exchange-volume")) {
            CHECK(x["valueQuantity"]["code"] == "mL");
            const double ml = x["valueQuantity"]["value"];
            CHECK(near(
                ml, *number_in(
                        units::AnyQuantity::of(
                            course.sessions.at(static_cast<std::size_t>(sessions)).exchange_volume),
                        "mL")));
          }
        }
        ++sessions;
      }
    }
    int computed = 0;
    for (const auto& s : plan.scores.results) computed += s.computed() ? 1 : 0;
    CHECK(scores == computed);
    CHECK(scores >= 3);
    CHECK(sessions == static_cast<int>(plan.course->sessions.size()));
  }
}

}  // namespace
}  // namespace lb::fhir
