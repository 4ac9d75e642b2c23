// "Save attempt" in the simulation window (ui/sim/save_attempt.cpp), driven headless: a
// finished, debriefed run is stored from the debrief screen with the labels typed there, in
// the training tables of the database file the window was given; the stored attempt is the
// run's own timeline, scenario hash, trace and debrief, and the file holds no patient. A
// save without who saves it, a second save and an unwritable file are refused with the
// reason on the screen and nothing written; a retry is stored as a branch of its saved parent.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "headless.hpp"
#include "io/atomic_write.hpp"
#include "io/sha256.hpp"
#include "records/store.hpp"
#include "sim/scenario/script_loader.hpp"
#include "sim/sim_panels.hpp"
#include "sim/sim_state.hpp"
#include "training/attempt_store.hpp"

namespace {

using lb::gui::test::example_options;
using lb::gui::test::Headless;
namespace simui = lb::simui;
namespace fs = std::filesystem;

const std::string kSource = LB_SOURCE_DIR;
const std::string kScenario = kSource + "/scenarios/alf-hvp-citrate.yaml";
const std::string kScript = kSource + "/scenarios/scripts/alf-hvp-citrate-competent.yaml";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

struct TempDir {
  std::string path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "lb-sim-save-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

/// The competent run of alf-hvp-citrate, finished and rated 4 on the debrief screen.
struct Debriefed : Headless {
  TempDir dir;
  std::string db = dir.path + "/records.db";
  Debriefed() : Headless(example_options("hvp-alf-larsen-2016")) {
    state.sim.attempts_db = db;
    REQUIRE(simui::start_scenario_file(state.sim, kScenario));
    auto script = lb::sim::scenario::load_script_file(kScript);
    REQUIRE(script.script.has_value());
    simui::replay(state.sim, *script.script, 1'000'000);
    REQUIRE(simui::runner(state.sim)->finished());
    state.sim.screen = simui::Screen::debrief;
    frames(2);
    click("sim.debrief.rating.4");
    REQUIRE(state.sim.debrief.has_value());
  }
};

}  // namespace

TEST_SUITE("gui") {
  TEST_CASE("the window saves the finished attempt to the training tables with its labels") {
    Debriefed h;
    REQUIRE(h.drawn("sim.save.button"));
    h.type_into("sim.save.trainees", "trainee A, TR-07");
    h.type_into("sim.save.instructor", "Dr Ward");
    h.type_into("sim.save.by", "Dr Ward");
    h.click("sim.save.button");
    INFO(h.state.sim.save_message);
    REQUIRE_FALSE(h.state.sim.save_failed);
    CHECK(contains(h.state.sim.save_message, "saved as training attempt 1"));
    CHECK(h.drawn("sim.save.done"));

    lb::training::SqliteAttemptStore store(h.db);
    const auto list = store.attempts({});
    REQUIRE(list.size() == 1);
    const auto& a = list.front();
    CHECK(a.scenario_id == "alf-hvp-citrate");
    CHECK(a.scenario_sha256 == lb::io::sha256_hex(lb::io::read_file(kScenario)));
    CHECK(a.trainees == std::vector<std::string>{"trainee A", "TR-07"});
    CHECK(a.instructor == "Dr Ward");
    CHECK(a.saved_by == "Dr Ward");
    CHECK(a.self_rating == 4);
    CHECK(a.has_trace);
    CHECK(a.has_debrief);
    CHECK(a.figures.complete);
    const auto rec = store.attempt(a.id);
    REQUIRE(rec.has_value());
    CHECK(rec->timeline_jsonl == simui::runner(h.state.sim)->timeline());
    // The same file holds no patient: simulated runs are not clinical records.
    lb::records::Store records(h.db);
    CHECK(records.patients().empty());

    // Saving the same attempt again is refused: one attempt, one row.
    h.state.sim.save_message.clear();
    CHECK_FALSE(simui::save_attempt(h.state.sim));
    CHECK(contains(h.state.sim.save_message, "already stored"));
    CHECK(store.attempts({}).size() == 1);
  }

  TEST_CASE("a save without who saves it is refused with the reason and writes nothing") {
    Debriefed h;
    h.type_into("sim.save.trainees", "trainee A");
    h.click("sim.save.button");
    CHECK(h.state.sim.save_failed);
    CHECK(contains(h.state.sim.save_message, "Not saved"));
    CHECK(contains(h.state.sim.save_message, "who is saving the attempt"));
    CHECK(h.drawn("sim.save.message"));
    CHECK(h.drawn("sim.save.button"));  // still offered
    CHECK_FALSE(simui::current_branch(h.state.sim)->saved_id.has_value());
    lb::training::SqliteAttemptStore store(h.db);
    CHECK(store.attempts({}).empty());
  }

  TEST_CASE("a training store that cannot be written is named with the reason") {
    Debriefed h;
    // A folder that cannot be made: its name is taken by a file.
    lb::io::atomic_write(h.dir.path + "/not a folder", "x");
    h.state.sim.attempts_db = h.dir.path + "/not a folder/records.db";
    h.state.sim.save_by = "Dr Ward";
    CHECK_FALSE(simui::save_attempt(h.state.sim));
    CHECK(h.state.sim.save_failed);
    CHECK(contains(h.state.sim.save_message, "not a folder/records.db"));
    CHECK_FALSE(fs::exists(h.state.sim.attempts_db));
  }

  TEST_CASE("a retry is stored as a branch of its saved parent attempt") {
    Debriefed h;
    h.state.sim.save_by = "Dr Ward";
    REQUIRE(simui::save_attempt(h.state.sim));
    const auto parent_id = *simui::current_branch(h.state.sim)->saved_id;
    const auto snapshot_t = simui::current_branch(h.state.sim)->snapshots.at(2).t;
    REQUIRE(simui::rewind_to(h.state.sim, 2));
    // The retry is not finished: nothing to save yet.
    CHECK_FALSE(simui::save_attempt(h.state.sim));
    CHECK(contains(h.state.sim.save_message, "has not ended"));
    simui::run_until(h.state.sim, 1'000'000);
    REQUIRE(simui::save_attempt(h.state.sim));
    lb::training::SqliteAttemptStore store(h.db);
    const auto list = store.attempts({});
    REQUIRE(list.size() == 2);
    REQUIRE(list.back().parent.has_value());
    CHECK(list.back().parent->raw() == parent_id);
    CHECK(list.back().branch_at_s == snapshot_t);
  }
}
