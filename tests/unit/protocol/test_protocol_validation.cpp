// Protocol schema validation: each rule of protocols/README.md, reported as
// file:line:col errors, several at once, never thrown.
#include <doctest/doctest.h>

#include "protocol/protocol_loader.hpp"
#include "protocol_test_support.hpp"
#include "units/quantities.hpp"

using namespace lb;
using lb::testing::has_error;
using lb::testing::has_warning;
using lb::testing::minimal_protocol;

namespace {

protocol::ProtocolLoad parse(const std::string& text) {
  auto load = protocol::parse_protocol(text, "t.yaml");
  INFO("diagnostics:\n" << lb::testing::all_diagnostics(load.diagnostics));
  return load;
}

std::string exchange_with(const std::string& rule, const std::string& amount,
                          const std::string& more = "") {
  return "exchange:\n  rule: " + rule + "\n  amount: " + amount + "\n  source: src1\n" + more;
}

/// Parses and returns the diagnostics, checking that no protocol came out.
diag::Diagnostics errors_of(const std::string& text) {
  auto load = protocol::parse_protocol(text, "t.yaml");
  CHECK_FALSE(load.protocol.has_value());
  CHECK(load.diagnostics.has_errors());
  return load.diagnostics;
}

}  // namespace

TEST_SUITE("protocol") {
  TEST_CASE("a minimal protocol loads with the defaults of protocol.hpp") {
    const std::string text = minimal_protocol();
    auto load = parse(text);
    REQUIRE_MESSAGE(load.protocol.has_value(), lb::testing::all_diagnostics(load.diagnostics));
    CHECK(load.diagnostics.empty());
    CHECK(load.text == text);
    CHECK(load.file == "t.yaml");
    const auto& p = *load.protocol;
    CHECK(p.schema_version == 1);
    CHECK(p.id == "test-protocol");
    CHECK(p.version == "1.0.0");
    CHECK(p.title == "Test protocol");
    CHECK(p.description.empty());
    REQUIRE(p.sources.size() == 1);
    CHECK(p.sources[0].id == "src1");
    CHECK(p.sources[0].url.empty());
    CHECK(p.indications == std::vector<patient::Diagnosis>{patient::Diagnosis::alf});
    CHECK(p.blood_volume.method == protocol::BloodVolumeMethod::nadler);
    CHECK(units::in_kilograms(p.blood_volume.nadler_min_weight) == doctest::Approx(25));
    CHECK(p.plasma_volume.method == protocol::PlasmaVolumeMethod::hematocrit);
    CHECK(p.ideal_body_weight.method == protocol::IbwMethod::devine);
    CHECK(p.exchange.rule == protocol::ExchangeRule::plasma_volumes);
    CHECK(units::in_fraction(p.exchange.plasma_volumes) == doctest::Approx(1.5));
    CHECK(p.exchange.source == "src1");
    CHECK(protocol::citation_for(p, "src1") == "Source one.");
    CHECK(protocol::citation_for(p, "nope") == "nope");
    CHECK_FALSE(p.exchange.round_to.has_value());
    CHECK(p.unverified.empty());
  }

  TEST_CASE("every section and key of the schema is read") {
    const std::string text = minimal_protocol(
        exchange_with("per_kg", "40 mL/kg",
                      "  weight: ideal\n"
                      "  round_to: 50 mL\n"
                      "  limits:\n"
                      "    hard: {min: 1000 mL, max: 6 L}\n"
                      "    soft: {min: 2 L, max: 5 L}\n"
                      "    plasma_volumes: {soft_min: 0.8, soft_max: 1.6, hard_max: 2}\n"),
        "description: A test.\n"
        "blood_volume:\n"
        "  method: lemmens\n"
        "  obese_switch_bmi: 30 kg/m\u00b2\n"
        "  lemmens: {reference: 68 mL/kg, reference_bmi: 23 kg/m2}\n"
        "plasma_volume: {method: kaplan, kaplan_factor: 60 mL/kg}\n"
        "ideal_body_weight: {method: robinson, below_60_inches: floor_at_base}\n"
        "unverified:\n"
        "  - key: plasma_volume.method\n"
        "    note: Kaplan is unverified.\n");
    auto load = parse(text);
    REQUIRE_MESSAGE(load.protocol.has_value(), lb::testing::all_diagnostics(load.diagnostics));
    CHECK(load.diagnostics.empty());
    const auto& p = *load.protocol;
    CHECK(p.description == "A test.");
    CHECK(p.blood_volume.method == protocol::BloodVolumeMethod::lemmens);
    REQUIRE(p.blood_volume.obese_switch_bmi.has_value());
    CHECK(units::in_kg_per_m2(*p.blood_volume.obese_switch_bmi) == doctest::Approx(30));
    CHECK(units::in_ml_per_kg(p.blood_volume.lemmens_reference) == doctest::Approx(68));
    CHECK(units::in_kg_per_m2(p.blood_volume.lemmens_reference_bmi) == doctest::Approx(23));
    CHECK(p.plasma_volume.method == protocol::PlasmaVolumeMethod::kaplan);
    CHECK(units::in_ml_per_kg(p.plasma_volume.kaplan_factor) == doctest::Approx(60));
    CHECK(p.ideal_body_weight.method == protocol::IbwMethod::robinson);
    CHECK(p.ideal_body_weight.below_60_inches == protocol::ShortStaturePolicy::floor_at_base);
    CHECK(p.exchange.rule == protocol::ExchangeRule::per_kg);
    CHECK(units::in_ml_per_kg(p.exchange.per_kg) == doctest::Approx(40));
    CHECK(p.exchange.per_kg_weight == protocol::WeightBasis::ideal);
    REQUIRE(p.exchange.round_to.has_value());
    CHECK(units::in_milliliters(*p.exchange.round_to) == doctest::Approx(50));
    const auto& l = p.exchange.limits;
    CHECK(units::in_milliliters(*l.hard_min) == doctest::Approx(1000));
    CHECK(units::in_liters(*l.hard_max) == doctest::Approx(6));
    CHECK(units::in_liters(*l.soft_min) == doctest::Approx(2));
    CHECK(units::in_liters(*l.soft_max) == doctest::Approx(5));
    CHECK(units::in_fraction(*l.plasma_volumes_soft_min) == doctest::Approx(0.8));
    CHECK(units::in_fraction(*l.plasma_volumes_soft_max) == doctest::Approx(1.6));
    CHECK(units::in_fraction(*l.plasma_volumes_hard_max) == doctest::Approx(2));
    REQUIRE(p.unverified.size() == 1);
    CHECK(p.unverified[0].key == "plasma_volume.method");
    CHECK(p.unverified[0].note == "Kaplan is unverified.");
  }

  TEST_CASE("the Gilcher table and weight-based rule are read per sex") {
    auto load = parse(minimal_protocol(
        exchange_with("fixed", "3000 mL"),
        "blood_volume:\n"
        "  method: gilcher\n"
        "  gilcher:\n"
        "    male: {obese: 61 mL/kg, thin: 66 mL/kg, normal: 71 mL/kg, muscular: 76 mL/kg}\n"
        "    female: {obese: 56 mL/kg, muscular: 0.071 L/kg}\n"
        "unverified:\n"
        "  - {key: blood_volume.gilcher, note: from memory}\n"));
    REQUIRE(load.protocol.has_value());
    CHECK(load.diagnostics.empty());
    const auto& g = load.protocol->blood_volume.gilcher;
    CHECK(units::in_ml_per_kg(g.male_obese) == doctest::Approx(61));
    CHECK(units::in_ml_per_kg(g.male_muscular) == doctest::Approx(76));
    CHECK(units::in_ml_per_kg(g.female_obese) == doctest::Approx(56));
    CHECK(units::in_ml_per_kg(g.female_thin) == doctest::Approx(60));  // default kept
    CHECK(units::in_ml_per_kg(g.female_muscular) == doctest::Approx(71));
    CHECK(units::in_milliliters(load.protocol->exchange.fixed) == doctest::Approx(3000));
  }

  TEST_CASE("several errors are reported at once in file order each at its own place") {
    const std::string text =
        "schema_version: 1\n"
        "id: Bad_Id\n"
        "version: \"1\"\n"
        "title: t\n"
        "sources:\n"
        "  - id: a\n"
        "    citation: c\n"
        "indications: [alf, acl]\n"
        "blod_volume: {method: nadler}\n"
        "exchange:\n"
        "  rule: percent_ibw\n"
        "  amount: 1.5\n"
        "  source: b\n";
    auto d = errors_of(text);
    CHECK(has_error(d, "not a valid protocol id", 2, 5));
    CHECK(has_error(d, "'acl' is not one of", 8, 20));
    CHECK(has_error(d, "did you mean 'aclf'", 8, 20));
    CHECK(has_error(d, "unknown key 'blod_volume' (did you mean 'blood_volume'?)", 9, 1));
    CHECK(has_error(d, "'1.5' is a plain number, but rule 'percent_ibw' expects a percentage", 12,
                    11));
    CHECK(has_error(d, "unknown source 'b'", 13, 11));
    CHECK(d.count(diag::Severity::error) == 5);
    int previous = 0;
    for (const auto& item : d.items()) {
      CHECK(item.where.line >= previous);
      previous = item.where.line;
    }
  }

  TEST_CASE("missing required keys and sections") {
    auto d = errors_of("schema_version: 1\n");
    for (const char* key : {"id", "version", "title", "sources", "indications", "exchange"}) {
      CHECK_MESSAGE(has_error(d, "missing required key '" + std::string(key) + "'"), key);
    }
    auto e = errors_of(minimal_protocol("exchange:\n  source: src1\n"));
    CHECK(has_error(e, "exchange.rule: missing required key 'rule' in 'exchange'", 10, 3));
    CHECK(has_error(e, "missing required key 'amount'"));
    auto f = errors_of("id: x\nversion: \"1\"\n");
    CHECK(has_error(f, "missing required key 'schema_version'"));
    auto g = errors_of(minimal_protocol("exchange:\n"));
    CHECK(has_error(g, "exchange: has no value", 9, 1));
  }

  TEST_CASE("amount must fit the rule") {
    struct Case {
      const char* rule;
      const char* amount;
      const char* message;
    };
    const Case cases[] = {
        {"percent_ibw", "1.5",
         "'1.5' is a plain number, but rule 'percent_ibw' expects a "
         "percentage of ideal body weight, e.g. '15 %'"},
        {"plasma_volumes", "1.5 L",
         "'1.5 L' is a volume, but rule 'plasma_volumes' expects a plain number"},
        {"plasma_volumes", "150 %", "'150 %' is a percentage, but rule 'plasma_volumes'"},
        {"per_kg", "40 mL", "'40 mL' is a volume, but rule 'per_kg' expects a volume per kg"},
        {"fixed", "40 mL/kg", "'40 mL/kg' is a volume per body mass, but rule 'fixed' expects"},
        {"fixed", "3000", "'3000' is a plain number, but rule 'fixed' expects a volume"},
        {"fixed", "3000 mls", "unknown unit 'mls'"},
        {"plasma_volumes", "1.5 PV", "rule 'plasma_volumes' expects a plain number"},
        {"percent_ibw", "lots", "expected a number"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.rule);
      CAPTURE(c.amount);
      auto d = errors_of(minimal_protocol(exchange_with(c.rule, c.amount)));
      CHECK(has_error(d, c.message, 11, 11));
    }
  }

  TEST_CASE("unknown rule with did-you-mean - the amount is then not judged") {
    auto d = errors_of(minimal_protocol(exchange_with("percent_ib", "15 %")));
    CHECK(has_error(d,
                    "'percent_ib' is not one of: plasma_volumes, percent_ibw, per_kg, fixed "
                    "(did you mean 'percent_ibw'?)",
                    10, 9));
    CHECK(d.count(diag::Severity::error) == 1);
  }

  TEST_CASE("ranges: plasma volumes within (0 10) percent within (0 100 %)") {
    CHECK(has_error(errors_of(minimal_protocol(exchange_with("plasma_volumes", "0"))),
                    "'0' is out of range; expected at least 0.01 plasma volumes and at most 10 "
                    "plasma volumes"));
    CHECK(has_error(errors_of(minimal_protocol(exchange_with("plasma_volumes", "10.5"))),
                    "at most 10 plasma volumes"));
    CHECK(parse(minimal_protocol(exchange_with("plasma_volumes", "10"))).protocol.has_value());
    CHECK(has_error(errors_of(minimal_protocol(exchange_with("percent_ibw", "150 %"))),
                    "'150 %' is out of range; expected at least 0.1 % and at most 100 %"));
    CHECK(has_error(errors_of(minimal_protocol(exchange_with("percent_ibw", "0 %"))),
                    "out of range"));
    CHECK(parse(minimal_protocol(exchange_with("percent_ibw", "100 %"))).protocol.has_value());
    CHECK(has_error(errors_of(minimal_protocol(exchange_with("fixed", "-3000 mL"))),
                    "'-3000 mL' is out of range; expected at least 1 mL and at most 50 L"));
    CHECK(has_error(errors_of(minimal_protocol(exchange_with("per_kg", "40 L/kg"))),
                    "at most 200 mL/kg (check the unit (mL/kg or L/kg))"));
  }

  TEST_CASE("NaN and infinity are rejected wherever a number is read") {
    CHECK(has_error(errors_of(minimal_protocol(exchange_with("plasma_volumes", ".nan"))),
                    "not a finite number"));
    CHECK(has_error(errors_of(minimal_protocol(exchange_with("fixed", "nan mL"))),
                    "not a finite number"));
    CHECK(has_error(errors_of(minimal_protocol(
                        exchange_with("fixed", "3 L", "  limits: {hard: {max: .inf L}}\n"))),
                    "not a finite number"));
  }

  TEST_CASE("parameters of another rule are errors") {
    auto d = errors_of(minimal_protocol(
        exchange_with("plasma_volumes", "1", "  volume_per_kg: 1 L/kg\n  weight: ideal\n")));
    CHECK(has_error(d,
                    "exchange.volume_per_kg: applies only to rule 'percent_ibw', but this "
                    "exchange uses rule 'plasma_volumes'",
                    13, 18));
    CHECK(has_error(d, "exchange.weight: applies only to rule 'per_kg'", 14, 11));
  }

  TEST_CASE("limits: min <= max soft inside hard positive with units") {
    const auto limits = [](const std::string& block) {
      return errors_of(
          minimal_protocol(exchange_with("percent_ibw", "15 %", "  limits:\n" + block)));
    };
    CHECK(has_error(
        limits("    hard: {min: 12 L, max: 8 L}\n"),
        "exchange.limits.hard.min: '12 L' is more than exchange.limits.hard.max ('8 L')", 14, 17));
    CHECK(has_error(limits("    soft: {min: 9 L, max: 8000 mL}\n"), "is more than", 14, 17));
    CHECK(has_error(limits("    hard: {max: 12 L}\n    soft: {min: 8 L, max: 13 L}\n"),
                    "'13 L' is above the hard limit exchange.limits.hard.max ('12 L'); soft "
                    "limits must lie within the hard limits",
                    15, 27));
    CHECK(has_error(limits("    hard: {min: 2 L}\n    soft: {min: 1 L}\n"),
                    "'1 L' is below the hard limit exchange.limits.hard.min ('2 L')", 15, 17));
    CHECK(has_error(limits("    hard: {max: 2 L}\n    soft: {min: 3 L}\n"),
                    "is above the hard limit"));
    CHECK(has_error(limits("    hard: {min: -1 L}\n"), "'-1 L' is out of range"));
    CHECK(has_error(limits("    hard: {max: 12}\n"),
                    "'12' has no unit; write it as '12 <unit>'; expected a volume in mL, L"));
    CHECK(has_error(limits("    hard: {max: 12 kg}\n"), "'12 kg' is a mass, expected a volume"));
    CHECK(has_error(limits("    plasma_volumes: {soft_max: 3.5, hard_max: 3}\n"),
                    "'3.5' is above the hard limit exchange.limits.plasma_volumes.hard_max"));
    CHECK(has_error(limits("    plasma_volumes: {soft_min: 2, soft_max: 1.5}\n"), "is more than"));
    CHECK(has_error(limits("    plasma_volumes: {hard_max: 11}\n"), "at most 10 plasma volumes"));
    CHECK(has_error(limits("    hard: {mx: 12 L}\n"), "unknown key 'mx' (did you mean 'max'?)", 14,
                    12));
  }

  TEST_CASE("a fixed or plasma-volume amount is checked against the limits") {
    auto d = errors_of(
        minimal_protocol(exchange_with("fixed", "3000 mL", "  limits: {hard: {max: 2 L}}\n")));
    CHECK(has_error(d, "'3000 mL' is above the hard limit exchange.limits.hard.max ('2 L')"));
    auto e = errors_of(minimal_protocol(
        exchange_with("plasma_volumes", "2", "  limits: {plasma_volumes: {hard_max: 1.5}}\n")));
    CHECK(has_error(e, "'2' is above the hard limit"));
    auto w = parse(minimal_protocol(
        exchange_with("plasma_volumes", "1.5", "  limits: {plasma_volumes: {soft_max: 1.2}}\n")));
    CHECK(w.protocol.has_value());
    CHECK(has_warning(w.diagnostics, "'1.5' is above the soft limit"));
  }

  TEST_CASE("sources: list of unique ids - references must name one") {
    auto dup = errors_of(
        "schema_version: 1\nid: x\nversion: \"1\"\ntitle: t\n"
        "sources:\n  - id: a\n    citation: c\n  - id: a\n    citation: d\n"
        "indications: [alf]\nexchange: {rule: plasma_volumes, amount: 1, source: a}\n");
    CHECK(has_error(dup, "duplicate source id 'a' (first listed at line 6)", 8, 9));
    auto empty = errors_of(
        "schema_version: 1\nid: x\nversion: \"1\"\ntitle: t\nsources: []\n"
        "indications: [alf]\nexchange: {rule: plasma_volumes, amount: 1}\n");
    CHECK(has_error(empty, "at least one source is required", 5, 10));
    auto bad = errors_of(
        minimal_protocol("exchange:\n  rule: plasma_volumes\n  amount: 1\n  source: src2\n"));
    CHECK(has_error(bad,
                    "unknown source 'src2'; the sources listed in this file are: src1 "
                    "(did you mean 'src1'?)",
                    12, 11));
    auto no_citation = errors_of(
        "schema_version: 1\nid: x\nversion: \"1\"\ntitle: t\nsources:\n  - id: a\n"
        "    url: ftp://x\n    citaton: c\n"
        "indications: [alf]\nexchange: {rule: plasma_volumes, amount: 1, source: a}\n");
    CHECK(has_error(no_citation, "missing required key 'citation'"));
    CHECK(has_error(no_citation, "'ftp://x' is not a web address"));
    CHECK(has_error(no_citation, "unknown key 'citaton' (did you mean 'citation'?)", 8, 5));
    // A broken sources list does not also make every reference "unknown".
    CHECK_FALSE(has_error(no_citation, "unknown source"));
  }

  TEST_CASE("a missing exchange source is a warning not an error") {
    auto load = parse(minimal_protocol("exchange:\n  rule: plasma_volumes\n  amount: 1\n"));
    CHECK(load.protocol.has_value());
    CHECK(has_warning(load.diagnostics, "no 'source:' for the exchange rule"));
  }

  TEST_CASE("indications: known diagnoses at least one no repeats") {
    const auto with = [](const std::string& line) {
      std::string text = minimal_protocol();
      text.replace(text.find("indications: [alf]"), 18, line);
      return text;
    };
    CHECK(parse(with("indications: aclf")).protocol->indications ==
          std::vector<patient::Diagnosis>{patient::Diagnosis::aclf});
    CHECK(parse(with("indications: [alf, subacute_lf, aclf, chronic_lf, other]"))
              .protocol->indications.size() == 5);
    CHECK(has_error(errors_of(with("indications: []")), "at least one indication"));
    CHECK(has_error(errors_of(with("indications: [alf, alf]")), "'alf' is listed twice", 8, 20));
    CHECK(has_error(errors_of(with("indications: {alf: 1}")), "expected a list of diagnoses"));
    CHECK(has_error(errors_of(with("indications: [subacute_fl]")), "did you mean 'subacute_lf'?"));
  }

  TEST_CASE("schema_version other than 1 stops with one error") {
    std::string text = minimal_protocol("exchange: {rule: nonsense}\n");
    text.replace(0, 17, "schema_version: 2");
    auto d = errors_of(text);
    CHECK(has_error(d, "schema_version 2 is not supported by this version of LiverBridge", 1, 17));
    CHECK(d.count(diag::Severity::error) == 1);
    text.replace(0, 17, "schema_version: x");
    CHECK(has_error(errors_of(text), "'x' is not a schema version; expected the number 1"));
  }

  TEST_CASE("protocol ids: lowercase letters digits single hyphens") {
    for (const char* bad : {"Bad", "a_b", "a--b", "-a", "a-", "a b", "\"\""}) {
      std::string text = minimal_protocol();
      text.replace(text.find("test-protocol"), 13, bad);
      CAPTURE(bad);
      CHECK(errors_of(text).has_errors());
    }
    std::string text = minimal_protocol();
    text.replace(text.find("test-protocol"), 13, "a1-b2-3c");
    CHECK(parse(text).protocol.has_value());
  }

  TEST_CASE("sections once planned for later are read: unknown keys inside them are reported") {
    for (const char* section :
         {"replacement", "anticoagulation", "separation", "schedule", "kinetics"}) {
      CAPTURE(section);
      auto d = errors_of(minimal_protocol() + section + ":\n  x: 1\n");
      CHECK_FALSE(has_error(d, "is not supported by this version of LiverBridge"));
      CHECK(has_error(d, std::string(section) + ".x: unknown key 'x'", 14, 3));
    }
  }

  TEST_CASE("unverified: keys must name key paths present in the file") {
    auto ok = parse(minimal_protocol() +
                    "unverified:\n  - key: exchange.amount\n    note: n\n"
                    "  - key: indications\n    note: m\n");
    REQUIRE(ok.protocol.has_value());
    CHECK(ok.protocol->unverified.size() == 2);
    auto d = errors_of(minimal_protocol() +
                       "unverified:\n  - key: exchange.amout\n    note: n\n"
                       "  - key: ideal_body_weight.method\n    note: default, not written\n"
                       "  - key: exchange.rule\n"
                       "  - just text\n");
    CHECK(has_error(d, "'exchange.amout' names no key in this file", 14, 10));
    CHECK(has_error(d, "did you mean 'exchange.amount'?", 14, 10));
    CHECK(has_error(d, "'ideal_body_weight.method' names no key in this file", 16, 10));
    CHECK(has_error(d, "missing required key 'note'", 18, 5));
    CHECK(has_error(d, "expected an entry with 'key' and 'note'", 19, 5));
    CHECK(has_error(errors_of(minimal_protocol() + "unverified: exchange\n"),
                    "expected a list of '- key: ... note: ...' entries"));
  }

  TEST_CASE("unflagged Gilcher or Kaplan coefficients are warned about") {
    auto g = parse(minimal_protocol() + "blood_volume: {method: gilcher}\n");
    CHECK(g.protocol.has_value());
    CHECK(has_warning(g.diagnostics, "Gilcher mL/kg table is unverified"));
    auto k = parse(minimal_protocol() + "plasma_volume: {method: kaplan}\n");
    CHECK(has_warning(k.diagnostics, "Kaplan formula"));
    auto flagged = parse(minimal_protocol() + "plasma_volume: {method: kaplan}\n" +
                         "unverified: [{key: plasma_volume.method, note: n}]\n");
    CHECK(flagged.diagnostics.empty());
  }

  TEST_CASE("parameters that a chosen method ignores are warned about") {
    auto load = parse(minimal_protocol() +
                      "blood_volume:\n  method: weight_based\n  nadler_min_weight: 30 kg\n"
                      "  gilcher: {male: {obese: 60 mL/kg}}\n  lemmens: {reference: 70 mL/kg}\n"
                      "plasma_volume: {method: hematocrit, kaplan_factor: 65 mL/kg}\n");
    CHECK(load.protocol.has_value());
    CHECK(has_warning(load.diagnostics, "blood_volume.nadler_min_weight: has no effect"));
    CHECK(has_warning(load.diagnostics, "blood_volume.gilcher: has no effect"));
    CHECK(has_warning(load.diagnostics, "blood_volume.lemmens: has no effect"));
    CHECK(has_warning(load.diagnostics, "plasma_volume.kaplan_factor: has no effect"));
    CHECK(load.diagnostics.count(diag::Severity::warning) == 4);
  }

  TEST_CASE("blood-volume values: units positivity and plausibility") {
    auto d = errors_of(minimal_protocol() +
                       "blood_volume:\n"
                       "  method: nadlr\n"
                       "  nadler_min_weight: 25\n"
                       "  weight_based: {male: 70 L/kg, female: 0 mL/kg}\n"
                       "  obese_switch_bmi: 30 kg/m3\n"
                       "  lemmens: {reference_bmi: 22 kg}\n");
    CHECK(has_error(d,
                    "'nadlr' is not one of: nadler, weight_based, lemmens, gilcher (did you "
                    "mean 'nadler'?)"));
    CHECK(has_error(d, "'25' has no unit"));
    CHECK(
        has_error(d, "'70 L/kg' is out of range; expected at least 1 mL/kg and at most 200 mL/kg"));
    CHECK(has_error(d, "'0 mL/kg' is out of range"));
    CHECK(has_error(d, "unknown unit 'kg/m3' (did you mean 'kg/m2'?)"));
    CHECK(has_error(d, "'22 kg' is a mass, expected a body mass index in kg/m2"));
  }

  TEST_CASE("structural problems are errors not exceptions") {
    for (const char* text :
         {"", "   \n", "- a\n- b\n", "just text\n", "a: [\n", "{{{{", "\xff\xfe\x00",
          "schema_version: 1\nexchange: [1, 2]\n", "schema_version: 1\nsources: {id: a}\n",
          "schema_version: [1]\n", "? [a]\n: b\n"}) {
      CAPTURE(text);
      CHECK_NOTHROW(protocol::parse_protocol(text, "t.yaml"));
      auto load = protocol::parse_protocol(text, "t.yaml");
      CHECK_FALSE(load.protocol.has_value());
      CHECK(load.diagnostics.has_errors());
    }
  }

  TEST_CASE("to_string gives the YAML spelling") {
    CHECK(protocol::to_string(protocol::BloodVolumeMethod::weight_based) == "weight_based");
    CHECK(protocol::to_string(protocol::PlasmaVolumeMethod::kaplan) == "kaplan");
    CHECK(protocol::to_string(protocol::IbwMethod::miller) == "miller");
    CHECK(protocol::to_string(protocol::ExchangeRule::percent_ibw) == "percent_ibw");
    CHECK(protocol::to_string(protocol::ShortStaturePolicy::floor_at_base) == "floor_at_base");
    CHECK(protocol::to_string(protocol::WeightBasis::ideal) == "ideal");
  }
}
