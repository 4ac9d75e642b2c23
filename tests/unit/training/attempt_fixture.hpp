// Shared by the training-attempt tests: a bundled golden run (timeline and scenario file) as
// an attempt ready to save, a debrief naming that run, and a trace that fits it.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "../records/records_fixture.hpp"
#include "io/atomic_write.hpp"
#include "io/sha256.hpp"
#include "training/attempt.hpp"

namespace lb::testing {

inline const std::string kGoldenTimeline =
    std::string(LB_SOURCE_DIR) + "/scenarios/golden/alf-hvp-citrate-competent.seed-20261204.jsonl";
inline const std::string kGoldenScenario =
    std::string(LB_SOURCE_DIR) + "/scenarios/alf-hvp-citrate.yaml";

inline std::string golden_timeline() { return io::read_file(kGoldenTimeline); }
inline std::string golden_scenario_sha256() {
  return io::sha256_hex(io::read_file(kGoldenScenario));
}

/// The golden run as an attempt of one trainee, saved by "Dr Instructor".
inline training::AttemptInput golden_attempt(const std::string& trainee = "trainee A") {
  training::AttemptInput in;
  in.timeline = {"tl.jsonl", golden_timeline()};
  in.scenario_sha256 = golden_scenario_sha256();
  if (!trainee.empty()) in.trainees = {trainee};
  in.instructor = "Dr Instructor";
  in.saved_by = "Dr Instructor";
  return in;
}

/// A trace of the golden run (10 800 simulated seconds): a header and three rows.
inline const std::string kGoldenTrace =
    "t_s,ica [mmol/L],map [mmHg]\n0,1.1500,78.0000\n10,1.1490,\n10800,1.0100,74.5000\n";

/// A debrief of the golden run in liverbridge.sim-debrief/1's layout; `seed` and the hashes
/// can be set to another run's.
inline std::string golden_debrief(const std::string& timeline_sha256,
                                  const std::string& scenario_sha256,
                                  const std::string& seed = "20261204",
                                  const std::string& self_rating = "4") {
  return R"({"schema": "liverbridge.sim-debrief/1",
 "stage": {"scenario": "alf-hvp-citrate", "version": "1", "seed": )" +
         seed + R"(, "scenario_sha256": ")" + scenario_sha256 + R"(", "timeline_sha256": ")" +
         timeline_sha256 + R"(", "program_version": "0.0.9"},
 "reactions": {"self_rating": )" +
         self_rating + R"(},
 "analysis": {"objectives": [{"id": "recognise", "status": "met"},
                             {"id": "treat", "status": "late"},
                             {"id": "handover", "status": "met"}],
              "scores": {"composite": 71.5}}}
)";
}

}  // namespace lb::testing
