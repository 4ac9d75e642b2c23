#include <doctest/doctest.h>

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

  TEST_CASE("a re-equilibrated post value re-fits f and re-plans the volume") {
    Course c;
    // 5000 mL of PV 3376.6 mL (§9.1 V4): x = 1.4808. Observed 2.48/4.0 = 0.62, predicted with
    // f 0.45: 0.45·e^−1.4808 + 0.55 = 0.6524. f_fit = 0.38 / (1 − e^−1.4808) = 0.4919. Target
    // for the planned 1.5 PV: 0.45·e^−1.5 + 0.55 = 0.6504 (§2.2 table, IgG); x' =
    // −ln((0.6504 − 1 + 0.4919) / 0.4919) = 1.2404; V' = 1.2404 × 3376.6 = 4188 mL.
    c.store.add_session(performed("5000 mL", "2.48 mg/dL", "2026-11-21T06:00Z"), "nurse");
    const auto review = records::review_course(c.store, lb::testing::kExamplePatientId);
    const auto& lab = review.sessions.at(0).labs.at(0);
    CHECK(lab.equilibrated);
    CHECK(units::in_fraction(*lab.observed_ratio) == doctest::Approx(0.62));
    REQUIRE(lab.refit);
    CHECK(units::in_fraction(lab.refit->predicted_ratio.value) ==
          doctest::Approx(0.6524).epsilon(1e-3));
    CHECK(units::in_fraction(lab.refit->fitted_fraction->value) ==
          doctest::Approx(0.4919).epsilon(1e-3));
    REQUIRE(review.next_session_volume);
    CHECK(units::in_milliliters(review.next_session_volume->value) ==
          doctest::Approx(4188).epsilon(2e-3));
    CHECK(review.next_session_basis.find("bilirubin after session 1") != std::string::npos);
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
