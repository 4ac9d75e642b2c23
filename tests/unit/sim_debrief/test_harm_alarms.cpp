// Harm exposure, alarm handling, deviations and the composite score on the golden runs.
#include <doctest/doctest.h>

#include "debrief_support.hpp"

namespace lb::testing {
namespace {

TEST_CASE("harm: minutes below the thresholds follow the samples and calcium adds the bolus") {
  const auto d = debriefed("alf-hvp-citrate", "alf-hvp-citrate-struggling");
  const auto& h = d.debrief.analysis.harm;
  double low = 0.0, infused = 0.0;
  for (const auto& s : d.replay.samples) {
    if (s.ica < 0.8) low += static_cast<double>(s.dt);
    infused += s.calcium_infused_mmol;
  }
  CHECK(units::in_seconds(h.ica_low) == doctest::Approx(low));
  CHECK(units::in_seconds(h.ica_low) > 0.0);
  // The bolus at 95 min: 10 mL of 10 % calcium gluconate, 0.232 mmol/mL, all given.
  CHECK(sim::in_mmol(h.calcium_given) - infused == doctest::Approx(2.32));
  CHECK(units::in_mmol_per_l(h.min_ica) < 0.8);
  CHECK(units::in_fraction(h.max_ca_ratio) >= 2.5);  // citrate_toxicity's ratio or iCa arm
  CHECK(sim::in_mmol(h.citrate_load) > 0.0);
  // The competent run (calcium titrated from 5 min) spends less time below 0.8.
  const auto c = debriefed("alf-hvp-citrate", "alf-hvp-citrate-competent");
  CHECK(c.debrief.analysis.harm.ica_low < h.ica_low);
}

TEST_CASE("alarm handling: silences are not acknowledgements") {
  const auto d = debriefed("alf-hvp-citrate", "alf-hvp-citrate-struggling");
  const auto& a = d.debrief.analysis.alarms;
  CHECK(a.count == 2);  // map_low and ica_critical
  CHECK(a.acknowledged == 0);
  CHECK(a.silences == 1);  // ica_critical silenced at 80 min
  CHECK(a.unacknowledged_high.size() == 2);
  CHECK_FALSE(a.median_to_acknowledge.has_value());
  CHECK(d.debrief.analysis.scores.alarm_handling == doctest::Approx(0.0));
}

TEST_CASE("alarm handling: time to acknowledge") {
  const auto d = debriefed("membrane-access-clotting", "membrane-access-clotting-competent");
  const auto& a = d.debrief.analysis.alarms;
  // inlet_pressure_low raised at 15 min by the access event, acknowledged at 16 min.
  REQUIRE(a.median_to_acknowledge.has_value());
  CHECK(units::in_seconds(*a.median_to_acknowledge) == doctest::Approx(60.0));
  CHECK(a.acknowledged == 1);
}

TEST_CASE("deviations are held to the plan the run was prepared from") {
  const auto d = debriefed("alf-hvp-citrate", "alf-hvp-citrate-competent");
  const auto& list = d.debrief.analysis.deviations;
  // The protocol orders 1.6 g/h of calcium gluconate, 16 mL/h of the 10 % solution; the script
  // sets 40 mL/h at 5 min, 60 at 20, 40 at 95 and 30 at 155 min. Slowing the inlet to 40 mL/min
  // at 62 min lowers the citrate reaching the patient: not a deviation, though the FFP citrate
  // keeps it above the liver-failure limit (sim/model/validate_action.hpp).
  REQUIRE(list.size() == 4);
  CHECK(list[0].t == 300);
  CHECK(list[0].code == std::string(sim::debrief::kCalciumAboveOrder));
  CHECK(list[0].message.find("16.0 mL/h") != std::string::npos);
  CHECK(list[1].t == 1200);
  CHECK(list[2].t == 5700);
  CHECK(list[3].t == 9300);
  for (const auto& x : list) CHECK(x.code != "sim.action.citrate_rate_above_limit");
}

TEST_CASE("a calcium infusion above the protocol's order is a deviation") {
  auto prepared = prepared_scenario("alf-hvp-citrate");
  REQUIRE(prepared.session.calcium.has_value());
  const double order_ml_h = units::in_ml_per_min(prepared.session.calcium->rate) * 60.0;
  sim::scenario::Script script;
  sim::scenario::ScriptEntry e;
  e.at = 60;
  e.what = sim::Action{sim::SetCalciumInfusion{sim::CalciumProduct::gluconate_10,
                                               units::ml_per_min((order_ml_h + 5.0) / 60.0)}};
  script.entries.push_back(e);
  e.at = 120;
  e.what = sim::Action{sim::SetCalciumInfusion{sim::CalciumProduct::gluconate_10,
                                               units::ml_per_min(order_ml_h / 60.0)}};
  script.entries.push_back(e);
  const auto list = sim::debrief::protocol_deviations(prepared, script);
  REQUIRE(list.size() == 1);
  CHECK(list[0].t == 60);
  CHECK(list[0].code == std::string(sim::debrief::kCalciumAboveOrder));
}

TEST_CASE("the composite uses the scenario's shares") {
  const auto d = debriefed("ffp-anaphylactoid", "ffp-anaphylactoid-struggling");
  const auto& s = d.debrief.analysis.scores;
  CHECK(s.weights.critical_actions == doctest::Approx(0.7));
  CHECK(s.weights.alarm_handling == doctest::Approx(0.1));
  CHECK(s.weights.harm == doctest::Approx(0.2));
  // map_low acknowledged at 24 min: alarm handling 1.
  CHECK(s.alarm_handling == doctest::Approx(1.0));
  CHECK(s.composite ==
        doctest::Approx(70.0 * (0.4 / 6.0) + 10.0 * 1.0 + 20.0 * s.harm).epsilon(1e-9));
}

TEST_CASE("the self-rating is kept as given before any score") {
  const auto d = debriefed("ffp-anaphylactoid", "ffp-anaphylactoid-competent", 4);
  CHECK(d.debrief.reactions.self_rating == 4);
  CHECK(d.debrief.stage.seed == 20261204u);
  CHECK(d.debrief.stage.timeline_sha256 == io::sha256_hex(d.golden_text));
}

}  // namespace
}  // namespace lb::testing
