#include <doctest/doctest.h>

#include "records/fraction_fit.hpp"
#include "records/review.hpp"
#include "records/review_render.hpp"
#include "records/session_reader.hpp"
#include "records_fixture.hpp"

using namespace lb;

namespace {
// tests/records/data/test-kinetics.yaml: 1.5 PV per session, bilirubin two-compartment f 0.45.
const std::string kKineticProtocol =
    std::string(LB_SOURCE_DIR) + "/tests/records/data/test-kinetics.yaml";

records::PlanInput kinetic_plan(const std::string& review_json) {
  auto capture = records::capture_plan(lb::testing::example_request(review_json, kKineticProtocol));
  INFO(capture.error);
  REQUIRE(capture.input.has_value());
  return *capture.input;
}

records::SessionInput performed(const std::string& removed, const std::string& post_bilirubin,
                                const std::string& post_drawn) {
  auto load = records::parse_session(
      "patient: LB-ALF-0001\nstarted_at: 2026-11-20T08:00Z\nended_at: 2026-11-20T12:00Z\n"
      "plasma_removed: " +
          removed +
          "\nffp_units: 43\n"
          "labs:\n  pre:\n    drawn_at: 2026-11-20T07:30Z\n    bilirubin: 4.0 mg/dL\n"
          "  post:\n    drawn_at: " +
          post_drawn + "\n    bilirubin: " + post_bilirubin + "\n",
      "s.yaml");
  REQUIRE(load.session.has_value());
  return *load.session;
}

struct Course {
  lb::testing::TempDir dir;
  records::Store store{dir.file("records.db")};
  Course() {
    store.add_patient(lb::testing::kExamplePatientId, "nurse");
    store.add_plan(kinetic_plan(records::make_review_json({"plasma_removed=10%"}, "")));
  }
};
}  // namespace

