// Lab orders: turnaround, the state at the draw, noise from the order's own stream, and the
// latest reported values that lab alarms read.
#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>

#include "sim/labs/lab_queue.hpp"

using namespace lb::sim;
using namespace lb::sim::labs;

namespace {
std::vector<scenario::LabPanel> panels(double ica_sd) {
  return {scenario::LabPanel{"ica", 180, {{"ica", ica_sd, "mmol/L"}}},
          scenario::LabPanel{"k", 3600, {{"k", 0.1, "mmol/L"}}}};
}
events::Lookup constant(double ica, double k) {
  return [=](std::string_view name) -> std::optional<double> {
    if (name == "ica") return ica;
    if (name == "k") return k;
    return std::nullopt;
  };
}
}  // namespace

TEST_SUITE("sim_events") {
  TEST_CASE("a result is due after the panel's turnaround and reports the state at the draw") {
    LabQueue q(panels(0.0), 1);
    const auto r = q.order(100, "ica", constant(0.85, 4.0));
    CHECK(r.due == 280);
    CHECK(q.due(279).empty());
    const auto due = q.due(280);
    REQUIRE(due.size() == 1);
    REQUIRE(due[0].values.size() == 1);
    CHECK(due[0].values[0].value == doctest::Approx(0.85));  // sd 0: exactly the state
    CHECK(q.due(10000).empty());                             // returned once
    CHECK(q.latest("ica") == doctest::Approx(0.85));
  }

  TEST_CASE("results come back in due order whatever the order they were drawn in") {
    LabQueue q(panels(0.0), 1);
    (void)q.order(0, "k", constant(0.9, 3.5));
    (void)q.order(10, "ica", constant(0.9, 3.5));
    const auto due = q.due(4000);
    REQUIRE(due.size() == 2);
    CHECK(due[0].panel == "ica");
    CHECK(due[1].panel == "k");
  }

  TEST_CASE("the noise of the n-th order of a panel does not depend on other orders") {
    LabQueue a(panels(0.05), 42), b(panels(0.05), 42);
    (void)a.order(0, "ica", constant(1.0, 4.0));
    const auto a2 = a.order(60, "ica", constant(1.0, 4.0));
    (void)b.order(0, "ica", constant(1.0, 4.0));
    (void)b.order(30, "k", constant(1.0, 4.0));  // an extra order of another panel
    const auto b2 = b.order(60, "ica", constant(1.0, 4.0));
    CHECK(a2.values[0].value == b2.values[0].value);
    CHECK(a2.order == 2);
  }

  TEST_CASE("assay noise has the scenario's standard deviation") {
    LabQueue q(panels(0.05), 3);
    double sum = 0, sum2 = 0;
    const int n = 4000;
    for (int i = 0; i < n; ++i) {
      const double x = q.order(i, "ica", constant(1.0, 4.0)).values[0].value;
      sum += x;
      sum2 += x * x;
    }
    const double mean = sum / n;
    CHECK(mean == doctest::Approx(1.0).epsilon(0.005));
    CHECK(std::sqrt(sum2 / n - mean * mean) == doctest::Approx(0.05).epsilon(0.06));
  }

  TEST_CASE("a panel the scenario does not offer is refused") {
    LabQueue q(panels(0.0), 1);
    CHECK_FALSE(q.offers("coagulation"));
    CHECK_THROWS_AS(q.order(0, "coagulation", constant(1, 4)), std::out_of_range);
  }
}
