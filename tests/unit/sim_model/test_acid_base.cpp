// Acid–base: the simulated blood gas starts at the patient file's, and respiratory
// compensation follows the breathing (a ventilator holds the pCO2).
#include <doctest/doctest.h>

#include <string>
#include <tuple>

#include "near.hpp"
#include "sim_fixture.hpp"

using namespace lb;
using namespace lb::sim;

TEST_SUITE("sim_model") {
  TEST_CASE("the blood gas starts at the patient's measured pH and bicarbonate") {
    for (const auto& [patient, ph, hco3] :
         {std::tuple{"alf-paracetamol", 7.26, 16.0}, std::tuple{"aclf-alcohol", 7.37, 19.0}}) {
      CAPTURE(patient);
      const auto r = fixture::load_run(patient, "hvp-alf-larsen-2016");
      const Engine e = fixture::engine_of(r);
      LB_CHECK_NEAR(e.kernel().ph, ph, 1e-12);
      LB_CHECK_NEAR(e.kernel().bicarbonate, hco3, 1e-12);
    }
  }

  TEST_CASE("a ventilated patient's pCO2 stays and a breathing patient's compensates") {
    // alf-paracetamol is ventilated, aclf-alcohol breathes: the same FFP exchange raises both
    // patients' bicarbonate, only the breathing one's pCO2 follows (0.7 mmHg per mmol/L).
    for (const char* patient : {"alf-paracetamol", "aclf-alcohol"}) {
      CAPTURE(patient);
      const auto r = fixture::load_run(patient, "hvp-alf-larsen-2016");
      Engine e = fixture::engine_of(r);
      const double pco2 = e.kernel().pco2, hco3 = e.kernel().bicarbonate;
      fixture::run_to_rinse_back(e);
      const double rise = e.kernel().bicarbonate - hco3;
      CHECK(rise > 1.0);
      const bool ventilated = std::string(patient) == "alf-paracetamol";
      CHECK(r.plan.patient.clinical.mechanical_ventilation.value_or(false) == ventilated);
      const double expected = ventilated ? 0.0 : 0.7 * rise;
      LB_CHECK_NEAR(e.kernel().pco2 - pco2, expected, 1e-9);
    }
  }
}
