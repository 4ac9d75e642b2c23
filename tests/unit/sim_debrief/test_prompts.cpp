// The debrief's prompts: the scenario's reflection prompts for the whole run, and each
// critical action's own prompt attached to that item only when it was late or missed.
#include <doctest/doctest.h>

#include "debrief_support.hpp"

namespace lb::testing {
namespace {

TEST_CASE("an item's prompt is asked only when that item was late or missed") {
  for (const char* run : {"alf-hvp-citrate-competent", "alf-hvp-citrate-struggling"}) {
    CAPTURE(run);
    const auto d = debriefed("alf-hvp-citrate", run);
    const auto& prompts = d.debrief.analysis.prompts;
    REQUIRE_FALSE(prompts.empty());
    CHECK(prompts.front().text == "How did that feel?");  // the whole run's
    CHECK(prompts.front().for_items.empty());
    std::size_t expected = 1;
    for (const auto& c : d.debrief.analysis.critical_actions) {
      const bool asked =
          c.status == sim::debrief::Status::late || c.status == sim::debrief::Status::missed;
      int found = 0;
      for (const auto& p : prompts) {
        if (p.for_items == std::vector<std::string>{c.id}) ++found;
      }
      CHECK_MESSAGE(found == (asked ? 1 : 0), c.id);
      expected += asked ? 1 : 0;
    }
    CHECK(prompts.size() == expected);
  }
  // The struggling run misses the warmer: its prompt is there, on that item alone.
  const auto s = debriefed("alf-hvp-citrate", "alf-hvp-citrate-struggling");
  bool warm = false;
  for (const auto& p : s.debrief.analysis.prompts) {
    if (p.for_items == std::vector<std::string>{"warm_ffp"}) {
      warm = p.text.find("warmer off") != std::string::npos;
    }
  }
  CHECK(warm);
}

}  // namespace
}  // namespace lb::testing
