// The protocols shipped in protocols/: each loads without any diagnostic and
// holds the values its YAML states.
#include <doctest/doctest.h>

#include <algorithm>

#include "corpus_expectations.hpp"
#include "protocol/protocol_loader.hpp"
#include "protocol_test_support.hpp"
#include "units/quantities.hpp"

using namespace lb;

namespace {

const std::string kDir = LB_BUNDLED_PROTOCOLS_DIR;

protocol::Protocol load_bundled(const std::string& id) {
  const std::string path = kDir + "/" + id + ".yaml";
  auto load = protocol::load_protocol_file(path);
  INFO("diagnostics:\n" << lb::testing::all_diagnostics(load.diagnostics));
  CHECK(load.diagnostics.empty());  // no errors and no warnings either
  REQUIRE(load.protocol.has_value());
  CHECK(load.protocol->id == id);
  CHECK(load.text == lb::testing::slurp(path));
  CHECK(load.file == path);
  return *load.protocol;
}

bool has_caveat(const protocol::Protocol& p, const std::string& key) {
  return std::any_of(p.unverified.begin(), p.unverified.end(),
                     [&](const protocol::Caveat& c) { return c.key == key && !c.note.empty(); });
}

}  // namespace

TEST_SUITE("protocol") {
  TEST_CASE("bundled HVP (Larsen 2016): 15 % of Devine IBW 8-12 L soft band capped at 12 L") {
    const auto p = load_bundled("hvp-alf-larsen-2016");
    CHECK(p.indications == std::vector<patient::Diagnosis>{patient::Diagnosis::alf});
    const auto& ex = p.exchange;
    CHECK(ex.rule == protocol::ExchangeRule::percent_ibw);
    CHECK(units::in_fraction(ex.percent_of_ibw) == doctest::Approx(0.15));
    CHECK(units::in_ml_per_kg(ex.percent_ibw_volume_per_kg) == doctest::Approx(1000));
    CHECK(units::in_milliliters(*ex.round_to) == doctest::Approx(10));
    CHECK(units::in_liters(*ex.limits.soft_min) == doctest::Approx(8));
    CHECK(units::in_liters(*ex.limits.soft_max) == doctest::Approx(12));
    CHECK(units::in_liters(*ex.limits.hard_max) == doctest::Approx(12));
    CHECK_FALSE(ex.limits.hard_min.has_value());
    CHECK_FALSE(ex.limits.plasma_volumes_hard_max.has_value());
    CHECK(ex.source == "larsen2016");
    CHECK(protocol::citation_for(p, ex.source).find("J Hepatol 2016;64(1):69-78") !=
          std::string::npos);
    CHECK(p.ideal_body_weight.method == protocol::IbwMethod::devine);
    CHECK(p.ideal_body_weight.below_60_inches == protocol::ShortStaturePolicy::extrapolate);
    CHECK(p.blood_volume.method == protocol::BloodVolumeMethod::nadler);
    CHECK(p.plasma_volume.method == protocol::PlasmaVolumeMethod::hematocrit);
    CHECK(has_caveat(p, "ideal_body_weight.method"));
    CHECK(has_caveat(p, "exchange.volume_per_kg"));
  }

  TEST_CASE("bundled ASFA 2023 standard TPE: 1.5 plasma volumes soft band 1-1.5 Nadler + Hct") {
    const auto p = load_bundled("tpe-standard-asfa-2023");
    CHECK(p.indications == std::vector<patient::Diagnosis>{patient::Diagnosis::alf,
                                                           patient::Diagnosis::subacute_lf});
    const auto& ex = p.exchange;
    CHECK(ex.rule == protocol::ExchangeRule::plasma_volumes);
    CHECK(units::in_fraction(ex.plasma_volumes) == doctest::Approx(1.5));
    CHECK(units::in_fraction(*ex.limits.plasma_volumes_soft_min) == doctest::Approx(1.0));
    CHECK(units::in_fraction(*ex.limits.plasma_volumes_soft_max) == doctest::Approx(1.5));
    CHECK_FALSE(ex.limits.hard_max.has_value());
    CHECK(ex.source == "asfa2023");
    CHECK(p.blood_volume.method == protocol::BloodVolumeMethod::nadler);
    CHECK(units::in_kilograms(p.blood_volume.nadler_min_weight) == doctest::Approx(25));
    CHECK(units::in_ml_per_kg(p.blood_volume.weight_based_male) == doctest::Approx(70));
    CHECK(units::in_ml_per_kg(p.blood_volume.weight_based_female) == doctest::Approx(70));
    CHECK(p.plasma_volume.method == protocol::PlasmaVolumeMethod::hematocrit);
    CHECK(has_caveat(p, "indications"));
  }

  TEST_CASE("bundled PLEXAR: single plasma volume in ACLF") {
    const auto p = load_bundled("pe-aclf-plexar");
    CHECK(p.indications == std::vector<patient::Diagnosis>{patient::Diagnosis::aclf});
    CHECK(p.exchange.rule == protocol::ExchangeRule::plasma_volumes);
    CHECK(units::in_fraction(p.exchange.plasma_volumes) == doctest::Approx(1.0));
    CHECK(p.exchange.source == "plexar");
    CHECK(has_caveat(p, "blood_volume.method"));
  }

  TEST_CASE("bundled APACHE PE-A 5 %: 1 plasma volume 1-1.5 band all flagged unverified") {
    const auto p = load_bundled("pe-aclf-apache-pe-a5");
    CHECK(p.indications == std::vector<patient::Diagnosis>{patient::Diagnosis::aclf});
    CHECK(units::in_fraction(p.exchange.plasma_volumes) == doctest::Approx(1.0));
    CHECK(units::in_fraction(*p.exchange.limits.plasma_volumes_soft_min) == doctest::Approx(1.0));
    CHECK(units::in_fraction(*p.exchange.limits.plasma_volumes_soft_max) == doctest::Approx(1.5));
    CHECK(p.exchange.source == "apache");
    CHECK(has_caveat(p, "exchange.amount"));
    CHECK(has_caveat(p, "exchange.limits.plasma_volumes"));
  }

  TEST_CASE("every bundled protocol cites its sources and every source has a citation") {
    diag::Diagnostics problems;
    for (const auto& b : protocol::list_protocols(kDir, problems)) {
      CAPTURE(b.path);
      auto load = protocol::load_protocol_file(b.path);
      REQUIRE(load.protocol.has_value());
      CHECK_FALSE(load.protocol->sources.empty());
      for (const auto& s : load.protocol->sources) CHECK_FALSE(s.citation.empty());
      CHECK_FALSE(load.protocol->exchange.source.empty());
      CHECK(b.path.ends_with("/" + b.id + ".yaml"));  // file named after its id
    }
    CHECK(problems.empty());
  }
}
