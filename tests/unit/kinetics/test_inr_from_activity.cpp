// INR read from the predicted prothrombin activity (kinetics/inr_from_activity.hpp). The curve
// is checked against a laboratory calibration written out by hand (PT = a + b/A, INR =
// (PT/PT_normal)^ISI), and the plan against the activity's own course.
#include <doctest/doctest.h>

#include <cmath>

#include "diag/diagnostic.hpp"
#include "io/atomic_write.hpp"
#include "kinetics/inr_from_activity.hpp"
#include "kinetics/solute_value.hpp"
#include "kinetics_test_support.hpp"
#include "protocol/protocol_loader.hpp"

using namespace lb;
using lb::testing::example;
using lb::testing::plan_of;
using protocol::Solute;

namespace {

const std::string kNbal = std::string(LB_BUNDLED_PROTOCOLS_DIR) + "/pe-lf-china-nbal-2016.yaml";

/// The NBAL protocol with its INR entry replaced by `entry` (YAML lines under `  inr:`).
std::string nbal_with_inr(const std::string& entry) {
  std::string text = io::read_file(kNbal);
  const auto at = text.find("\n  inr:\n");
  REQUIRE(at != std::string::npos);
  const auto next = text.find("\n  factor_v:\n", at);
  REQUIRE(next != std::string::npos);
  return text.substr(0, at) + "\n  inr:\n" + entry + text.substr(next + 1);
}

const std::string kDerived =
    "    model: from_prothrombin_activity\n"
    "    isi: 1.0\n"
    "    uncertainty:\n"
    "      isi: {low: 0.9, high: 2.0}\n"
    "    source: reverberi2007\n";

std::string all(const diag::Diagnostics& d) {
  std::string out;
  for (const auto& item : d.items()) out += diag::format(item) + "\n";
  return out;
}

protocol::ProtocolLoad load(const std::string& text) {
  return protocol::parse_protocol(text, "derived.yaml");
}

const kinetics::SolutePrediction* predicted(const plan::Plan& p, Solute s) {
  for (const auto& k : p.course->kinetics) {
    if (k.solute == s) return &k;
  }
  return nullptr;
}

double value(const protocol::LabValue& v) {
  return units::in_fraction(std::get<units::Fraction>(v));
}

}  // namespace

