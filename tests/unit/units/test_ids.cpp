// The id types of core/model/ids.hpp: each is its own type (no id converts to
// another, nor silently from a string or a number), made explicitly and read
// back unchanged, and ordered like what they hold (so they key maps).
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <type_traits>

#include "model/ids.hpp"

namespace {

using lb::model::PatientId;
using lb::model::PlanId;
using lb::model::RuleId;
using lb::model::SessionId;

// A session id where a plan id is meant, or a bare string where a patient is meant, must not
// compile: these are the mistakes the types exist to stop.
static_assert(!std::is_convertible_v<SessionId, PlanId>);
static_assert(!std::is_convertible_v<PlanId, SessionId>);
static_assert(!std::is_convertible_v<PatientId, RuleId>);
static_assert(!std::is_convertible_v<RuleId, PatientId>);
static_assert(!std::is_convertible_v<std::string, PatientId>);
static_assert(!std::is_convertible_v<const char*, RuleId>);
static_assert(!std::is_convertible_v<std::int64_t, PlanId>);
static_assert(std::is_constructible_v<PatientId, std::string>);
static_assert(std::is_constructible_v<SessionId, std::int64_t>);

}  // namespace

TEST_SUITE("units") {
  TEST_CASE("an id reads back what it was made from") {
    CHECK(PatientId("LB-ALF-0001").str() == "LB-ALF-0001");
    CHECK(RuleId("severe_sepsis").raw() == "severe_sepsis");
    CHECK(PlanId(42).raw() == 42);
    CHECK(PlanId(42).str() == "42");
    CHECK(SessionId(7).str() == "7");
    CHECK(PatientId().empty());
    CHECK_FALSE(PatientId("P1").empty());
    CHECK(SessionId().empty());
    CHECK_FALSE(SessionId(1).empty());
  }

  TEST_CASE("ids compare and order as what they hold") {
    CHECK(PatientId("P1") == PatientId("P1"));
    CHECK(PatientId("P1") != PatientId("P2"));
    CHECK(PlanId(1) < PlanId(2));
    std::map<RuleId, int> by_rule{{RuleId("b"), 2}, {RuleId("a"), 1}};
    CHECK(by_rule.begin()->first.str() == "a");
  }
}
