// Per-patient parameter draws (sim/run/patient_draws.hpp): drawn once per run from the run's
// "patient" stream, reproducible per seed, untouched by the trainee's actions and by the
// random events, held to [min, max], and listed on the timeline and in the parameters.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <set>

#include "corpus_expectations.hpp"
#include "run_support.hpp"
#include "sim/random/distributions.hpp"
#include "sim/run/patient_draws.hpp"

using namespace lb;
using lb::testing::lines_with;
using lb::testing::options;

namespace {

constexpr const char* kDraws =
    "parameters:\n"
    "  citrate_clearance: {mean: 0.15 L/min, sd: 0.05 L/min, min: 0.08 L/min, max: 0.4 L/min}\n"
    "  calcium_mobilisation: {mean: 0.09 mmol/min per mmol/L, sd: 0.02 mmol/min per mmol/L}\n";

/// alf-hvp-citrate with `parameters` added before its start section (and `from` replaced by
/// `to` when given).
std::string with_parameters(const std::string& parameters, const std::string& from = "",
                            const std::string& to = "") {
  std::string text = lb::testing::slurp(lb::testing::scenario_path("alf-hvp-citrate"));
  const auto at = text.find("start:\n");
  REQUIRE(at != std::string::npos);
  text.insert(at, parameters);
  if (!from.empty()) {
    const auto f = text.find(from);
    REQUIRE(f != std::string::npos);
    text.replace(f, from.size(), to);
  }
  return text;
}

sim::run::Prepared prepared_with(const std::string& text) {
  return lb::testing::prepared_from_text(text, lb::testing::scenario_path("alf-hvp-citrate"));
}

/// The engine's drawn values of a run (not run: the draws are made at construction).
std::pair<double, double> drawn_values(const sim::run::Prepared& p, std::uint64_t seed,
                                       const std::string& script = "") {
  const sim::run::Runner r(p, options(seed, script));
  return {r.engine().parameters().citrate_clearance.value,
          r.engine().parameters().calcium_mobilisation.value};
}

}  // namespace

