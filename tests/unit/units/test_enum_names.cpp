// text::EnumNames: one table serves to_string and parsing; every converted
// enum's to_string (found by argument-dependent lookup) and its readers'
// options come from the same table.
#include <doctest/doctest.h>

#include "eligibility/names.hpp"
#include "model/names.hpp"
#include "patient/names.hpp"
#include "plan/plan.hpp"
#include "protocol/names.hpp"
#include "text/enum_names.hpp"
#include "validate/validate_file.hpp"

using namespace lb;

namespace {

enum class Colour { red, green, blue };
constexpr auto kColours = text::enum_names<Colour>(
    {{Colour::red, "red"}, {Colour::green, "green"}, {Colour::blue, "blue"}});
static_assert(kColours.unique());
static_assert(kColours.name(Colour::green) == "green");
static_assert(*kColours.parse("blue") == Colour::blue);
static_assert(!kColours.parse("Blue"));  // exact spelling only
static_assert(!text::enum_names<Colour>({{Colour::red, "red"}, {Colour::green, "red"}}).unique());
static_assert(!text::enum_names<Colour>({{Colour::red, "red"}, {Colour::red, "rot"}}).unique());

/// to_string(e) == the table's name for every entry, and every name parses back.
template <class Table>
void round_trips(const Table& table) {
  // A solute is a units::Analyte, so argument-dependent lookup does not reach protocol's.
  using lb::protocol::to_string;
  for (const auto& e : table.entries()) {
    CHECK(to_string(e.value) == e.name);
    CHECK(table.parse(e.name) == e.value);
  }
  const auto options = table.options();
  REQUIRE(options.size() == table.size());
  for (std::size_t i = 0; i < options.size(); ++i) {
    CHECK(options[i].first == table.entries()[i].name);
  }
}

}  // namespace

TEST_SUITE("units") {
  TEST_CASE("enum names: to_string and the readers use one table per enum") {
    round_trips(protocol::names::kBloodVolumeMethod);
    round_trips(protocol::names::kPlasmaVolumeMethod);
    round_trips(protocol::names::kIbwMethod);
    round_trips(protocol::names::kShortStaturePolicy);
    round_trips(protocol::names::kExchangeRule);
    round_trips(protocol::names::kWeightBasis);
    round_trips(protocol::names::kReplacementMix);
    round_trips(protocol::names::kAnticoagulant);
    round_trips(protocol::names::kAcdSolution);
    round_trips(protocol::names::kSeparationTechnique);
    round_trips(protocol::names::kSchedulePattern);
    round_trips(protocol::names::kSolute);
    round_trips(protocol::names::kKineticModel);
    round_trips(protocol::names::kStopComparison);
    round_trips(protocol::names::kRuleKind);
    round_trips(protocol::names::kRuleSeverity);
    round_trips(protocol::names::kOp);
    round_trips(eligibility::names::kOutcome);
    round_trips(eligibility::names::kVerdict);
    round_trips(model::names::kSex);
    round_trips(model::names::kBuild);
    round_trips(patient::names::kDiagnosis);
    round_trips(patient::names::kAscites);
    round_trips(validate::kFileKindNames);
    CHECK(protocol::solute_words().size() == protocol::names::kSolute.size());
    CHECK(validate::parse_file_kind("auto") == validate::FileKind::unknown);
    for (const auto s :
         {plan::Status::ready, plan::Status::ready_with_warnings, plan::Status::not_ready}) {
      CHECK(plan::parse_status(plan::to_string(s)) == s);
    }
    CHECK_FALSE(plan::parse_status("READY"));
  }
}
