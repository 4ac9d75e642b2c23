// The review's next-session estimate refitted to the patient's own draws (course_refit.hpp):
// every expected number below is computed by hand from the closed forms in the comments.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>

#include "records/half_time_fit.hpp"
#include "records/review.hpp"
#include "records/review_render.hpp"
#include "records/session_reader.hpp"
#include "records_fixture.hpp"

using namespace lb;

namespace {
const std::string kFixture = std::string(LB_SOURCE_DIR) + "/tests/records/data/test-kinetics.yaml";

/// The records fixture protocol with its bilirubin model replaced by `model` (YAML lines).
std::string protocol_with(const std::string& model) {
  std::string text = io::read_file(kFixture);
  const auto at = text.find("  bilirubin:\n");
  REQUIRE(at != std::string::npos);
  const auto source = text.find("    source: test", at);
  REQUIRE(source != std::string::npos);
  return text.substr(0, at) + "  bilirubin:\n" + model + text.substr(source);
}

/// One session of 4 h (08:00–12:00 on `day`) removing 5000 mL, with bilirubin drawn 30 min
/// before and at `post_at` after.
records::SessionInput performed(const std::string& day, const std::string& pre,
                                const std::string& post_at, const std::string& post) {
  return lb::testing::parsed_session(
      "patient: LB-ALF-0001\nstarted_at: " + day + "T08:00Z\nended_at: " + day +
      "T12:00Z\nplasma_removed: 5000 mL\nlabs:\n  pre:\n    drawn_at: " + day +
      "T07:30Z\n    bilirubin: " + pre + "\n  post:\n    drawn_at: " + post_at +
      "\n    bilirubin: " + post + "\n");
}

struct Course {
  lb::testing::TempDir dir;
  records::Store store{dir.file("records.db")};
  explicit Course(const std::string& protocol_text) {
    store.add_patient(lb::testing::kExamplePatientId, "nurse");
    auto request = lb::testing::example_request(records::make_review_json({}, ""));
    request.protocol_text = protocol_text;
    request.protocol_file = "refit.yaml";
    auto capture = records::capture_plan(request);
    INFO(capture.error);
    REQUIRE(capture.input.has_value());
    store.add_plan(*capture.input);
  }
  /// Two sessions a day apart: 4.0 → 2.48 mg/dL, then 2.90 → 1.95 mg/dL; the untreated
  /// interval runs from post 1 (21 Nov 06:00) to pre 2 (22 Nov 07:30), 25.5 h.
  records::CourseReview two_sessions() {
    store.add_session(performed("2026-11-20", "4.0 mg/dL", "2026-11-21T06:00Z", "2.48 mg/dL"),
                      "nurse");
    store.add_session(performed("2026-11-22", "2.90 mg/dL", "2026-11-23T06:00Z", "1.95 mg/dL"),
                      "nurse");
    return records::review_course(store, lb::testing::kExamplePatientId);
  }
};

const records::CourseRefit& bilirubin(const records::CourseReview& r) {
  REQUIRE(r.refits.size() == 1);
  REQUIRE(r.refits[0].analyte == "bilirubin");
  return r.refits[0];
}

double mg_dl(const protocol::LabValue& v) {
  return units::in_mg_per_dl(std::get<units::MassConcentration>(v));
}
}  // namespace

