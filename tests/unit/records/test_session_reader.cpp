#include <doctest/doctest.h>

#include <string>

#include "records/session_reader.hpp"
#include "units/quantities.hpp"

using lb::records::parse_session;
namespace units = lb::units;

namespace {
const std::string kGood =
    "patient: LB-ALF-0001\n"                    // 1
    "started_at: 2026-11-20T08:00Z\n"           // 2
    "ended_at: 2026-11-20T11:30Z\n"             // 3
    "plasma_removed: 10000 mL\n"                // 4
    "replaced:\n"                               // 5
    "  ffp: 8000 mL\n"                          // 6
    "  albumin_5: 2000 mL\n"                    // 7
    "blood_flow: 100 mL/min\n"                  // 8
    "ffp_units: 32\n"                           // 9
    "albumin_used: 100 g\n"                     // 10
    "anticoagulant: ACD-A\n"                    // 11
    "anticoagulant_volume: 900 mL\n"            // 12
    "calcium_salt: gluconate\n"                 // 13
    "calcium_given: 4 g\n"                      // 14
    "adverse_events: [citrate_reaction]\n"      // 15
    "adverse_event_notes: perioral tingling\n"  // 16
    "labs:\n"                                   // 17
    "  pre:\n"                                  // 18
    "    drawn_at: 2026-11-20T07:30Z\n"         // 19
    "    bilirubin: 4.2 mg/dL\n"                // 20
    "    inr: 6.8\n"                            // 21
    "  post:\n"                                 // 22
    "    drawn_at: 2026-11-21T06:00Z\n"         // 23
    "    bilirubin: 3.1 mg/dL\n";               // 24

/// True when some error is at line:col and contains `text`.
bool has_error(const lb::records::SessionLoad& load, int line, int col, const std::string& text) {
  for (const auto& d : load.diagnostics.items()) {
    if (d.severity == lb::diag::Severity::error && d.where.line == line && d.where.column == col &&
        d.message.find(text) != std::string::npos) {
      return true;
    }
  }
  return false;
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}
}  // namespace

TEST_SUITE("records") {
  TEST_CASE("a complete session file is read with units kept as entered") {
    const auto load = parse_session(kGood, "s.yaml");
    INFO(load.diagnostics.items().size());
    REQUIRE(load.session.has_value());
    const auto& s = *load.session;
    CHECK(s.patient.str() == "LB-ALF-0001");
    CHECK(s.ended.epoch_seconds - s.started.epoch_seconds == 3 * 3600 + 1800);
    CHECK(units::in_milliliters(s.plasma_removed.quantity().get<units::Volume>()) ==
          doctest::Approx(10000));
    CHECK(s.replaced.size() == 2);
    CHECK(units::in_ml_per_min(s.blood_flow->quantity().get<units::Flow>()) ==
          doctest::Approx(100));
    CHECK(s.ffp_units == 32);
    CHECK(s.calcium_given->text == "4 g");
    CHECK(s.adverse_events == std::vector<std::string>{"citrate_reaction"});
    REQUIRE(s.labs.size() == 3);
    CHECK(s.labs[0].analyte == "bilirubin");
    CHECK(units::in_mg_per_dl(s.labs[0].value.quantity().get<units::MassConcentration>()) ==
          doctest::Approx(4.2));
    CHECK(s.labs[1].analyte == "inr");
    CHECK(s.labs[2].timing == "post");
  }

  TEST_CASE("wrong units are refused at the value's line and column") {
    const auto load = parse_session(replace(kGood, "10000 mL", "10 kg"), "s.yaml");
    CHECK_FALSE(load.session);
    CHECK(has_error(load, 4, 17, "volume"));
  }

  TEST_CASE("a missing unit is refused") {
    const auto load =
        parse_session(replace(kGood, "blood_flow: 100 mL/min", "blood_flow: 100"), "s.yaml");
    CHECK_FALSE(load.session);
    CHECK(has_error(load, 8, 13, "unit"));
  }

  TEST_CASE("an end before the start is refused") {
    const auto load = parse_session(
        replace(kGood, "ended_at: 2026-11-20T11:30Z", "ended_at: 2026-11-20T07:30Z"), "s.yaml");
    CHECK_FALSE(load.session);
    CHECK(has_error(load, 3, 11, "before it starts"));
  }

  TEST_CASE("negative volumes are refused") {
    const auto load = parse_session(replace(kGood, "ffp: 8000 mL", "ffp: -8000 mL"), "s.yaml");
    CHECK_FALSE(load.session);
    CHECK(has_error(load, 6, 8, "zero or more"));
  }

  TEST_CASE("unknown fluids analytes and events are refused with a suggestion") {
    auto text = replace(kGood, "  albumin_5:", "  albumen_5:");
    text = replace(text, "    inr: 6.8", "    inrr: 6.8");
    text = replace(text, "[citrate_reaction]", "[citrate_reactoin]");
    const auto load = parse_session(text, "s.yaml");
    CHECK_FALSE(load.session);
    CHECK(has_error(load, 7, 3, "albumin_5"));
    CHECK(has_error(load, 21, 5, "inr"));
    CHECK(has_error(load, 15, 17, "citrate_reaction"));
  }

  TEST_CASE("a lab in the wrong dimension or a time without zone is refused") {
    auto text = replace(kGood, "bilirubin: 3.1 mg/dL", "bilirubin: 3.1 mL");
    text = replace(text, "drawn_at: 2026-11-21T06:00Z", "drawn_at: 2026-11-21T06:00");
    const auto load = parse_session(text, "s.yaml");
    CHECK_FALSE(load.session);
    CHECK(has_error(load, 24, 16, "mg/dL"));
    CHECK(has_error(load, 23, 15, "zone"));
  }

  TEST_CASE("calcium without its salt and other without a note are refused") {
    auto text = replace(kGood, "calcium_salt: gluconate\n", "");
    text = replace(text, "[citrate_reaction]", "[other]");
    text = replace(text, "adverse_event_notes: perioral tingling\n", "");
    const auto load = parse_session(text, "s.yaml");
    CHECK_FALSE(load.session);
    CHECK(has_error(load, 13, 16, "calcium_salt"));
    CHECK(has_error(load, 14, 17, "adverse_event_notes"));
  }
}