TEST_SUITE("kinetics") {
  TEST_CASE("INR from activity: a laboratory calibration curve read back from one pair") {
    // A laboratory's curve: PT = 8 s + 4 s / A, normal plasma 12 s, ISI 1.3. The patient at
    // A0 = 31 %: PT = 8 + 4/0.31 = 20.90323 s, INR0 = (20.90323/12)^1.3 = 2.0575087. At 60 %:
    // PT = 14.66667 s, INR = (14.66667/12)^1.3 = 1.2980614; at 100 %: 1.0; at 20 %: PT = 28 s,
    // INR = (28/12)^1.3 = 3.0086372.
    const kinetics::InrAnchor anchor{units::fraction(2.0575087), units::fraction(0.31)};
    const auto isi = units::fraction(1.3);
    CHECK(units::in_fraction(kinetics::inr_at(units::fraction(0.60), anchor, isi)) ==
          doctest::Approx(1.2980614).epsilon(1e-6));
    CHECK(units::in_fraction(kinetics::inr_at(units::fraction(1.0), anchor, isi)) ==
          doctest::Approx(1.0).epsilon(1e-12));
    CHECK(units::in_fraction(kinetics::inr_at(units::fraction(0.20), anchor, isi)) ==
          doctest::Approx(3.0086372).epsilon(1e-6));
    // At the measured activity the measured INR, whatever the ISI.
    for (const double i : {0.9, 1.0, 1.3, 2.0}) {
      CHECK(
          units::in_fraction(kinetics::inr_at(units::fraction(0.31), anchor, units::fraction(i))) ==
          doctest::Approx(2.0575087).epsilon(1e-12));
    }
  }

  TEST_CASE("INR from activity: a pair that cannot anchor the curve") {
    using kinetics::InrAnchor;
    CHECK(kinetics::anchor_problem({units::fraction(2.3), units::fraction(0.31)}) == std::nullopt);
    CHECK(kinetics::anchor_problem({units::fraction(1.2), units::fraction(1.0)})
              ->find("not between 0 and 100 %") != std::string::npos);
    CHECK(kinetics::anchor_problem({units::fraction(1.2), units::fraction(1.1)}).has_value());
    CHECK(kinetics::anchor_problem({units::fraction(1.0), units::fraction(0.5)})
              ->find("not above 1.0") != std::string::npos);
  }

  TEST_CASE("INR from activity: the plan reads INR off the activity's course and its band") {
    const auto loaded = load(nbal_with_inr(kDerived));
    INFO(all(loaded.diagnostics));
    REQUIRE(loaded.protocol.has_value());
    const auto patient = example("aclf-hbv-si.yaml");  // INR 2.3, prothrombin activity 31 %
    const auto plan = plan_of(patient, *loaded.protocol);
    const auto* inr = predicted(plan, Solute::inr);
    const auto* pta = predicted(plan, Solute::pta);
    REQUIRE(inr != nullptr);
    REQUIRE(pta != nullptr);
    REQUIRE(inr->sessions.size() == pta->sessions.size());
    CHECK(inr->model == protocol::KineticModel::from_prothrombin_activity);
    const kinetics::InrAnchor anchor{units::fraction(2.3), units::fraction(0.31)};
    const auto one = units::fraction(1.0);
    // Session 1 starts at the measured INR; every later value is the curve at the activity.
    CHECK(value(inr->sessions[0].pre.value) == doctest::Approx(2.3));
    for (std::size_t i = 0; i < inr->sessions.size(); ++i) {
      const auto& a = pta->sessions[i];
      const auto& v = inr->sessions[i];
      const double post = units::in_fraction(
          kinetics::inr_at(std::get<units::Fraction>(a.post.value), anchor, one));
      CHECK(value(v.post.value) == doctest::Approx(post).epsilon(1e-12));
      // FFP raises the activity, so the INR falls, then rises again as the activity decays.
      CHECK(value(v.post.value) < value(v.pre.value));
      CHECK(value(v.next_day.value) > value(v.post.value));
      // The band holds the nominal value and reaches past the activity band's ends.
      CHECK(value(v.next_day_band.low) <= value(v.next_day.value));
      CHECK(value(v.next_day.value) <= value(v.next_day_band.high));
      CHECK(value(v.next_day_band.high) >=
            units::in_fraction(
                kinetics::inr_at(std::get<units::Fraction>(a.next_day_band.low), anchor, one)) -
                1e-12);
      // Its derivation names the activity value it was read from.
      REQUIRE(!v.post.how.inputs.empty());
      CHECK(v.post.how.inputs[0].ref == a.post.how.id);
      CHECK(v.post.how.id == "kinetics.inr." + std::to_string(i + 1) + ".post");
    }
    CHECK(inr->return_modelled);  // the activity's return carries the INR back
    // The course lists INR where the protocol lists it: before the prothrombin activity.
    std::size_t at_inr = 0;
    std::size_t at_pta = 0;
    for (std::size_t i = 0; i < plan.course->kinetics.size(); ++i) {
      if (plan.course->kinetics[i].solute == Solute::inr) at_inr = i;
      if (plan.course->kinetics[i].solute == Solute::pta) at_pta = i;
    }
    CHECK(at_inr < at_pta);
  }

  TEST_CASE(
      "INR from activity: without a measured activity there is no INR and the reason is given") {
    const auto loaded = load(nbal_with_inr(kDerived));
    REQUIRE(loaded.protocol.has_value());
    auto patient = example("aclf-hbv-si.yaml");
    patient.labs.pta.reset();
    const auto plan = plan_of(patient, *loaded.protocol);
    CHECK(predicted(plan, Solute::inr) == nullptr);
    bool said = false;
    for (const auto& np : plan.course->not_predicted) {
      if (np.solute == Solute::inr)
        said = np.reason.find("prothrombin activity") != std::string::npos;
    }
    CHECK(said);
  }

  TEST_CASE("INR from activity: the loader's errors") {
    const auto error_of = [](const std::string& entry) {
      const auto l = load(nbal_with_inr(entry));
      CHECK_FALSE(l.protocol.has_value());
      return all(l.diagnostics);
    };
    CHECK(
        error_of("    model: from_prothrombin_activity\n    source: reverberi2007\n").find("isi") !=
        std::string::npos);
    CHECK(error_of("    model: from_prothrombin_activity\n    isi: 9\n")
              .find("International Sensitivity Index") != std::string::npos);
    CHECK(
        error_of("    model: from_prothrombin_activity\n    isi: 1.0\n    return_half_time: 12 h\n")
            .find("does not apply to model 'from_prothrombin_activity'") != std::string::npos);
    CHECK(error_of("    model: from_prothrombin_activity\n    isi: 1.0\n    uncertainty:\n"
                   "      isi: {low: 1.1, high: 2.0}\n")
              .find("low <= the parameter's value <= high") != std::string::npos);
    CHECK(
        error_of("    model: replacement_aware\n    replacement_concentration: 1.0\n    isi: 1.0\n")
            .find("applies only to model 'from_prothrombin_activity'") != std::string::npos);
    // The activity's entry must be there.
    std::string text = nbal_with_inr(kDerived);
    const auto at = text.find("\n  pta:\n");
    REQUIRE(at != std::string::npos);
    text.replace(at, 8, "\n  pta_removed_for_test:\n");
    const auto l = load(text);
    CHECK_FALSE(l.protocol.has_value());
    CHECK(all(l.diagnostics).find("add kinetics.pta") != std::string::npos);
  }
}
