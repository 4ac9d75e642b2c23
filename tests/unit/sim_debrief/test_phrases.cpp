// The narrative's wording of trainee actions (core/sim/debrief/phrases.cpp): fluids and drugs
// as a nurse says them, not their action-script ids.
#include <doctest/doctest.h>

#include <string>

#include "sim/debrief/phrases.hpp"
#include "sim/debrief/timeline.hpp"

using namespace lb::sim::debrief;

namespace {

ActionLine line(const std::string& name, const std::string& json) {
  ActionLine a;
  a.name = name;
  a.json = json;
  return a;
}

}  // namespace

TEST_SUITE("sim_debrief") {
  TEST_CASE("a fluid bolus names the fluid as a nurse says it and the volume first") {
    CHECK(action_phrase(
              line("give_fluid", R"({"fluid":"albumin_5","volume_mL":250,"over_min":10})")) ==
          "gave 250 mL of 5 % albumin over 10 min");
    CHECK(action_phrase(
              line("give_fluid", R"({"fluid":"saline_0_9","volume_mL":500.5,"over_min":15})")) ==
          "gave 500.5 mL of 0.9 % saline over 15 min");
    CHECK(action_phrase(
              line("give_fluid", R"({"fluid":"albumin_20","volume_mL":100,"over_min":30})")) ==
          "gave 100 mL of 20 % albumin over 30 min");
  }

  TEST_CASE("a drug given by a route names the route") {
    CHECK(action_phrase(line("give_drug", R"({"drug":"adrenaline_im"})")) == "gave adrenaline IM");
    CHECK(action_phrase(line("give_drug", R"({"drug":"antihistamine"})")) == "gave antihistamine");
  }
}
