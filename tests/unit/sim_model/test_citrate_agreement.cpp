// One citrate model (session/citrate_load.hpp): for every bundled example patient under every
// bundled protocol with citrate anticoagulation, the simulator's citrate rate at the planned
// setting is the planner's citrate_rate figure, FFP included or left out alike.
#include <doctest/doctest.h>

#include <filesystem>

#include "sim/model/validate_action.hpp"
#include "sim_fixture.hpp"

using namespace lb;
using namespace lb::sim;

namespace {

std::vector<std::string> stems(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ".yaml") out.push_back(e.path().stem().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_SUITE("sim_model") {
  TEST_CASE("the planner and the simulator give the same citrate rate for the same plan") {
    int compared = 0, with_ffp = 0;
    for (const auto& patient : stems(std::string(LB_SOURCE_DIR) + "/examples")) {
      for (const auto& protocol : stems(LB_BUNDLED_PROTOCOLS_DIR)) {
        const auto r = fixture::load_run(patient, protocol);
        const auto& ac = r.plan.session->anticoagulation;
        if (!ac || !ac->citrate) continue;
        CAPTURE(patient);
        CAPTURE(protocol);
        const SessionSetup& s = r.sessions.front();
        const double planner = units::in_mg_per_kg_per_min(ac->citrate->citrate_rate.value);
        const double simulator =
            units::in_mg_per_kg_per_min(citrate_rate_at(s, planned_setting(s), r.parameters));
        CHECK(simulator == doctest::Approx(planner).epsilon(1e-9));
        // The FFP citrate is counted in both or in neither, with the same warning.
        const bool counted = ac->citrate->citrate_from_ffp.has_value();
        CHECK(counted == (s.ffp_citrate_from_protocol && units::in_milliliters(s.ffp_volume) > 0));
        ++compared;
        with_ffp += counted ? 1 : 0;
      }
    }
    CHECK(compared >= 10);
    CHECK(with_ffp >= 3);
  }

  TEST_CASE("without the protocol's ffp_citrate both leave FFP citrate out and warn alike") {
    // The high-volume FFP protocol with its ffp_citrate line (and the line listing it as
    // unverified) taken out.
    plan::PlanSources src;
    src.patient_file = std::string(LB_SOURCE_DIR) + "/examples/alf-paracetamol.yaml";
    src.patient_text = lb::testing::slurp(src.patient_file);
    src.protocol_file = std::string(LB_BUNDLED_PROTOCOLS_DIR) + "/hvp-alf-larsen-2016.yaml";
    std::string text = lb::testing::slurp(src.protocol_file);
    const auto cut_line = [&](const std::string& key) {
      const auto at = text.find(key);
      REQUIRE(at != std::string::npos);
      const auto begin = text.rfind('\n', at) + 1;
      text.erase(begin, text.find('\n', at) + 1 - begin);
    };
    cut_line("    ffp_citrate: ");
    cut_line("    note: \"Citrate content of FFP");
    cut_line("  - key: anticoagulation.citrate.ffp_citrate");
    src.protocol_text = text;
    SimulationSources sim = simulation_from_sources(src);
    REQUIRE_MESSAGE(sim.plan.has_value(), (sim.problems.empty() ? "" : sim.problems.front()));
    const auto& cit = *sim.plan->session->anticoagulation->citrate;
    CHECK_FALSE(cit.citrate_from_ffp.has_value());
    SetupResult setup = session_setup(*sim.plan, *sim.protocol, 1);
    REQUIRE(setup.setup.has_value());
    const SessionSetup& s = *setup.setup;
    REQUIRE(units::in_milliliters(s.ffp_volume) > 0.0);
    CHECK_FALSE(s.ffp_citrate_from_protocol);
    REQUIRE(s.ffp_citrate.has_value());
    CHECK(units::in_mmol_per_l(*s.ffp_citrate) == 0.0);
    const auto planner = std::find_if(cit.findings.begin(), cit.findings.end(), [](const auto& f) {
      return f.code == "citrate.ffp_citrate_not_counted";
    });
    REQUIRE(planner != cit.findings.end());
    REQUIRE(s.findings.size() == 1);
    CHECK(s.findings.front().code == planner->code);
    CHECK(s.findings.front().message == planner->message);
    const Parameters p = parameters_for(sim.plan->patient);
    CHECK(units::in_mg_per_kg_per_min(citrate_rate_at(s, planned_setting(s), p)) ==
          doctest::Approx(units::in_mg_per_kg_per_min(cit.citrate_rate.value)).epsilon(1e-9));
  }
}
