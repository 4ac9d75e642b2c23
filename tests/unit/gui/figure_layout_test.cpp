// The plan panel's figures at the window sizes the README shows: every value
// ends inside its row (the tree node spans the panel's content width), so a long
// label never pushes a value into the scrollbar ("1.00 × PV" of "Plasma volumes
// exchanged per session" in the middle column at 1280×800 did).
#include <doctest/doctest.h>

#include <string>

#include "headless.hpp"

namespace {

using lb::gui::test::example_options;
using lb::gui::test::Headless;

void check_values_inside(Headless& h) {
  REQUIRE(h.state.plan.plan);
  int checked = 0;
  for (const auto* d : lb::gui::all_figures(*h.state.plan.plan)) {
    const std::string row = "figure." + d->id;
    if (!h.drawn(row)) continue;
    const auto r = h.rect(row);
    const auto v = h.rect(row + ".value");
    INFO(d->id << ": row ends at " << r.x1 << ", value at " << v.x0 << ".." << v.x1);
    CHECK(v.x1 <= r.x1 + 0.5f);
    CHECK(v.x0 >= r.x0);
    ++checked;
  }
  CHECK(checked > 4);
}

}  // namespace

TEST_SUITE("gui") {
  TEST_CASE("figure values stay inside the plan panel at 1280x800 and 1920x1080") {
    for (const ImVec2 size : {ImVec2(1280, 800), ImVec2(1920, 1080), ImVec2(1024, 700)}) {
      INFO("window " << size.x << "x" << size.y);
      Headless h(example_options("pe-lf-china-nbal-2016"), size);
      REQUIRE(h.drawn("figure.plasma_volumes_per_session"));
      check_values_inside(h);
    }
  }
}
