// Plan composition: the figures a clinician sees for the reference patient
// (clinical.md §1.8, §9.1) under each exchange rule, findings and status.
#include <doctest/doctest.h>

#include <algorithm>

#include "plan/plan.hpp"

using namespace lb;
using namespace lb::units;

namespace {

patient::Patient reference_male() {
  patient::Patient p;
  p.id = "TEST-1";
  p.sex = model::Sex::male;
  p.age = years(45);
  p.height = centimeters(175);
  p.weight = kilograms(70);
  p.hematocrit = percent(30);
  p.diagnosis = patient::Diagnosis::alf;
  return p;
}

protocol::Protocol protocol_with(protocol::ExchangeRule rule) {
  protocol::Protocol p;
  p.id = "test";
  p.version = "1";
  p.title = "Test";
  p.sources = {{"ref", "Reference citation", ""}};
  p.indications = {patient::Diagnosis::alf};
  p.exchange.rule = rule;
  p.exchange.source = "ref";
  return p;
}

}  // namespace

TEST_SUITE("plan") {
  TEST_CASE("a 90 cm patient plans on by plasma volumes with ideal body weight not computed") {
    auto short_patient = reference_male();
    short_patient.height = centimeters(90);
    short_patient.weight = kilograms(13);
    const auto plan =
        plan::make_plan(short_patient, "p.yaml",
                        protocol_with(protocol::ExchangeRule::plasma_volumes), "t.yaml", "");
    CHECK(in_kilograms(plan.ideal_body_weight.value) == 0.0);
    CHECK(plan.exchange.volume.value > milliliters(0));
    const bool reported =
        std::any_of(plan.findings.begin(), plan.findings.end(), [](const auto& f) {
          return f.figure == "ideal_body_weight" &&
                 f.message.find("ideal body weight not computed") != std::string::npos;
        });
    CHECK(reported);
  }

  TEST_CASE(
      "a 90 cm patient under a rule that needs ideal body weight is refused with the reason") {
    auto short_patient = reference_male();
    short_patient.height = centimeters(90);
    short_patient.weight = kilograms(13);
    CHECK_THROWS_WITH_AS(
        plan::make_plan(short_patient, "p.yaml", protocol_with(protocol::ExchangeRule::percent_ibw),
                        "t.yaml", ""),
        doctest::Contains(
            "the exchange rule needs ideal body weight; ideal body weight not computed"),
        std::domain_error);
  }

  TEST_CASE("V4: 1.5 plasma volumes for the reference male is 5065 mL of a 3377 mL PV") {
    auto proto = protocol_with(protocol::ExchangeRule::plasma_volumes);
    proto.exchange.plasma_volumes = fraction(1.5);
    const auto plan = plan::make_plan(reference_male(), "p.yaml", proto, "x.yaml", "abc");
    CHECK(in_liters(plan.total_blood_volume.value) == doctest::Approx(4.8238).epsilon(1e-4));
    CHECK(in_liters(plan.plasma_volume.value) == doctest::Approx(3.3766).epsilon(1e-4));
    CHECK(in_milliliters(plan.exchange.volume.value) == doctest::Approx(5065).epsilon(2e-4));
    CHECK(in_fraction(plan.exchange.plasma_volumes.value) == doctest::Approx(1.5));
    CHECK(plan.status() == plan::Status::ready);
    CHECK(plan.findings.empty());
  }

  TEST_CASE("V13: HVP 15 % of Devine IBW for a 175 cm male is 10.57 L (3.13 plasma volumes)") {
    auto proto = protocol_with(protocol::ExchangeRule::percent_ibw);
    const auto plan = plan::make_plan(reference_male(), "p.yaml", proto, "x.yaml", "abc");
    CHECK(in_kilograms(plan.ideal_body_weight.value) == doctest::Approx(70.465).epsilon(1e-4));
    CHECK(in_liters(plan.exchange.volume.value) == doctest::Approx(10.57).epsilon(1e-3));
    CHECK(in_fraction(plan.exchange.plasma_volumes.value) == doctest::Approx(3.13).epsilon(2e-3));
  }

  TEST_CASE("a diagnosis outside the protocol's indications is a warning not silence") {
    auto proto = protocol_with(protocol::ExchangeRule::plasma_volumes);
    auto patient = reference_male();
    patient.diagnosis = patient::Diagnosis::aclf;
    const auto plan = plan::make_plan(patient, "p.yaml", proto, "x.yaml", "abc");
    REQUIRE(plan.findings.size() == 1);
    CHECK(plan.findings[0].code == "protocol.not_indicated");
    CHECK(plan.findings[0].message.find("aclf") != std::string::npos);
    CHECK(plan.status() == plan::Status::ready_with_warnings);
  }

  TEST_CASE("a volume below the protocol's hard minimum makes the plan not ready") {
    auto proto = protocol_with(protocol::ExchangeRule::plasma_volumes);
    proto.exchange.limits.hard_min = liters(4);  // 1.0 PV = 3377 mL < 4 L
    const auto plan = plan::make_plan(reference_male(), "p.yaml", proto, "x.yaml", "abc");
    CHECK(plan.status() == plan::Status::not_ready);
  }

  TEST_CASE("a volume above the hard maximum is capped there and the plan says so") {
    auto proto = protocol_with(protocol::ExchangeRule::percent_ibw);
    proto.exchange.limits.hard_max = liters(8);
    const auto plan = plan::make_plan(reference_male(), "p.yaml", proto, "x.yaml", "abc");
    CHECK(in_liters(plan.exchange.volume.value) == doctest::Approx(8.0));
    CHECK(plan.status() == plan::Status::ready_with_warnings);
    bool capped = false;
    for (const auto& f : plan.findings) capped = capped || f.code == "exchange.capped_at_hard_max";
    CHECK(capped);
  }

  TEST_CASE("every figure carries method formula source and its inputs") {
    const auto plan =
        plan::make_plan(reference_male(), "p.yaml",
                        protocol_with(protocol::ExchangeRule::plasma_volumes), "x.yaml", "abc");
    for (const auto* d : plan.figures()) {
      INFO(d->id);
      CHECK_FALSE(d->id.empty());
      CHECK_FALSE(d->label.empty());
      CHECK_FALSE(d->method.empty());
      CHECK_FALSE(d->formula.empty());
      CHECK_FALSE(d->inputs.empty());
      CHECK_FALSE(d->source.empty());
    }
    // The tree: PV refers to TBV, the exchange refers to PV.
    bool pv_refs_tbv = false;
    for (const auto& in : plan.plasma_volume.how.inputs) {
      pv_refs_tbv = pv_refs_tbv || in.ref == "total_blood_volume";
    }
    CHECK(pv_refs_tbv);
  }
}