TEST_SUITE("records") {
  TEST_CASE("planned vs actual flags deviations beyond the stated tolerance only") {
    Course c;
    c.store.add_session(performed("9000 mL", "2.48 mg/dL", "2026-11-21T06:00Z"), "nurse");
    const auto review = records::review_course(c.store, lb::testing::kExamplePatientId);
    REQUIRE(review.sessions.size() == 1);
    const auto& rows = review.sessions[0].comparisons;
    REQUIRE(rows.at(0).item == "plasma_removed");
    // 9000 mL vs 1.5 PV = 5065 mL (clinical.md §9.1 V4): +77.7 %, beyond 10 %.
    CHECK(units::in_fraction(*rows[0].deviation) == doctest::Approx(0.777).epsilon(1e-3));
    CHECK(rows[0].beyond_tolerance);
    for (const auto& r : rows) {
      if (r.item == "ffp_units") {  // this protocol orders no replacement section
        CHECK_FALSE(r.beyond_tolerance);
        CHECK(r.planned.empty());
        CHECK(r.actual == "43 units");
        CHECK(r.note == "not in the plan");
      }
    }
    REQUIRE(review.plans.size() == 1);
    CHECK(review.plans[0].reproduction.reproduced);
  }

  TEST_CASE("without a stated tolerance a deviation is shown but not assessed") {
    lb::testing::TempDir dir;
    records::Store store(dir.file("records.db"));
    store.add_patient(lb::testing::kExamplePatientId, "nurse");
    store.add_plan(kinetic_plan(records::make_review_json({}, "")));
    store.add_session(performed("9000 mL", "2.48 mg/dL", "2026-11-21T06:00Z"), "nurse");
    const auto review = records::review_course(store, lb::testing::kExamplePatientId);
    const auto& row = review.sessions.at(0).comparisons.at(0);
    CHECK(row.deviation.has_value());
    CHECK_FALSE(row.beyond_tolerance);
    CHECK(row.note == "no tolerance stated: not assessed");
  }

  TEST_CASE("a re-equilibrated post value re-fits f and re-plans the volume through the engine") {
    Course c;
    // 5000 mL of PV 3376.6 mL (§9.1 V4): x = 1.4808, session 08:00–12:00, post drawn 18 h
    // after the end; f 0.45, T 12 h, no production (tests/records/data/test-kinetics.yaml).
    c.store.add_session(performed("5000 mL", "2.48 mg/dL", "2026-11-21T06:00Z"), "nurse");
    const auto review = records::review_course(c.store, lb::testing::kExamplePatientId);
    const auto& lab = review.sessions.at(0).labs.at(0);
    CHECK(lab.equilibrated);
    CHECK(units::in_fraction(*lab.observed_ratio) == doctest::Approx(0.62));
    REQUIRE(lab.refit);
    CHECK(units::in_fraction(lab.refit->exchanged_plasma_volumes.value) ==
          doctest::Approx(1.4808).epsilon(1e-3));
    // The same session through the engine, from the pre draw 30 min before the start.
    records::SessionCase<units::MassConcentration> sc;
    sc.params.intravascular_fraction = units::fraction(0.45);
    sc.params.redistribution_half_time = units::hours(12);
    sc.pre = units::mg_per_dl(4.0);
    sc.pre_at = 0;
    sc.started = 1800;
    sc.ended = 1800 + 4 * 3600;
    sc.x = lab.refit->exchanged_plasma_volumes.value;
    const std::int64_t post_at = 1800 + 22 * 3600;
    CHECK(units::in_fraction(lab.refit->predicted_ratio.value) ==
          doctest::Approx(units::in_mg_per_dl(records::post_value(sc, post_at)) / 4.0));
    // 18 h after a session with T 12 h the plasma has not fully refilled, so the engine's f is
    // below the closed form's (1 − 0.62)/(1 − e^−1.4808) = 0.4919.
    REQUIRE(lab.refit->fitted_fraction);
    const double f = units::in_fraction(lab.refit->fitted_fraction->value);
    CHECK(f < 0.4919);
    CHECK(units::in_mg_per_dl(records::post_value_with(sc, f, post_at)) ==
          doctest::Approx(2.48).epsilon(1e-6));
    // The re-planned volume gives, with the fitted f, the post value the plan predicts at its
    // 1.5 PV with the protocol's f.
    REQUIRE(review.next_session_volume);
    auto planned = sc;
    planned.x = units::fraction(1.5);
    auto refitted = sc;
    refitted.params.intravascular_fraction = units::fraction(f);
    refitted.x = units::fraction(units::in_milliliters(review.next_session_volume->value) / 3376.6);
    CHECK(
        units::in_mg_per_dl(records::post_value(refitted, post_at)) ==
        doctest::Approx(units::in_mg_per_dl(records::post_value(planned, post_at))).epsilon(2e-3));
    CHECK(review.next_session_basis.find("bilirubin after session 1") != std::string::npos);
    // Every figure names its draws with their times and its source.
    const auto& how = lab.refit->fitted_fraction->how;
    CHECK(how.inputs.at(0).text == "pre 1 (2026-11-20T07:30:00Z, 4.0 mg/dL)");
    CHECK(how.inputs.at(1).text == "post 1 (2026-11-21T06:00:00Z, 2.48 mg/dL)");
    CHECK_FALSE(how.source.empty());
    const auto text = records::render_review_text(review);
    CHECK(text.find("MODEL ESTIMATE") != std::string::npos);
    CHECK(records::review_json(review)["next_session"]["model_estimate"] == true);
  }

  TEST_CASE("an immediate post value is not used for the re-fit") {
    Course c;
    c.store.add_session(performed("5000 mL", "2.0 mg/dL", "2026-11-20T12:30Z"), "nurse");
    const auto review = records::review_course(c.store, lb::testing::kExamplePatientId);
    const auto& lab = review.sessions.at(0).labs.at(0);
    CHECK_FALSE(lab.equilibrated);
    CHECK_FALSE(lab.refit);
    CHECK(lab.note.find("before the 12 h stated for re-equilibration") != std::string::npos);
    CHECK_FALSE(review.next_session_volume);
  }

  TEST_CASE("a lab without a kinetic model is named by its catalogue label") {
    Course c;
    auto load = records::parse_session(
        "patient: LB-ALF-0001\nstarted_at: 2026-11-20T08:00Z\nended_at: 2026-11-20T12:00Z\n"
        "plasma_removed: 5000 mL\nffp_units: 43\n"
        "labs:\n  pre:\n    drawn_at: 2026-11-20T07:30Z\n    inr: 2.4\n"
        "  post:\n    drawn_at: 2026-11-21T06:00Z\n    inr: 1.6\n",
        "s.yaml");
    REQUIRE(load.session.has_value());
    c.store.add_session(*load.session, "nurse");
    const auto review = records::review_course(c.store, lb::testing::kExamplePatientId);
    const auto& lab = review.sessions.at(0).labs.at(0);
    // The stored key is "inr"; pages name it as the patient form does.
    CHECK(lab.note == "the protocol gives no kinetic model for INR: no prediction");
    CHECK(records::render_review_text(review).find("  lab INR: 2.4 -> 1.6") != std::string::npos);
    CHECK(records::review_json(review)["sessions"][0]["labs"][0]["analyte"] == "inr");
  }

  TEST_CASE("review parameters are checked") {
    CHECK_THROWS_WITH_AS(records::make_review_json({"volume=10%"}, ""),
                         doctest::Contains("ITEM=PERCENT"), records::InputError);
    CHECK_THROWS_AS(records::make_review_json({"duration=-5%"}, ""), records::InputError);
    CHECK_THROWS_AS(records::make_review_json({}, "12 kg"), records::InputError);
    const auto p =
        records::parse_review_parameters(records::make_review_json({"duration=20%"}, "18 h"));
    CHECK(units::in_percent(p.tolerances.at("duration")) == doctest::Approx(20));
    CHECK(units::in_hours(p.equilibration) == doctest::Approx(18));
    CHECK(units::in_minutes(p.equilibration) == doctest::Approx(18 * 60));
  }
}
