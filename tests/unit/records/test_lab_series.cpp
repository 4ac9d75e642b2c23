// The records lab chart's series, built in core from the stored typed values:
// shown in the unit first entered (through the unit parser, not by reading the
// typed number back), other dimensions counted and left out, the model's
// predicted line from the value before to before × predicted ratio.
#include <doctest/doctest.h>

#include "records/lab_series.hpp"
#include "units/parse.hpp"

using namespace lb;

namespace {

records::LabValue lab(const std::string& analyte, const std::string& timing,
                      const std::string& text, std::int64_t at) {
  const auto parsed = units::parse_quantity(text, true);
  REQUIRE(parsed);
  return {timing, analyte, {parsed.value->quantity(), text}, records::timestamp_from_epoch(at)};
}

records::SessionRecord session(std::int64_t id, std::int64_t start,
                               std::vector<records::LabValue> labs) {
  records::SessionRecord s;
  s.id = records::SessionId(id);
  s.data.started = records::timestamp_from_epoch(start);
  s.data.labs = std::move(labs);
  return s;
}

records::LabReview modelled(const std::string& analyte, double ratio) {
  records::LabReview l;
  l.analyte = analyte;
  l.refit.emplace();
  l.refit->predicted_ratio.value = units::fraction(ratio);
  return l;
}

constexpr std::int64_t kT0 = 1'800'000'000;
constexpr std::int64_t kHour = 3600;

}  // namespace

TEST_SUITE("records") {
  TEST_CASE(
      "lab series: the unit first entered with other dimensions left out and predicted lines") {
    const std::vector<records::SessionRecord> sessions = {
        session(11, kT0,
                {lab("bilirubin", "pre", "10 mg/dL", kT0 - kHour),
                 lab("bilirubin", "post", "6 mg/dL", kT0 + 8 * kHour),
                 lab("inr", "pre", "2.1", kT0 - kHour)}),
        session(12, kT0 + 24 * kHour,
                {lab("bilirubin", "pre", "0.07 g/L", kT0 + 23 * kHour),
                 lab("bilirubin", "post", "85.5 µmol/L", kT0 + 32 * kHour)}),
    };
    records::CourseReview review;
    review.sessions.resize(2);
    review.sessions[0].number = 1;
    review.sessions[0].session_id = records::SessionId(11);
    review.sessions[0].labs = {modelled("bilirubin", 0.5)};
    review.sessions[1].number = 2;
    review.sessions[1].session_id =
        records::SessionId(12);  // its post is µmol/L: left out, the line still drawn
    review.sessions[1].labs = {modelled("bilirubin", 0.5)};

    const auto series = records::lab_series(sessions, review);
    REQUIRE(series.size() == 2);
    const auto& bili = series[0];  // modelled first
    CHECK(bili.analyte == "bilirubin");
    CHECK(bili.unit == "mg/dL");
    CHECK(bili.other_units == 1);
    REQUIRE(bili.observed.size() == 3);
    CHECK(bili.observed[0].hours == doctest::Approx(0.0));  // the first draw starts the course
    CHECK(bili.observed[0].value == doctest::Approx(10.0));
    CHECK(bili.observed[1].value == doctest::Approx(6.0));
    CHECK(bili.observed[2].value == doctest::Approx(7.0));  // 0.07 g/L in mg/dL
    CHECK(bili.observed[2].session == 2);
    CHECK(bili.observed[2].hours == doctest::Approx(24.0));
    REQUIRE(bili.predicted.size() == 2);
    CHECK(bili.predicted[0].before.value == doctest::Approx(10.0));
    CHECK(bili.predicted[0].predicted.value == doctest::Approx(5.0));
    CHECK(bili.predicted[0].predicted.hours == doctest::Approx(9.0));
    CHECK(bili.predicted[1].before.value == doctest::Approx(7.0));
    CHECK(bili.predicted[1].predicted.value == doctest::Approx(3.5));
    CHECK(bili.predicted[1].predicted.session == 2);

    const auto& inr = series[1];
    CHECK(inr.unit.empty());
    CHECK_FALSE(inr.modelled());
    REQUIRE(inr.observed.size() == 1);
    CHECK(inr.observed[0].value == doctest::Approx(2.1));
  }

  TEST_CASE("lab series: percent values are shown in percent and nothing recorded gives nothing") {
    const std::vector<records::SessionRecord> sessions = {
        session(1, kT0, {lab("factor_v", "pre", "30 %", kT0)})};
    const auto series = records::lab_series(sessions, {});
    REQUIRE(series.size() == 1);
    CHECK(series[0].unit == "%");
    CHECK(series[0].observed.at(0).value == doctest::Approx(30.0));
    CHECK(records::lab_series({}, {}).empty());
  }
}
