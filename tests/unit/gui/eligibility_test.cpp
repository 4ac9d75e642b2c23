// Eligibility in the window: a relative contraindication needs an override
// reason typed in the eligibility panel before the plan is marked ready.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "headless.hpp"

namespace {

using lb::gui::test::example_options;
using lb::gui::test::Headless;

bool has_finding(const lb::plan::Plan& plan, const std::string& code) {
  return std::any_of(plan.findings.begin(), plan.findings.end(),
                     [&](const lb::plan::Finding& f) { return f.code == code; });
}

}  // namespace

TEST_SUITE("gui") {
  TEST_CASE("an override reason is required for a relative contraindication") {
    Headless h(example_options("dpmas-half-pe"));
    REQUIRE(h.state.plan.current);
    CHECK(h.state.plan.plan->status() != lb::plan::Status::not_ready);
    CHECK_FALSE(h.drawn("override.severe_sepsis"));

    // Sepsis makes dpmas-half-pe's relative rule severe_sepsis trigger.
    h.choose("clinical.sepsis", "clinical.sepsis.choice.true");
    REQUIRE(h.state.form.fields.at("clinical.sepsis").value == "true");
    REQUIRE(h.state.plan.current);
    const auto& plan = *h.state.plan.plan;
    CHECK(plan.status() == lb::plan::Status::not_ready);
    CHECK(plan.eligibility->verdict == lb::eligibility::Verdict::relative_contraindication);
    CHECK(has_finding(plan, "eligibility.relative_contraindication"));
    CHECK(h.drawn("override.severe_sepsis"));

    // A blank reason is no reason.
    h.type_into("override.severe_sepsis", "   ");
    CHECK(h.state.plan.plan->status() == lb::plan::Status::not_ready);

    const std::string reason = "source controlled, 48 h of antibiotics";
    h.type_into("override.severe_sepsis", reason);
    CHECK(h.state.override_reasons.at("severe_sepsis") == reason);
    const auto& overridden = *h.state.plan.plan;
    CHECK(overridden.status() == lb::plan::Status::ready_with_warnings);
    CHECK(has_finding(overridden, "eligibility.override"));
    CHECK_FALSE(has_finding(overridden, "eligibility.relative_contraindication"));
    const auto rule =
        std::find_if(overridden.eligibility->rules.begin(), overridden.eligibility->rules.end(),
                     [](const auto& r) { return r.id.str() == "severe_sepsis"; });
    REQUIRE(rule != overridden.eligibility->rules.end());
    CHECK(rule->override_reason == reason);
  }

  TEST_CASE("a reason typed for a rule of another protocol is not passed on") {
    Headless h(example_options("hvp-alf-larsen-2016"));
    h.state.override_reasons["severe_sepsis"] = "typed under dpmas-half-pe";
    h.state.needs_recompute = true;
    h.frame();  // build_plan would throw on an override the protocol does not have
    CHECK(h.state.plan.current);
    CHECK(h.state.plan.why_not_current.empty());
    // Not silently: the plan panel says which reason is not used, and why.
    REQUIRE(h.state.plan.set_aside.size() == 1);
    CHECK(h.state.plan.set_aside.front().find("'severe_sepsis'") != std::string::npos);
    h.frame();
    CHECK(h.drawn("plan.set_aside"));
  }
}
