// The text-free score numbers (score_values, the cohort's path) agree exactly
// with the full results (compute_scores) on thousands of generated patients
// whose labs sit on and around every threshold, in both unit systems, with
// inputs missing at random, under both settings of every disagreement.
#include <doctest/doctest.h>

#include <array>
#include <cstdint>

#include "score_test_support.hpp"
#include "scores/score_set.hpp"
#include "scores/score_values.hpp"

using namespace lb;
using namespace lb::scores;

namespace {

/// A small deterministic generator (no <random> distribution differences
/// between standard libraries).
struct Lcg {
  std::uint64_t state = 0x9E3779B97F4A7C15ULL;
  std::uint32_t next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(state >> 33);
  }
  template <class T, std::size_t N>
  const T& pick(const std::array<T, N>& a) {
    return a[next() % N];
  }
  bool one_in(std::uint32_t n) { return next() % n == 0; }
};

// Values on and around the thresholds of §5 (mg/dL unless stated).
constexpr std::array<double, 12> kBili = {0.5,  1.0,  1.9,  2.0,  3.0,  6.0,
                                          12.0, 12.1, 15.0, 17.6, 25.0, 30.0};
constexpr std::array<double, 11> kCr = {0.5, 0.7, 1.0, 1.49, 1.5, 1.9, 2.0, 3.0, 3.4, 3.5, 4.2};
constexpr std::array<double, 12> kInr = {0.9, 1.0, 1.5, 1.7, 1.8, 1.9,
                                         2.0, 2.3, 2.5, 2.6, 3.6, 6.6};
constexpr std::array<double, 6> kNa = {120, 125, 130, 137, 139, 141};
constexpr std::array<double, 6> kAlb = {1.2, 2.8, 2.9, 3.0, 3.5, 4.2};  // g/dL
constexpr std::array<double, 6> kLactate = {1.0, 1.5, 2.5, 2.6, 3.1, 3.6};
constexpr std::array<double, 5> kWbc = {0.05, 4, 8, 12, 30};
constexpr std::array<double, 6> kPercent = {10, 19.9, 20, 30, 40, 41};
constexpr std::array<double, 6> kAge = {8, 10, 17, 30, 41, 65};
constexpr std::array<double, 5> kMap = {60, 69.9, 70, 80, 90};
constexpr std::array<double, 5> kPf = {100, 200, 201, 300, 301};
constexpr std::array<double, 5> kPh = {7.2, 7.29, 7.3, 7.35, 7.4};
constexpr std::array<double, 4> kDays = {3, 7, 7.5, 20};
constexpr std::array<patient::Etiology, 5> kEtiology = {
    patient::Etiology::paracetamol, patient::Etiology::hbv, patient::Etiology::drug_induced,
    patient::Etiology::indeterminate, patient::Etiology::alcohol};
constexpr std::array<patient::Ascites, 3> kAscites = {
    patient::Ascites::none, patient::Ascites::mild, patient::Ascites::moderate_severe};