TEST_SUITE("sim_run") {
  TEST_CASE("a drawn parameter is the same for the same seed and differs between seeds") {
    const auto p = prepared_with(with_parameters(kDraws));
    std::set<double> clearances;
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
      const auto a = drawn_values(p, seed);
      const auto b = drawn_values(p, seed);
      CHECK(std::memcmp(&a.first, &b.first, sizeof(double)) == 0);  // byte for byte
      CHECK(std::memcmp(&a.second, &b.second, sizeof(double)) == 0);
      clearances.insert(a.first);
    }
    CHECK(clearances.size() >= 10);  // clamping may put a few on the same end, not most
    // The value is the first normal deviate of the run's "patient" stream, the second
    // parameter the second deviate (file order), each clamped to its interval.
    sim::random::Stream stream(7, "patient");
    const double z1 = stream.normal(0.0, 1.0);
    const double z2 = stream.normal(0.0, 1.0);
    const auto seven = drawn_values(p, 7);
    CHECK(seven.first == std::clamp(0.15 + 0.05 * z1, 0.08, 0.4));
    CHECK(seven.second == std::clamp(0.09 + 0.02 * z2, 0.0, 0.2));
    // A fixed scenario without draws keeps the patient's default.
    const auto plain = lb::testing::prepared("alf-hvp-citrate");
    CHECK(drawn_values(plain, 7).first == plain.parameters.citrate_clearance.value);
  }

  TEST_CASE("the trainee's actions never change a drawn value") {
    const auto p = prepared_with(with_parameters(kDraws));
    for (const std::uint64_t seed : {3ULL, 20261204ULL}) {
      sim::run::Runner competent(p, options(seed, "alf-hvp-citrate-competent"));
      sim::run::Runner struggling(p, options(seed, "alf-hvp-citrate-struggling"));
      sim::run::Runner none(p, options(seed));
      for (auto* r : {&competent, &struggling, &none}) {
        for (int i = 0; i < 1800; ++i) r->advance();  // half an hour of different actions
      }
      CHECK(competent.engine().parameters().citrate_clearance.value ==
            none.engine().parameters().citrate_clearance.value);
      CHECK(struggling.engine().parameters().citrate_clearance.value ==
            none.engine().parameters().citrate_clearance.value);
      CHECK(struggling.engine().parameters().calcium_mobilisation.value ==
            none.engine().parameters().calcium_mobilisation.value);
      CHECK(lines_with(competent.timeline(), "\"kind\":\"parameter\"") ==
            lines_with(struggling.timeline(), "\"kind\":\"parameter\""));
      CHECK(competent.timeline() != struggling.timeline());  // the actions did differ
    }
  }

  TEST_CASE("random events and their probabilities never change a drawn value") {
    const auto base = prepared_with(with_parameters(kDraws));
    const auto likelier =
        prepared_with(with_parameters(kDraws, "probability: 0.013", "probability: 0.5"));
    const std::string event =
        "    - id: extra_hypotension\n      probability: 0.3\n      per: session\n"
        "      effects:\n        - note: \"An extra random event.\"\n";
    const auto more = prepared_with(with_parameters(kDraws, "  random:\n", "  random:\n" + event));
    REQUIRE(more.scenario.random.size() == base.scenario.random.size() + 1);
    int moved = 0;
    for (std::uint64_t seed = 1; seed <= 8; ++seed) {
      CAPTURE(seed);
      CHECK(drawn_values(base, seed) == drawn_values(likelier, seed));
      CHECK(drawn_values(base, seed) == drawn_values(more, seed));
      const sim::run::Runner a(base, options(seed));
      const sim::run::Runner b(likelier, options(seed));
      moved += a.schedule()[0].at != b.schedule()[0].at ? 1 : 0;
    }
    CHECK(moved >= 1);  // the event's own draw did change
  }

  TEST_CASE("a drawn value stays inside its min and max and the valid interval") {
    sim::scenario::Scenario s;
    s.id = "draws";
    s.parameters.push_back({"citrate_clearance",
                            0.15,
                            "L/min",
                            {},
                            sim::scenario::ParameterDraw{0.15, 0.2, 0.1, 0.2}});
    // No min or max: the valid interval (0, 2] L/min, whose open end is never reached.
    s.parameters.push_back({"haemodynamic_lag",
                            1.0,
                            "s",
                            {},
                            sim::scenario::ParameterDraw{1.0, 50.0, std::nullopt, std::nullopt}});
    const auto base = sim::parameters_for(patient::Patient{});
    int at_min = 0, at_max = 0, inside = 0;
    for (std::uint64_t seed = 0; seed < 400; ++seed) {
      sim::Parameters p = base;
      const auto drawn = sim::run::draw_parameters(s, seed, p);
      REQUIRE(drawn.size() == 2);
      const double v = p.citrate_clearance.value;
      CHECK(v >= 0.1);
      CHECK(v <= 0.2);
      at_min += v == 0.1 ? 1 : 0;
      at_max += v == 0.2 ? 1 : 0;
      inside += v > 0.1 && v < 0.2 ? 1 : 0;
      CHECK(p.haemodynamic_lag.range.contains(p.haemodynamic_lag.value));
      CHECK(p.haemodynamic_lag.value > 0.0);
      CHECK(drawn[0].value == v);
      CHECK(p.citrate_clearance.verification == sim::Verification::scenario);
    }
    // sd 0.2 around 0.15 in [0.1, 0.2]: most draws are clamped to an end, some fall inside.
    CHECK(at_min > 50);
    CHECK(at_max > 50);
    CHECK(inside > 20);
  }

  TEST_CASE("the timeline's start lists each draw with its distribution and seed") {
    const auto p = prepared_with(with_parameters(kDraws));
    sim::run::Runner r(p, options(7));
    r.advance();
    const auto lines = lines_with(r.timeline(), "\"kind\":\"parameter\"");
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].find("\"parameter\":\"citrate_clearance\"") != std::string::npos);
    CHECK(lines[0].find("\"drawn_from\":\"N(0.15, 0.05) [0.08, 0.4] L/min\"") != std::string::npos);
    CHECK(lines[0].find("\"stream\":\"patient\",\"seed\":7") != std::string::npos);
    CHECK(lines[1].find("N(0.09, 0.02) mmol/min per mmol/L") != std::string::npos);
    // They follow the start line, before the pre-rolled schedule.
    CHECK(r.timeline().find("\"kind\":\"parameter\"") < r.timeline().find("\"kind\":\"schedule\""));
    REQUIRE(r.drawn().size() == 2);
    const std::string text = r.drawn()[0].text();
    CHECK(text.rfind("citrate_clearance ", 0) == 0);
    CHECK(text.find(" L/min drawn from N(0.15, 0.05) [0.08, 0.4] L/min, seed 7") !=
          std::string::npos);
    // The parameter list says where the value came from.
    const auto& source = r.engine().parameters().citrate_clearance.source;
    CHECK(source.find("N(0.15, 0.05) [0.08, 0.4] L/min, seed 7") != std::string::npos);
  }

  TEST_CASE("every problem of a distribution is reported at once at its position") {
    const std::string text = with_parameters(
        "parameters:\n"
        "  citrate_clearance: {mean: 0.15, sd: -0.05 L/min, min: 0.5 L/min, max: 0.1 L/min}\n");
    const auto load = sim::scenario::parse_scenario(text, "draws.yaml");
    CHECK_FALSE(load.scenario.has_value());
    std::vector<std::string> messages;
    for (const auto& d : load.diagnostics.items()) {
      if (d.severity == diag::Severity::error) messages.push_back(diag::format(d));
    }
    std::string all;
    for (const auto& m : messages) all += m + "\n";
    INFO(all);
    REQUIRE(messages.size() == 3);
    const auto has = [&](const std::string& what) { return all.find(what) != std::string::npos; };
    CHECK(has("has no unit"));
    CHECK(has("is negative"));
    CHECK(has("min 0.5 L/min is above max 0.1 L/min"));
    CHECK(has("draws.yaml:"));
  }
}
