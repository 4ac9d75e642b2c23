// Reports: the JSON names promised in README.md, text and Markdown content.
#include <doctest/doctest.h>

#include "io/sha256.hpp"
#include "plan/plan.hpp"
#include "report/plan_json.hpp"
#include "report/plan_text.hpp"

using namespace lb;
using namespace lb::units;

namespace {

plan::Plan sample_plan() {
  patient::Patient p;
  p.id = "TEST-2";
  p.sex = model::Sex::female;
  p.age = years(38);
  p.height = centimeters(160);
  p.weight = kilograms(60);
  p.hematocrit = percent(40);
  p.diagnosis = patient::Diagnosis::alf;
  protocol::Protocol proto;
  proto.id = "sample";
  proto.version = "2.0";
  proto.title = "Sample protocol";
  proto.sources = {{"ref", "Reference citation", "https://doi.org/10/x"}};
  proto.indications = {patient::Diagnosis::alf};
  proto.exchange.rule = protocol::ExchangeRule::plasma_volumes;
  proto.exchange.plasma_volumes = fraction(1.0);
  proto.exchange.source = "ref";
  proto.unverified = {{"exchange.amount", "unverified note"}};
  return plan::make_plan(p, "pt.yaml", proto, "proto.yaml", io::sha256_hex("abc"));
}

}  // namespace

TEST_SUITE("plan") {
  TEST_CASE("SHA-256 of 'abc' is the FIPS 180-2 test vector") {
    CHECK(io::sha256_hex("abc") ==
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  TEST_CASE("JSON has the stable names quantities as value+unit and derivations") {
    const auto j = report::plan_json(sample_plan());
    // Female 1.60 m 60 kg: Nadler 3.6267 L; Hct 0.40 -> PV 2.1760 L (clinical.md §1.8).
    CHECK(j["volumes"]["total_blood_volume"]["unit"] == "mL");
    CHECK(j["volumes"]["total_blood_volume"]["value"].get<double>() ==
          doctest::Approx(3626.7).epsilon(1e-4));
    CHECK(j["volumes"]["plasma_volume"]["value"].get<double>() ==
          doctest::Approx(2176.0).epsilon(1e-4));
    CHECK(j["volumes"]["ideal_body_weight"]["unit"] == "kg");
    CHECK(j["volumes"]["ideal_body_weight"]["value"].get<double>() ==
          doctest::Approx(52.382).epsilon(1e-4));
    CHECK(j["volumes"]["bmi"]["value"].get<double>() == doctest::Approx(23.4375));
    CHECK(j["exchange"]["volume_per_session"]["value"].get<double>() ==
          doctest::Approx(2176.0).epsilon(1e-4));
    CHECK(j["exchange"]["plasma_volumes_per_session"]["value"].get<double>() ==
          doctest::Approx(1.0));
    CHECK(j["volumes"]["plasma_volume"]["derivation"]["formula"].get<std::string>().find("Hct") !=
          std::string::npos);
    CHECK(j["protocol"]["id"] == "sample");
    CHECK(j["protocol"]["version"] == "2.0");
    CHECK(j["protocol"]["sha256"] ==
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(j["warnings"].is_array());
    CHECK(j["status"] == "ready");
    CHECK(j["disclaimer"].get<std::string>().find("planning and training aid") !=
          std::string::npos);
  }

  TEST_CASE("the text worksheet shows every figure with its derivation and the caveats") {
    const std::string text = report::render_text(sample_plan());
    CHECK(text.find("planning and training aid") != std::string::npos);
    CHECK(text.find("Total blood volume") != std::string::npos);
    CHECK(text.find("3627 mL") != std::string::npos);
    CHECK(text.find("2176 mL") != std::string::npos);
    CHECK(text.find("formula") != std::string::npos);
    CHECK(text.find("unverified note") != std::string::npos);
    CHECK(text.find("sha256 ba7816bf") != std::string::npos);
  }

  TEST_CASE("Markdown escapes table pipes and lists sources") {
    const std::string md = report::render_markdown(sample_plan());
    CHECK(md.find("| Total blood volume | **3627 mL**") != std::string::npos);
    CHECK(md.find("Reference citation") != std::string::npos);
  }
}
