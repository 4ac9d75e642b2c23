// A scenario's starting state: every override is the first trace row's value.
#include <doctest/doctest.h>

#include <sstream>

#include "corpus_expectations.hpp"
#include "run_support.hpp"
#include "sim/model/observables.hpp"
#include "sim/run/start_state.hpp"

using namespace lb;

namespace {

/// alf-hvp-citrate with `overrides` as its start section.
std::string with_start(const std::string& overrides) {
  std::string text = lb::testing::slurp(lb::testing::scenario_path("alf-hvp-citrate"));
  const auto at = text.find("start:\n");
  REQUIRE(at != std::string::npos);
  text.replace(at, 7, "start:\n" + overrides);
  return text;
}

double observed(const sim::run::Runner& r, const char* name) {
  const sim::Observable* o = sim::find_observable(name);
  REQUIRE(o != nullptr);
  const auto v = o->read(r.state());
  REQUIRE(v.has_value());
  return *v;
}

double relative_error(double amount, const sim::kernel::Ledger& l) {
  const double scale = std::max({std::fabs(amount), std::fabs(l.expected()), l.in, l.out, 1e-12});
  return std::fabs(amount - l.expected()) / scale;
}

}  // namespace

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

  TEST_CASE("start total_ca with ica gives both at t=0 and the ledgers balance over a run") {
    const auto p = lb::testing::prepared_from_text(
        with_start("  ica: 0.95 mmol/L\n  total_ca: 3.1 mmol/L\n  bilirubin: 400 µmol/L\n"
                   "  ammonia: 250 µmol/L\n"),
        lb::testing::scenario_path("alf-hvp-citrate"));
    sim::run::Runner r(p, lb::testing::options(5, "alf-hvp-citrate-competent"));
    CHECK(observed(r, "total_ca") == doctest::Approx(3.1).epsilon(1e-12));
    CHECK(observed(r, "ica") == doctest::Approx(0.95).epsilon(1e-12));
    CHECK(observed(r, "bilirubin") == doctest::Approx(400.0).epsilon(1e-12));
    CHECK(observed(r, "ammonia") == doctest::Approx(250.0).epsilon(1e-12));
    // The citrate that holds the extra calcium: above the patient's baseline.
    CHECK(observed(r, "citrate") > 1.0);
    const auto& k0 = r.engine().kernel();
    CHECK(k0.bilirubin_e == k0.bilirubin_p);  // the extravascular value at equilibrium
    CHECK(k0.ammonia_e == k0.ammonia_p);
    // The first trace row (what a lab at t=0 sees) carries the same values.
    r.advance();
    CHECK(r.trace().find("\n0,") != std::string::npos);
    double worst = 0.0;
    while (!r.finished()) {
      r.advance();
      const auto& k = r.engine().kernel();
      worst = std::max(
          {worst, relative_error(k.citrate, k.citrate_ledger),
           relative_error(k.calcium, k.calcium_ledger),
           relative_error(r.engine().solute_amount(protocol::Solute::bilirubin),
                          k.bilirubin_ledger),
           relative_error(r.engine().solute_amount(protocol::Solute::ammonia), k.ammonia_ledger)});
    }
    INFO("worst relative ledger error " << worst);
    CHECK(worst < 1e-9);
    // The exchange removed bilirubin from the value the start set.
    CHECK(observed(r, "bilirubin") < 400.0);
  }

  TEST_CASE("start total_ca alone keeps the patient's iCa and sets the citrate") {
    const auto plain = lb::testing::prepared("alf-hvp-citrate");
    const sim::run::Runner before(plain, lb::testing::options(1));
    const double ica = observed(before, "ica");
    const std::string written = std::to_string(observed(before, "total_ca") + 0.8);
    const double total = std::stod(written);
    const auto p =
        lb::testing::prepared_from_text(with_start("  total_ca: " + written + " mmol/L\n"),
                                        lb::testing::scenario_path("alf-hvp-citrate"));
    const sim::run::Runner r(p, lb::testing::options(1));
    CHECK(observed(r, "ica") == doctest::Approx(ica).epsilon(1e-12));
    CHECK(observed(r, "total_ca") == doctest::Approx(total).epsilon(1e-9));
    CHECK(observed(r, "citrate") > observed(before, "citrate"));
    const auto& k = r.engine().kernel();
    CHECK(k.citrate_ledger.initial == k.citrate);
    CHECK(k.calcium_ledger.initial == k.calcium);
  }

  TEST_CASE(
      "a start total_ca below what the iCa and protein binding give is refused at its place") {
    const std::string text = with_start("  ica: 1.1 mmol/L\n  total_ca: 1.5 mmol/L\n");
    const auto load =
        sim::scenario::parse_scenario(text, lb::testing::scenario_path("alf-hvp-citrate"));
    REQUIRE(load.scenario.has_value());  // each value alone is in its range
    const auto prep = sim::run::prepare(load, LB_BUNDLED_PROTOCOLS_DIR);
    CHECK_FALSE(prep.prepared.has_value());
    bool found = false;
    for (const auto& d : prep.diagnostics.items()) {
      const std::string f = diag::format(d);
      if (d.severity == diag::Severity::error && d.where.line == 22 && d.where.column == 13 &&
          f.find("total_ca 1.50 mmol/L is below the") != std::string::npos &&
          f.find("no citrate can make it") != std::string::npos) {
        found = true;
      }
    }
    std::string all;
    for (const auto& d : prep.diagnostics.items()) all += diag::format(d) + "\n";
    INFO(all);
    CHECK(found);
    // total_ca with citrate asks for the citrate twice.
    const auto both = sim::run::prepare(
        sim::scenario::parse_scenario(with_start("  citrate: 1 mmol/L\n  total_ca: 3 mmol/L\n"),
                                      lb::testing::scenario_path("alf-hvp-citrate")),
        LB_BUNDLED_PROTOCOLS_DIR);
    CHECK_FALSE(both.prepared.has_value());
    // The engine refuses it too.
    auto p = lb::testing::prepared("alf-hvp-citrate");
    sim::Engine e(p.parameters, p.patient, {p.session}, p.solutes);
    CHECK_THROWS_AS(sim::run::apply_start(e, {{"total_ca", 0.6, "mmol/L"}}), std::invalid_argument);
  }

  TEST_CASE("a start total_ca must hold at every end of the parameters' draws") {
    // At the mean binding the total is reachable; at the top of protein_binding's draw the
    // iCa and its binding alone give more than it, so some seeds could not start: refused.
    std::string text = with_start("  ica: 1.0 mmol/L\n  total_ca: 2.0 mmol/L\n");
    text.insert(text.find("start:\n"),
                "parameters:\n  protein_binding: {mean: 0.02 (mmol/L per mmol/L iCa) per g/L, "
                "sd: 0.005 (mmol/L per mmol/L iCa) per g/L, max: 0.05 (mmol/L per mmol/L iCa) "
                "per g/L}\n");
    const auto load =
        sim::scenario::parse_scenario(text, lb::testing::scenario_path("alf-hvp-citrate"));
    std::string all;
    for (const auto& d : load.diagnostics.items()) all += diag::format(d) + "\n";
    INFO(all);
    REQUIRE(load.scenario.has_value());
    const auto prep = sim::run::prepare(load, LB_BUNDLED_PROTOCOLS_DIR);
    for (const auto& d : prep.diagnostics.items()) all += diag::format(d) + "\n";
    INFO(all);
    CHECK_FALSE(prep.prepared.has_value());
    CHECK(all.find("when the parameters are drawn at protein_binding 0.05") != std::string::npos);
    // Without the draw the same start is taken.
    const auto fixed = sim::run::prepare(
        sim::scenario::parse_scenario(with_start("  ica: 1.0 mmol/L\n  total_ca: 2.0 mmol/L\n"),
                                      lb::testing::scenario_path("alf-hvp-citrate")),
        LB_BUNDLED_PROTOCOLS_DIR);
    CHECK(fixed.prepared.has_value());
  }
}
