// The headless window, driven as a person would: click a field, type, pick a
// unit; the plan is recomputed from the form through plan::build_plan.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "headless.hpp"
#include "text/format.hpp"
#include "units/quantities.hpp"

namespace {

using lb::gui::test::example_options;
using lb::gui::test::Headless;

/// Each figure's id and unit, and its value.
struct Figure {
  std::string id, unit;
  double value = 0;
};
std::vector<Figure> figures(const lb::plan::Plan& plan) {
  std::vector<Figure> out;
  for (const auto* d : plan.figures()) out.push_back({d->id, d->shown.unit, d->shown.value});
  return out;
}

bool has_error_at(const lb::diag::Diagnostics& d, const std::string& key) {
  for (const auto& item : d.items()) {
    if (item.key == key && item.severity == lb::diag::Severity::error) return true;
  }
  return false;
}

}  // namespace

TEST_SUITE("gui") {
  TEST_CASE("the example patient is planned through build_plan when the window opens") {
    Headless h(example_options("hvp-alf-larsen-2016"));
    REQUIRE(h.state.plan.plan.has_value());
    CHECK(h.state.plan.current);
    CHECK(h.state.plan.plan->eligibility.has_value());  // only build_plan adds it
    CHECK(h.state.plan.plan->protocol.id == "hvp-alf-larsen-2016");
    // clinical.md §1.8: male, 175 cm, 70 kg, Hct 30 % -> Nadler TBV 4824 mL, PV 3377 mL.
    CHECK(lb::text::shown(h.state.plan.plan->total_blood_volume.how.shown) == "4824 mL");
    CHECK(lb::text::shown(h.state.plan.plan->plasma_volume.how.shown) == "3377 mL");
    CHECK(h.drawn("status.disclaimer"));
    CHECK(h.drawn("eligibility.verdict"));
  }

  TEST_CASE("weight typed as 154.3 lb instead of 70 kg gives the same plan") {
    Headless h(example_options("hvp-alf-larsen-2016"));
    REQUIRE(h.state.plan.current);
    const auto before = figures(*h.state.plan.plan);
    const auto exchange_before = lb::text::shown(h.state.plan.plan->exchange.volume.how.shown);
    const auto status_before = h.state.plan.plan->status();

    h.type_into("weight", "154.3");
    h.choose("weight.unit", "weight.unit.lb");

    const auto& weight = h.state.form.fields.at("weight");
    CHECK(weight.value == "154.3");
    CHECK(weight.unit == "lb");
    REQUIRE(h.state.plan.plan.has_value());
    CHECK(h.state.plan.current);
    // 154.3 lb = 69.99 kg: the form really changed the planned weight...
    CHECK(lb::units::in_kilograms(h.state.plan.plan->patient.weight) ==
          doctest::Approx(69.989).epsilon(1e-4));
    // ...and the plan is the same: the ordered exchange volume (15 % of IBW here)
    // to the millilitre, every figure within 0.02 % (154.3 lb is 11 g less than
    // 70 kg: Nadler's TBV moves by 0.35 mL), the same status.
    CHECK(lb::text::shown(h.state.plan.plan->exchange.volume.how.shown) == exchange_before);
    CHECK(h.state.plan.plan->status() == status_before);
    const auto after = figures(*h.state.plan.plan);
    REQUIRE(after.size() == before.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
      INFO(before[i].id);
      CHECK(after[i].id == before[i].id);
      CHECK(after[i].unit == before[i].unit);
      CHECK(after[i].value == doctest::Approx(before[i].value).epsilon(2e-4));
    }
    // Entered in kg, the figures change: the comparison above can fail.
    h.type_into("weight", "80");
    CHECK(figures(*h.state.plan.plan)[2].value != doctest::Approx(before[2].value).epsilon(2e-4));
  }

  TEST_CASE("hematocrit 95 % shows an error at the field and keeps the last valid plan") {
    Headless h(example_options("hvp-alf-larsen-2016"));
    REQUIRE(h.state.plan.current);
    h.type_into("hematocrit", "95");

    CHECK(h.state.form.fields.at("hematocrit").value == "95");
    CHECK(has_error_at(h.state.plan.patient_diagnostics, "hematocrit"));
    CHECK(h.drawn("hematocrit.problem"));  // the reason is shown in place
    CHECK_FALSE(h.state.plan.current);
    CHECK_FALSE(h.state.plan.why_not_current.empty());
    REQUIRE(h.state.plan.plan.has_value());  // the last valid plan is kept, marked stale
    CHECK(h.state.plan.plan->patient.hematocrit.value() == doctest::Approx(0.30));

    h.type_into("hematocrit", "32");
    CHECK(h.state.plan.current);
    CHECK_FALSE(has_error_at(h.state.plan.patient_diagnostics, "hematocrit"));
    CHECK(h.state.plan.plan->patient.hematocrit.value() == doctest::Approx(0.32));
  }
}
