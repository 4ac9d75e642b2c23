// The redistribution half-time fitted to post draws taken during the refill
// (half_time_fit.hpp). The draws are made by the engine at a known T and the fit must find
// that T again; the engine's own values are checked against the reference's closed forms in
// tests/unit/kinetics.
#include <doctest/doctest.h>

#include "records/half_time_fit.hpp"

using namespace lb;

namespace {
constexpr std::int64_t kHour = 3600;

/// Bilirubin, f 0.45, pre 4.0 mg/dL drawn 30 min before a 4 h session exchanging 1.48
/// plasma volumes, with a draw `after` seconds after its end made at half-time `truth`.
records::RefillDraw<units::MassConcentration> drawn(units::Duration truth, std::int64_t after,
                                                    double x = 1.48) {
  records::SessionCase<units::MassConcentration> c;
  c.params.intravascular_fraction = units::fraction(0.45);
  c.pre = units::mg_per_dl(4.0);
  c.pre_at = 0;
  c.started = kHour / 2;
  c.ended = c.started + 4 * kHour;
  c.x = units::fraction(x);
  records::RefillDraw<units::MassConcentration> d{c, units::mg_per_dl(0.0), c.ended + after};
  d.observed = records::refill_value(d, truth);
  // The fit starts from another T: the protocol's.
  d.session.params.redistribution_half_time = units::hours(12.0);
  return d;
}
}  // namespace

TEST_SUITE("records") {
  TEST_CASE("half-time fit: a draw during the refill gives back the T it was made with") {
    for (const double hours : {3.0, 6.0, 12.0, 30.0}) {
      INFO(hours << " h");
      const auto fit = records::fit_half_time(std::vector{drawn(units::hours(hours), 2 * kHour)});
      REQUIRE(fit.half_time.has_value());
      CHECK(units::in_hours(*fit.half_time) == doctest::Approx(hours).epsilon(1e-6));
      CHECK(fit.rms < 1e-9);
    }
  }

  TEST_CASE("half-time fit: the value at the draw between its two limits") {
    // T → 0: the compartments stay mixed during the session, the whole amount is exchanged
    // at rate f·x: C = 4.0·e^(−0.45 × 1.48) = 2.0567. T → ∞: the plasma alone is exchanged
    // and does not refill: C = 4.0·e^(−1.48) = 0.9103 (clinical reference §7.3).
    const auto d = drawn(units::hours(6.0), 2 * kHour);
    CHECK(units::in_mg_per_dl(records::refill_value(d, units::seconds(1.0))) ==
          doctest::Approx(2.0567).epsilon(1e-3));
    CHECK(units::in_mg_per_dl(records::refill_value(d, units::hours(24.0 * 365))) ==
          doctest::Approx(0.9103).epsilon(1e-3));
    // Between them it rises and then falls: at 1 h above both limits.
    CHECK(units::in_mg_per_dl(records::refill_value(d, units::hours(1.0))) > 2.0567);
  }

  TEST_CASE("half-time fit: one draw that two half-times explain is not a fit") {
    // A draw made at T = 0.2 h lies on the rising side; one T on the falling side gives the
    // same value. A second draw at another time tells them apart.
    const auto one = drawn(units::hours(0.2), 2 * kHour);
    const auto fit = records::fit_half_time(std::vector{one});
    CHECK_FALSE(fit.half_time.has_value());
    CHECK(fit.problem == records::HalfTimeFit::Problem::ambiguous);
    // The other half-time named explains the draw as well (the one made, or its twin).
    REQUIRE(fit.other.has_value());
    CHECK(units::in_mg_per_dl(records::refill_value(one, *fit.other)) ==
          doctest::Approx(units::in_mg_per_dl(one.observed)).epsilon(1e-4));
    const auto two =
        records::fit_half_time(std::vector{one, drawn(units::hours(0.2), 9 * kHour, 1.0)});
    REQUIRE(two.half_time.has_value());
    CHECK(units::in_hours(*two.half_time) == doctest::Approx(0.2).epsilon(1e-6));
  }

  TEST_CASE("half-time fit: several sessions - least squares over all of them") {
    // Draws made at one T at different times after different sessions: the fit finds it.
    const std::vector draws{drawn(units::hours(8.0), kHour, 1.2),
                            drawn(units::hours(8.0), 5 * kHour),
                            drawn(units::hours(8.0), 9 * kHour, 1.0)};
    const auto t = records::fit_half_time(draws);
    REQUIRE(t.half_time.has_value());
    CHECK(units::in_hours(*t.half_time) == doctest::Approx(8.0).epsilon(1e-6));
    // Draws that disagree (made at 7 h and at 8 h): the fit lies between them, where the
    // residuals are least, and moving T either way makes them larger.
    const std::vector mixed{drawn(units::hours(7.0), 2 * kHour),
                            drawn(units::hours(8.0), 2 * kHour)};
    const auto m = records::fit_half_time(mixed);
    INFO("problem " << static_cast<int>(m.problem) << " rms " << m.rms);
    REQUIRE(m.half_time.has_value());
    CHECK(units::in_hours(*m.half_time) > 7.0);
    CHECK(units::in_hours(*m.half_time) < 8.0);
    CHECK(m.rms > 0.0);
    const double least = records::refill_residuals(mixed, *m.half_time);
    CHECK(least < records::refill_residuals(mixed, *m.half_time * 1.01));
    CHECK(least < records::refill_residuals(mixed, *m.half_time * 0.99));
  }

  TEST_CASE("half-time fit: a value no T in the range gives is not a fit") {
    // Above the highest value any T gives: the least point explains it only to 17 %.
    auto high = drawn(units::hours(6.0), 2 * kHour);
    high.observed = records::refill_value(high, units::hours(1.0)) * 1.2;
    const auto h = records::fit_half_time(std::vector{high});
    CHECK_FALSE(h.half_time.has_value());
    CHECK(h.problem == records::HalfTimeFit::Problem::residual);
    // Below the value at a week: the least point is the edge of the range.
    auto low = drawn(units::hours(6.0), 2 * kHour);
    low.observed = records::refill_value(low, records::kHalfTimeHigh) * 0.95;
    const auto l = records::fit_half_time(std::vector{low});
    CHECK_FALSE(l.half_time.has_value());
    CHECK(l.problem == records::HalfTimeFit::Problem::edge);
    CHECK(records::fit_half_time(std::vector<records::RefillDraw<units::MassConcentration>>{})
              .problem == records::HalfTimeFit::Problem::no_draws);
  }
}
