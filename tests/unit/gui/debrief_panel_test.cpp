// The debrief panel (ui/sim/debrief_panel.hpp) drawn headless from the debrief of a bundled
// scenario's golden run: every section, table row, chart and marker is drawn, the hidden
// lines of the narrative can be hidden, and hovering a chart moves the shared time cursor.
#include "sim/debrief_panel.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

#include <string>

#include "io/atomic_write.hpp"
#include "io/sha256.hpp"
#include "sim/debrief/debrief.hpp"
#include "sim/run/prepare.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace lb::gui {
namespace {

struct Golden {
  sim::run::Prepared prepared;
  sim::debrief::Timeline timeline;
  sim::debrief::Replay replay;
  sim::debrief::Debrief debrief;
};

Golden golden(const std::string& scenario, const std::string& run) {
  const auto load = sim::scenario::load_scenario_file(std::string(LB_SOURCE_DIR) + "/scenarios/" +
                                                      scenario + ".yaml");
  auto prep = sim::run::prepare(load, std::string(LB_SOURCE_DIR) + "/protocols");
  REQUIRE(prep.prepared.has_value());
  const std::string text = io::read_file(std::string(LB_SOURCE_DIR) + "/scenarios/golden/" + run +
                                         ".seed-20261204.jsonl");
  auto t = sim::debrief::parse_timeline(text, run);
  REQUIRE(t.timeline.has_value());
  auto r = sim::debrief::replay_timeline(*prep.prepared, *t.timeline);
  REQUIRE(r.replay.has_value());
  Golden g{std::move(*prep.prepared), std::move(*t.timeline), std::move(*r.replay), {}};
  g.debrief =
      sim::debrief::build_debrief({g.prepared, g.timeline, g.replay, io::sha256_hex(load.text), 3});
  return g;
}

/// An ImGui context without a backend, the panel in one window per frame.
class Frame {
 public:
  Frame() : ctx_(ImGui::CreateContext()) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 4000);  // tall: every section is laid out on screen
    io.DeltaTime = 1.0f / 60.0f;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    static int texture = 0;
    io.Fonts->SetTexID(&texture);
  }
  ~Frame() { ImGui::DestroyContext(ctx_); }
  Frame(const Frame&) = delete;
  Frame& operator=(const Frame&) = delete;

  void draw(const sim::debrief::Debrief& d, DebriefView& view) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("Debrief", nullptr, ImGuiWindowFlags_NoSavedSettings);
    draw_debrief_panel(d, view);
    ImGui::End();
    ImGui::Render();
    REQUIRE(ImGui::GetDrawData() != nullptr);
  }

 private:
  ImGuiContext* ctx_;
};

TEST_CASE("debrief panel: every part of a golden run's debrief is drawn") {
  const auto g = golden("ffp-anaphylactoid", "ffp-anaphylactoid-struggling");
  Frame f;
  DebriefView view;
  f.draw(g.debrief, view);
  f.draw(g.debrief, view);
  CHECK(view.objective_rows == 2);  // lo1, lo2
  CHECK(view.checklist_rows == 3);  // stop_plasma, treat_reaction, escalate
  CHECK(view.charts_drawn == 9);
  const auto markers = static_cast<int>(g.debrief.analysis.markers.size());
  CHECK(markers > 0);
  CHECK(view.markers_drawn == 9 * markers);
  CHECK(view.narrative_rows == static_cast<int>(g.debrief.description.size()));
  CHECK(ImGui::GetDrawData()->TotalVtxCount > 1000);
}

TEST_CASE("debrief panel: the true state can be hidden from the narrative") {
  const auto g = golden("ffp-anaphylactoid", "ffp-anaphylactoid-struggling");
  int visible = 0;
  for (const auto& n : g.debrief.description) visible += n.hidden ? 0 : 1;
  REQUIRE(visible < static_cast<int>(g.debrief.description.size()));
  Frame f;
  DebriefView view;
  view.show_hidden = false;
  view.show_markers = false;
  f.draw(g.debrief, view);
  CHECK(view.narrative_rows == visible);
  CHECK(view.markers_drawn == 0);
}

TEST_CASE("debrief panel: hovering a chart moves the shared time cursor") {
  const auto g = golden("ffp-anaphylactoid", "ffp-anaphylactoid-struggling");
  Frame f;
  DebriefView view;
  f.draw(g.debrief, view);
  f.draw(g.debrief, view);
  REQUIRE(view.plot_max.x > view.plot_min.x);
  CHECK_FALSE(view.cursor.has_value());
  // The middle of the first chart's time axis: half of the 5400 s run.
  ImGui::GetIO().MousePos = ImVec2((view.plot_min.x + view.plot_max.x) * 0.5f,
                                   (view.plot_min.y + view.plot_max.y) * 0.5f);
  f.draw(g.debrief, view);
  f.draw(g.debrief, view);
  REQUIRE(view.cursor.has_value());
  CHECK(*view.cursor == doctest::Approx(2700).epsilon(0.02));
}

}  // namespace
}  // namespace lb::gui
