// A scenario's starting state: every override is the first trace row's value.
#include <doctest/doctest.h>

#include <sstream>

#include "corpus_expectations.hpp"
#include "run_support.hpp"
#include "sim/run/start_state.hpp"

using namespace lb;

TEST_SUITE("sim_run") {
  TEST_CASE("start overrides set the first state the run reports") {
    std::string text = lb::testing::slurp(lb::testing::scenario_path("alf-hvp-citrate"));
    const std::string overrides =
        "start:\n  ica: 0.9 mmol/L\n  citrate: 1.5 mmol/L\n  k: 3.2 mmol/L\n  hb: 80 g/L\n"
        "  pta: 30 %\n  fibrinogen: 2 g/L\n  platelets: 50 10^9/L\n  volume_deficit: 200 mL\n"
        "  ph: 7.40\n  hco3: 24 mmol/L\n";
    const auto at = text.find("start:\n");
    REQUIRE(at != std::string::npos);
    text.replace(at, 7, overrides);
    const auto p =
        lb::testing::prepared_from_text(text, lb::testing::scenario_path("alf-hvp-citrate"));
    sim::run::Runner r(p, lb::testing::options(1));
    r.advance();
    std::istringstream in(r.trace());
    std::string header, row, cell;
    std::getline(in, header);
    std::getline(in, row);
    std::vector<std::string> names, cells;
    for (std::istringstream h(header); std::getline(h, cell, ',');) names.push_back(cell);
    for (std::istringstream c(row); std::getline(c, cell, ',');) cells.push_back(cell);
    REQUIRE(names.size() == cells.size());
    auto value = [&](const std::string& name) {
      for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i].rfind(name + " [", 0) == 0 || names[i] == name) return std::stod(cells[i]);
      }
      FAIL("no column " << name);
      return 0.0;
    };
    CHECK(value("ica") == doctest::Approx(0.9));
    CHECK(value("citrate") == doctest::Approx(1.5));
    CHECK(value("k") == doctest::Approx(3.2));
    CHECK(value("hb") == doctest::Approx(80.0));
    CHECK(value("pta") == doctest::Approx(30.0));
    CHECK(value("fibrinogen") == doctest::Approx(2.0));
    CHECK(value("platelets") == doctest::Approx(50.0));
    CHECK(value("volume_deficit") == doctest::Approx(200.0));
    CHECK(value("ph") == doctest::Approx(7.40));
    CHECK(value("hco3") == doctest::Approx(24.0));
    CHECK(value("qtc") > 440.0);  // signs follow the starting iCa
  }

  TEST_CASE(
      "start spo2 and map hold: SpO2 is the patient's own and MAP is on the patient's "
      "norepinephrine") {
    auto p = lb::testing::prepared("alf-hvp-citrate");
    p.patient.clinical.norepinephrine_dose = units::ug_per_kg_per_min(0.2);
    // No session: nothing but the start sets the signs, so they must stay where it put them.
    sim::Engine e(p.parameters, p.patient, {}, p.solutes);
    sim::run::apply_start(e, {{"map", 70.0, "mmHg"}, {"spo2", 92.0, "%"}});
    e.run_until(units::minutes(30));
    CHECK(e.kernel().map == doctest::Approx(70.0).epsilon(1e-9));
    CHECK(e.kernel().spo2 == doctest::Approx(92.0).epsilon(1e-12));
    // The running norepinephrine is part of that MAP: stopping it lowers the pressure.
    e.apply(sim::SetNorepinephrine{units::ug_per_kg_per_min(0.0)});
    e.run_until(units::minutes(40));
    CHECK(e.kernel().map < 60.0);
  }
}