ScoreInputs generate(Lcg& g) {
  ScoreInputs in;
  const auto maybe = [&](auto&& set) {
    if (!g.one_in(8)) set();
  };
  const bool si = g.one_in(2);  // labs in µmol/L and mmol/L instead of mg/dL
  maybe([&] {
    const double b = g.pick(kBili);
    in.bilirubin = si ? lb::testing::bili_umol(b * 17.1) : lb::testing::bili_mg(b);
  });
  maybe([&] {
    const double c = g.pick(kCr);
    in.creatinine = si ? lb::testing::cr_umol(c * 88.4) : lb::testing::cr_mg(c);
  });
  maybe([&] { in.inr = units::fraction(g.pick(kInr)); });
  maybe([&] { in.sodium = units::mmol_per_l(g.pick(kNa)); });
  maybe([&] {
    const double a = g.pick(kAlb);
    in.albumin = si ? units::g_per_l(a * 10) : units::g_per_dl(a);
  });
  maybe([&] {
    const double l = g.pick(kLactate);
    in.lactate = si ? lb::testing::lactate_mmol(l) : lb::testing::lactate_mg(l / 0.111);
  });
  maybe([&] { in.phosphate = lb::testing::phosphate_mmol(g.one_in(2) ? 1.0 : 1.3); });
  maybe([&] { in.wbc = units::giga_per_liter(g.pick(kWbc)); });
  maybe([&] { in.pta = units::percent(g.pick(kPercent)); });
  maybe([&] { in.factor_v = units::percent(g.pick(kPercent)); });
  maybe([&] { in.arterial_ph = units::fraction(g.pick(kPh)); });
  maybe([&] { in.age = units::years(g.pick(kAge)); });
  maybe([&] { in.sex = g.one_in(2) ? model::Sex::female : model::Sex::male; });
  maybe([&] { in.etiology = g.pick(kEtiology); });
  maybe([&] { in.he_grade = static_cast<int>(g.next() % 5); });
  maybe([&] { in.ascites = g.pick(kAscites); });
  maybe([&] { in.vasopressors = g.one_in(4); });
  maybe([&] { in.map = units::mm_hg(g.pick(kMap)); });
  maybe([&] { in.pao2_fio2 = units::mm_hg(g.pick(kPf)); });
  maybe([&] { in.on_dialysis = g.one_in(6); });
  maybe([&] { in.dialysis_sessions_last_week = static_cast<int>(g.next() % 4); });
  maybe([&] { in.cvvhd_24h_last_week = g.one_in(6); });
  maybe([&] { in.jaundice_to_encephalopathy = units::days(g.pick(kDays)); });
  return in;
}

ScoreSettings settings_for(std::uint32_t bits) {
  ScoreSettings s;
  if (bits & 1u) s.meld_na_formula = MeldNaFormula::biggins_140;
  if (bits & 2u) s.meld_3_cap = Meld3Cap::none;
  if (bits & 4u) s.child_pugh_albumin_band = ChildPughAlbuminBand::harrison_3_0;
  if (bits & 8u) s.clif_c_of_liver = ClifLiverBoundary::at_least_12;
  if (bits & 16u) s.kcc_age = KccAge::under_11_or_over_40;
  if (bits & 32u) s.kcc_bilirubin = KccBilirubin::above_17_5_mg_dl;
  if (bits & 64u) s.clichy_age = ClichyAgeBoundary::above_30;
  if (bits & 128u) s.china_stage_basis = ChinaStageBasis::inr;
  return s;
}

}  // namespace

TEST_SUITE("scores") {
  TEST_CASE("score_values equals compute_scores on generated patients around every threshold") {
    Lcg g;
    int computed = 0;
    for (int i = 0; i < 4000; ++i) {
      const ScoreInputs in = generate(g);
      const ScoreSettings s = settings_for(g.next());
      const ScoreSet full = compute_scores(in, s);
      const ScoreValues fast = score_values(in, s);
      REQUIRE(full.results.size() == kScoreCount);
      for (std::size_t k = 0; k < kScoreCount; ++k) {
        const auto& r = full.results[k];
        const auto& v = fast.values[k];
        CAPTURE(i);
        CAPTURE(r.key);
        CHECK(r.key == to_string(static_cast<ScoreKey>(k)));
        CHECK(v.value == r.value);
        CHECK(v.met == r.met);
        CHECK(v.category == r.category);
        CHECK(v.computed() == r.computed());
        // A score without a number names what it lacks (or why it is undefined).
        if (!r.computed()) CHECK_FALSE((r.missing.empty() && r.notes.empty()));
        computed += r.computed() ? 1 : 0;
      }
    }
    // The generator must exercise computed scores, not only missing ones.
    CHECK(computed > 4000 * 4);
  }

  TEST_CASE("score_values of a full set and score keys round trip") {
    const auto in = lb::testing::meld_in(2, 1.5, 1.2);
    const ScoreSet full = compute_scores(in, {});
    const ScoreValues v = score_values(full);
    CHECK(v[ScoreKey::meld].value == full.find("meld")->value);
    for (std::size_t k = 0; k < kScoreCount; ++k) {
      const auto key = static_cast<ScoreKey>(k);
      CHECK(score_key(to_string(key)) == key);
    }
    CHECK_FALSE(score_key("arc").has_value());
  }
}