TEST_SUITE("records") {
  TEST_CASE("refit: the untreated trend comes from post 1 to pre 2 and drives the estimate") {
    Course c(protocol_with("    model: one_compartment\n"));
    const auto review = c.two_sessions();
    const auto& r = bilirubin(review);
    // No return: C_pre2 = C_post1 + g·t → g = (2.90 − 2.48) / 25.5 h = 0.016471 mg/dL/h,
    // +0.395 mg/dL per 24 h.
    REQUIRE(r.fitted.size() == 1);
    CHECK(r.fitted[0].name.find("g (untreated trend") == 0);
    CHECK(r.fitted[0].value == "+0.40 mg/dL per 24 h");
    REQUIRE(r.fitted[0].draws.size() == 2);
    CHECK(r.fitted[0].draws[0].timing == "post");
    CHECK(r.fitted[0].draws[0].session == 1);
    CHECK(r.fitted[0].draws[1].timing == "pre");
    CHECK(r.fitted[0].draws[1].session == 2);
    REQUIRE(r.fitted_trend);
    CHECK(mg_dl(r.fitted_trend->value) == doctest::Approx(0.395).epsilon(2e-3));
    CHECK(r.fitted[0].published == "none given by the protocol");
    REQUIRE(r.from);
    CHECK(r.from->value == "1.95 mg/dL");
    // One session like session 2 from 1.95 mg/dL: x = 5000 / 3376.6 mL = 1.48078 over 4 h,
    // a = 0.370195/h; C_post = g/a + (1.95 − g/a)·e^(−x) = 0.04449 + 1.90551 × 0.22746
    // = 0.47792 mg/dL; at the efficacy labs (+12 h): 0.47792 + 12 × 0.016471 = 0.67557.
    REQUIRE(r.next);
    const auto& v = r.next->sessions.at(0);
    CHECK(mg_dl(v.post.value) == doctest::Approx(0.47792).epsilon(2e-3));
    CHECK(mg_dl(v.next_day.value) == doctest::Approx(0.67557).epsilon(2e-3));
    CHECK(r.next->generation_basis.find("post 1 (") != std::string::npos);
    const auto text = records::render_review_text(review);
    CHECK(text.find("fitted g (untreated trend at 1.95 mg/dL): +0.40 mg/dL per 24 h from post 1") !=
          std::string::npos);
    const auto json = records::review_json(review);
    CHECK(json["refits"][0]["fitted"][0]["draws"][1]["value"] == "2.90 mg/dL");
    CHECK(json["refits"][0]["next"]["next_day"].contains("low"));
  }

  TEST_CASE("refit: with a return the trend is fitted through the return's closed form") {
    Course c(protocol_with("    model: one_compartment\n    return_half_time: 24 h\n"));
    const auto review = c.two_sessions();
    const auto& r = bilirubin(review);
    // k_r = ln2/24 h; E = e^(−k_r·25.5 h) = 0.478802. C_pre2 = C* + (C_post1 − C*)·E →
    // C* = (2.90 − 2.48·E)/(1 − E) = 3.28584; p = k_r·C* = 0.094899 mg/dL/h; at the latest
    // value 1.95: g = p − k_r·1.95 = 0.038580 mg/dL/h = +0.93 per 24 h.
    REQUIRE(r.fitted.size() == 1);
    CHECK(r.fitted[0].value == "+0.93 mg/dL per 24 h");
    // The estimate: l = a + k_r, C_post = p/l + (1.95 − p/l)·e^(−l·4 h) = 0.58476;
    // +12 h: C* + (C_post − C*)·e^(−k_r·12 h) = 1.37589.
    REQUIRE(r.next);
    const auto& v = r.next->sessions.at(0);
    CHECK(mg_dl(v.post.value) == doctest::Approx(0.58476).epsilon(2e-3));
    CHECK(mg_dl(v.next_day.value) == doctest::Approx(1.37589).epsilon(2e-3));
  }

  TEST_CASE("refit: the intravascular fraction is fitted from a pre and re-equilibrated post") {
    // A redistribution half-time of 1 min (the loader's least) nearly keeps the compartments
    // equilibrated during the 4 h session, so C_post/C_pre → e^(−f·x): f = −ln(2.48/4.0) /
    // 1.48078 = 0.3228 (not the protocol's 0.45; the exact two-compartment solution with
    // T = 1 min gives 0.3248, within 1 %). No trend: one session only, no interval.
    Course c(
        protocol_with("    model: two_compartment\n    intravascular_fraction: 45 %\n"
                      "    redistribution_half_time: 1 min\n"));
    c.store.add_session(performed("2026-11-20", "4.0 mg/dL", "2026-11-21T06:00Z", "2.48 mg/dL"),
                        "nurse");
    const auto review = records::review_course(c.store, lb::testing::kExamplePatientId);
    const auto& r = bilirubin(review);
    REQUIRE(r.fitted.size() == 1);
    CHECK(r.fitted[0].name == "f (intravascular fraction)");
    CHECK(r.fitted[0].value == "0.32");
    REQUIRE(r.fitted_fraction);
    CHECK(units::in_fraction(r.fitted_fraction->value) == doctest::Approx(0.32283).epsilon(1e-2));
    // The fitted f explains itself: its draws with their times, the published value beside it.
    CHECK(r.fitted[0].published == "protocol 0.45 (no range given)");
    const auto& how = r.fitted_fraction->how;
    REQUIRE(how.inputs.size() >= 2);
    CHECK(how.inputs[0].text == "pre 1 (2026-11-20T07:30:00Z, 4.0 mg/dL)");
    CHECK(how.inputs[1].text == "post 1 (2026-11-21T06:00:00Z, 2.48 mg/dL)");
    CHECK(how.source.find("§7.3") != std::string::npos);
    // One f on the page: the session row shows the same figure as the course refit.
    const auto& row = review.sessions.at(0).labs.at(0);
    REQUIRE(row.refit);
    REQUIRE(row.refit->fitted_fraction);
    CHECK(row.refit->fitted_fraction->value == r.fitted_fraction->value);
    const auto text = records::render_review_text(review);
    CHECK(text.find("fitted f 0.32 (published: protocol 0.45 (no range given))") !=
          std::string::npos);
    CHECK(text.find("fitted f (intravascular fraction): 0.32 from pre 1") != std::string::npos);
    const auto json = records::review_json(review);
    CHECK(json["refits"][0]["fitted"][0]["derivation"]["derivation"]["inputs"][0]["text"] ==
          "pre 1 (2026-11-20T07:30:00Z, 4.0 mg/dL)");
    CHECK(json["refits"][0]["fitted"][0]["published"] == "protocol 0.45 (no range given)");
    REQUIRE(r.fitted[0].draws.size() == 2);
    CHECK(r.fitted[0].draws[0].value == "4.0 mg/dL");
    CHECK(r.fitted[0].draws[1].value == "2.48 mg/dL");
    // Kept: the trend (no interval) and T, each with its reason.
    REQUIRE(r.kept.size() == 2);
    CHECK(r.kept[0].find("g (untreated trend): no re-equilibrated post draw") == 0);
    CHECK(r.kept[1].find("T (redistribution half-time)") == 0);
    // The estimate runs with the fitted f: from 2.48, e^(−0.3228 × 1.48078) = 0.62 → 1.5376.
    REQUIRE(r.next);
    CHECK(mg_dl(r.next->sessions.at(0).next_day.value) ==
          doctest::Approx(2.48 * 0.62).epsilon(1e-2));
  }

  TEST_CASE("refit: the redistribution half-time is fitted from a post draw during the refill") {
    // The protocol says T 12 h; the patient's post draw 2 h after the end (inside the 12 h
    // equilibration) is made by the engine at T = 4 h, f 0.45, x = 5000 / 3376.6 mL.
    records::RefillDraw<units::MassConcentration> truth;
    truth.session.params.intravascular_fraction = units::fraction(0.45);
    truth.session.pre = units::mg_per_dl(4.0);
    truth.session.pre_at = 0;
    truth.session.started = 1800;
    truth.session.ended = 1800 + 4 * 3600;
    truth.session.x = units::fraction(5000.0 / 3376.6);
    truth.at = truth.session.ended + 2 * 3600;
    const double post = units::in_mg_per_dl(records::refill_value(truth, units::hours(4.0)));
    char post_text[32];
    std::snprintf(post_text, sizeof post_text, "%.6f mg/dL", post);
    Course c(protocol_with(
        "    model: two_compartment\n    intravascular_fraction: 45 %\n"
        "    redistribution_half_time: 12 h\n"
        "    uncertainty:\n      redistribution_half_time: {low: 6 h, high: 24 h}\n"));
    c.store.add_session(performed("2026-11-20", "4.0 mg/dL", "2026-11-20T14:00Z", post_text),
                        "nurse");
    // The next day's draw is where the estimate starts (settled, from session 1).
    const auto review = records::review_course(c.store, lb::testing::kExamplePatientId);
    const auto& r = bilirubin(review);
    REQUIRE(r.fitted.size() == 1);
    const auto& t = r.fitted[0];
    CHECK(t.name == "T (redistribution half-time)");
    CHECK(t.value == "4.0 h");
    CHECK(t.published == "protocol 12.0 h (range 6.0 h–24.0 h)");
    REQUIRE(t.draws.size() == 2);
    CHECK(t.draws[0].timing == "pre");
    CHECK(t.draws[1].timing == "post");
    CHECK(t.how.shown.value == doctest::Approx(4.0).epsilon(1e-3));
    CHECK(t.how.inputs.at(0).text.find("pre 1 (2026-11-20T07:30:00Z, 4.0 mg/dL) to post 1") == 0);
    // f was not fitted (no re-equilibrated post): the protocol's, said so in the inputs.
    bool f_input = false;
    for (const auto& in : t.how.inputs) {
      if (in.name == "f") f_input = in.text == "protocol 0.45 (no range given)";
    }
    CHECK(f_input);
    // T is no longer listed as kept; f and g are.
    for (const auto& k : r.kept) CHECK(k.find("T (redistribution") == std::string::npos);
    const auto text = records::render_review_text(review);
    CHECK(text.find("fitted T (redistribution half-time): 4.0 h from pre 1") != std::string::npos);
  }

  TEST_CASE("refit: the fitted half-time drives the estimate and its range no longer widens it") {
    // Two sessions: session 1's post 2 h after its end fits T; session 2's settled post
    // starts the estimate. With the fitted T the band comes from the other parameters only.
    const std::string model =
        "    model: two_compartment\n    intravascular_fraction: 45 %\n"
        "    redistribution_half_time: 12 h\n"
        "    uncertainty:\n      redistribution_half_time: {low: 1 h, high: 48 h}\n";
    Course fitted(protocol_with(model));
    fitted.store.add_session(performed("2026-11-20", "4.0 mg/dL", "2026-11-20T14:00Z", "1.6 mg/dL"),
                             "nurse");
    fitted.store.add_session(
        performed("2026-11-22", "2.90 mg/dL", "2026-11-23T06:00Z", "2.0 mg/dL"), "nurse");
    const auto review = records::review_course(fitted.store, lb::testing::kExamplePatientId);
    const auto& r = bilirubin(review);
    bool has_t = false;
    for (const auto& f : r.fitted) has_t = has_t || f.name == "T (redistribution half-time)";
    REQUIRE(has_t);
    REQUIRE(r.next);
    const auto& band = r.next->sessions.at(0).post_band;
    // f is fitted (session 2) and T is fitted: no parameter of this model has a range left.
    CHECK(mg_dl(band.low) == doctest::Approx(mg_dl(band.high)));
    // Without the refill draw T keeps its range, and the band is wide.
    Course kept(protocol_with(model));
    kept.store.add_session(performed("2026-11-20", "4.0 mg/dL", "2026-11-21T06:00Z", "2.48 mg/dL"),
                           "nurse");
    kept.store.add_session(performed("2026-11-22", "2.90 mg/dL", "2026-11-23T06:00Z", "2.0 mg/dL"),
                           "nurse");
    const auto other = records::review_course(kept.store, lb::testing::kExamplePatientId);
    REQUIRE(bilirubin(other).next);
    const auto& wide = bilirubin(other).next->sessions.at(0).post_band;
    CHECK(mg_dl(wide.high) - mg_dl(wide.low) > 0.01);
  }

  TEST_CASE("refit: a post draw before re-equilibration gives no trend interval") {
    Course c(protocol_with("    model: one_compartment\n"));
    c.store.add_session(performed("2026-11-20", "4.0 mg/dL", "2026-11-20T13:00Z", "1.0 mg/dL"),
                        "nurse");
    c.store.add_session(performed("2026-11-22", "2.90 mg/dL", "2026-11-23T06:00Z", "1.95 mg/dL"),
                        "nurse");
    const auto review = records::review_course(c.store, lb::testing::kExamplePatientId);
    const auto& r = bilirubin(review);
    CHECK(r.fitted.empty());
    REQUIRE(r.kept.size() == 1);
    CHECK(r.kept[0].find("no re-equilibrated post draw") != std::string::npos);
  }

  TEST_CASE("refit: no estimate starts from an immediate post draw of the last session") {
    Course c(protocol_with("    model: one_compartment\n"));
    c.store.add_session(performed("2026-11-20", "4.0 mg/dL", "2026-11-21T06:00Z", "2.48 mg/dL"),
                        "nurse");
    // Session 2's post is drawn 1 h after its end: not settled.
    c.store.add_session(performed("2026-11-22", "2.90 mg/dL", "2026-11-22T13:00Z", "1.10 mg/dL"),
                        "nurse");
    auto review = records::review_course(c.store, lb::testing::kExamplePatientId);
    const auto& r = bilirubin(review);
    CHECK_FALSE(r.next);
    CHECK_FALSE(r.from);
    CHECK(r.note.find("no draw 12 h or more after the end of session 2") != std::string::npos);
    // The trend from post 1 to pre 2 is still fitted.
    REQUIRE(r.fitted.size() == 1);
    CHECK(r.fitted[0].value == "+0.40 mg/dL per 24 h");
  }

  TEST_CASE("refit: a session with only its pre draw gives no estimate") {
    Course c(protocol_with("    model: one_compartment\n"));
    c.store.add_session(performed("2026-11-20", "4.0 mg/dL", "2026-11-21T06:00Z", "2.48 mg/dL"),
                        "nurse");
    c.store.add_session(lb::testing::parsed_session(
                            "patient: LB-ALF-0001\nstarted_at: 2026-11-22T08:00Z\nended_at: "
                            "2026-11-22T12:00Z\nplasma_removed: 5000 mL\nlabs:\n  pre:\n    "
                            "drawn_at: 2026-11-22T07:30Z\n    bilirubin: 2.90 mg/dL\n"),
                        "nurse");
    const auto review = records::review_course(c.store, lb::testing::kExamplePatientId);
    const auto& r = bilirubin(review);
    CHECK_FALSE(r.next);
    CHECK(r.note.find("after the end of session 2") != std::string::npos);
  }
}
