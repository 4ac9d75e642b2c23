// The attempt store: what is kept (scenario hash, seed, version, timeline hash, texts, people,
// figures), what is refused (a hash that differs, malformed timelines, traces and debriefs of
// another run, bad labels, impossible retries) with nothing written, and that saved attempts
// stay as saved.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <string>

#include "attempt_fixture.hpp"
#include "training/attempt_check.hpp"
#include "training/attempt_store.hpp"
#include "version.hpp"

namespace {

using namespace lb;

std::int64_t count_attempts(const std::string& db) {
  records::Store store(db);
  return testing::count_rows(store, "training_attempts");
}

/// Saves `in` expecting a refusal; returns the refusal's text. Nothing may have been written.
std::string refused(const std::string& db, const training::AttemptInput& in) {
  const auto before = count_attempts(db);
  std::string message;
  try {
    training::SqliteAttemptStore(db).save(in);
    FAIL("saved although it should be refused");
  } catch (const training::AttemptRefused& e) {
    message = e.what();
  }
  CHECK(count_attempts(db) == before);
  return message;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// Lines of `text` that hold every one of `parts`.
int lines_with(const std::string& text, std::initializer_list<const char*> parts) {
  int n = 0;
  std::size_t begin = 0;
  while (begin < text.size()) {
    const std::size_t end = std::min(text.find('\n', begin), text.size());
    const std::string line = text.substr(begin, end - begin);
    n += std::all_of(parts.begin(), parts.end(), [&](const char* p) { return has(line, p); });
    begin = end + 1;
  }
  return n;
}

/// The timeline as written before the start line carried the scenario's SHA-256.
std::string without_scenario_hash(std::string text) {
  const auto at = text.find(",\"scenario_sha256\":\"");
  REQUIRE(at != std::string::npos);
  text.erase(at, text.find('"', at + 20) + 1 - at);
  return text;
}

}  // namespace

TEST_SUITE("training") {
  TEST_CASE("the scenario hash is the start line's and a different one given is refused") {
    testing::TempDir dir;
    const std::string db = dir.file("r.db");
    auto in = testing::golden_attempt();
    in.scenario_sha256.clear();  // the start line names the scenario text that was run
    const auto id = training::SqliteAttemptStore(db).save(in);
    CHECK(training::SqliteAttemptStore(db).attempt(id)->summary.scenario_sha256 ==
          testing::golden_scenario_sha256());
    auto other = testing::golden_attempt();
    other.scenario_sha256 = io::sha256_hex("another scenario file");
    CHECK(has(refused(db, other),
              "tl.jsonl:1:1: error: scenario_sha256: the run was made from "
              "scenario text with SHA-256 " +
                  testing::golden_scenario_sha256()));
    // An older timeline without it is still stored, with the hash of the file given...
    auto older = testing::golden_attempt();
    older.timeline.text = without_scenario_hash(older.timeline.text);
    const auto old_id = training::SqliteAttemptStore(db).save(older);
    CHECK(training::SqliteAttemptStore(db).attempt(old_id)->summary.scenario_sha256 ==
          testing::golden_scenario_sha256());
    // ...and refused without one.
    older.scenario_sha256.clear();
    CHECK(has(refused(db, older), "scenario_sha256: the SHA-256 of the scenario file is required"));
  }

  TEST_CASE("an attempt keeps scenario hash and seed and version and timeline hash and its texts") {
    testing::TempDir dir;
    training::SqliteAttemptStore store(dir.file("r.db"));
    auto in = testing::golden_attempt();
    in.trainees = {"trainee A", "trainee B"};
    in.trace = training::NamedText{"tr.csv", testing::kGoldenTrace};
    in.started = records::parse_timestamp("2026-12-05T09:00Z").value;
    in.ended = records::parse_timestamp("2026-12-05T10:10Z").value;
    in.self_rating = 3;
    const auto id = store.save(in);
    const auto r = store.attempt(id);
    REQUIRE(r.has_value());
    const auto& a = r->summary;
    const std::string timeline = testing::golden_timeline();
    CHECK(a.scenario_id == "alf-hvp-citrate");
    CHECK(a.scenario_version == "1");
    CHECK(a.seed == "20261204");
    CHECK(a.scenario_sha256 == testing::golden_scenario_sha256());
    CHECK(a.timeline_sha256 == io::sha256_hex(timeline));
    CHECK(a.program_version == kVersion);
    CHECK(r->timeline_jsonl == timeline);
    CHECK(r->trace_csv == testing::kGoldenTrace);
    CHECK_FALSE(r->debrief_json.has_value());
    CHECK(a.trainees == std::vector<std::string>{"trainee A", "trainee B"});
    CHECK(a.instructor == "Dr Instructor");
    CHECK(a.self_rating == 3);
    CHECK(a.started_at == "2026-12-05T09:00:00Z");
    CHECK(a.ended_at == "2026-12-05T10:10:00Z");
    CHECK(a.saved_by == "Dr Instructor");
    CHECK(a.figures.duration_s == 10800);
    CHECK(a.figures.complete);
    CHECK(a.figures.trainee_actions ==
          lines_with(timeline, {R"("kind":"action")", R"("by":"trainee")"}));
    CHECK(a.figures.trainee_actions > 0);
    CHECK(a.figures.alarms == lines_with(timeline, {R"("kind":"alarm")", R"("to":"active")"}));
    CHECK(a.figures.instructor_acts == lines_with(timeline, {R"("by":"instructor")"}));
    CHECK_FALSE(a.figures.composite_score.has_value());
    CHECK(a.has_trace);
    CHECK_FALSE(a.has_debrief);
    CHECK_FALSE(a.parent.has_value());
  }

  TEST_CASE("the listing figures are counted from the timeline's lines") {
    testing::TempDir dir;
    training::SqliteAttemptStore store(dir.file("r.db"));
    auto in = testing::golden_attempt();
    in.timeline.text =
        R"({"t":0,"kind":"start","scenario":"alf-hvp-citrate","version":"1","seed":18446744073709551615})"
        "\n"
        R"({"t":60,"kind":"action","name":"order_lab","by":"trainee","lab":"ica"})"
        "\n"
        R"({"t":60,"kind":"action","name":"vasovagal","by":"instructor"})"
        "\n"
        R"({"t":75,"kind":"alarm","alarm":"map_low","priority":"high","from":"inactive","to":"active"})"
        "\n"
        R"({"t":80,"kind":"alarm","alarm":"map_low","priority":"high","from":"active","to":"acknowledged"})"
        "\n"
        R"({"t":90,"kind":"action","name":"pause","by":"trainee"})"
        "\n"
        R"({"t":95,"kind":"alarm","alarm":"spo2_low","priority":"high","from":"inactive","to":"active"})"
        "\n"
        R"({"t":2400,"kind":"note","text":"the instructor froze the run here"})"
        "\n";
    const auto a = store.attempt(store.save(in))->summary;
    CHECK(a.seed == "18446744073709551615");  // the largest seed, exact
    CHECK(a.figures.duration_s == 2400);
    CHECK_FALSE(a.figures.complete);  // no `end` line: not finished
    CHECK(a.figures.trainee_actions == 2);
    CHECK(a.figures.instructor_acts == 1);
    CHECK(a.figures.alarms == 2);
  }

  TEST_CASE("a timeline hash that differs from the text is refused and nothing is written") {
    testing::TempDir dir;
    const std::string db = dir.file("r.db");
    auto in = testing::golden_attempt();
    in.timeline_sha256 = io::sha256_hex(in.timeline.text + " ");
    const std::string message = refused(db, in);
    CHECK(has(message, "tl.jsonl: error: timeline_sha256: the timeline's SHA-256 is " +
                           io::sha256_hex(in.timeline.text)));
    CHECK(has(message, "not the one that was hashed"));
    in.timeline_sha256 = io::sha256_hex(in.timeline.text);  // the right one is taken
    CHECK(training::SqliteAttemptStore(db).save(in).raw() == 1);
    // One changed byte in the text: the stored hash is the new text's, not the old one.
    auto changed = testing::golden_attempt();
    changed.timeline.text[changed.timeline.text.find("20261204")] = '3';
    const auto id = training::SqliteAttemptStore(db).save(changed);
    const auto a = training::SqliteAttemptStore(db).attempt(id);
    CHECK(a->summary.seed == "30261204");
    CHECK(a->summary.timeline_sha256 == io::sha256_hex(changed.timeline.text));
    CHECK(a->summary.timeline_sha256 != io::sha256_hex(testing::golden_timeline()));
  }

  TEST_CASE("malformed timelines are refused at file line and column") {
    testing::TempDir dir;
    const std::string db = dir.file("r.db");
    const std::string start =
        R"({"t":0,"kind":"start","scenario":"alf-hvp-citrate","version":"1","seed":7})";
    const struct {
      std::string text, expected;
    } cases[] = {
        {"", "tl.jsonl: error: the file is empty"},
        {start + "\n{\"t\":5,\"kind\":\"end\"}",
         "tl.jsonl:2:20: error: the last line has no line feed"},
        {R"({"t":0,"kind":"action"})"
         "\n",
         "tl.jsonl:1:1: error: kind: the first line must be"},
        {start + "\n{\"t\":60,\"kind\":\"note\"}\n{\"t\":30,\"kind\":\"note\"}\n",
         "tl.jsonl:3:1: error: t: 30 s comes after 60 s"},
        {start + "\n{\"t\":60,\"kind\":\"note\",}\n", "tl.jsonl:2:23: error: not a JSON line"},
        {start + "\n[1,2]\n", "tl.jsonl:2:1: error: expected a JSON object"},
        {start + "\n{\"t\":-1,\"kind\":\"note\"}\n", "tl.jsonl:2:1: error: t: expected the"},
        {start + "\n{\"t\":1.5,\"kind\":\"note\"}\n", "tl.jsonl:2:1: error: t: expected the"},
        {start + "\n{\"t\":1}\n", "tl.jsonl:2:1: error: kind: expected the kind"},
        {start + "\n{\"t\":9,\"kind\":\"end\"}\n{\"t\":9,\"kind\":\"note\"}\n",
         "tl.jsonl:3:1: error: kind: a line after the `end` line"},
        {start + "\n" + start + "\n", "tl.jsonl:2:1: error: kind: a second `start` line"},
        {R"({"t":0,"kind":"start","scenario":"x","version":"1"})"
         "\n",
         "tl.jsonl:1:1: error: seed: the start line needs the run's seed"},
        {R"({"t":0,"kind":"start","scenario":"x","version":"1","seed":-3})"
         "\n",
         "tl.jsonl:1:1: error: seed: the start line needs the run's seed"},
        {R"({"t":0,"kind":"start","version":"1","seed":3})"
         "\n",
         "tl.jsonl:1:1: error: scenario: the start line needs a non-empty text"},
        {start + "\r\n", "tl.jsonl:1:75: error: contains U+000D"},
        {start + "\n{\"t\":1,\"kind\":\"note\",\"text\":\"\xff\"}\n",
         "tl.jsonl:2:30: error: not valid UTF-8"},
        {R"({"t":0,"kind":"start","scenario":"a\u001b[2Jb","version":"1","seed":3})"
         "\n",
         "tl.jsonl:1:1: error: scenario: contains"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.text);
      auto in = testing::golden_attempt();
      in.timeline.text = c.text;
      const std::string message = refused(db, in);
      CAPTURE(message);
      CHECK(has(message, c.expected));
    }
    CHECK(count_attempts(db) == 0);
  }

  TEST_CASE("a trace is checked against its header and the timeline it belongs to") {
    testing::TempDir dir;
    const std::string db = dir.file("r.db");
    const struct {
      std::string text, expected;
    } cases[] = {
        {"time,ica\n0,1\n", "tr.csv:1:1: error: the header's first column must be t_s"},
        {"t_s,ica\n0,1,2\n", "tr.csv:2:1: error: 3 fields; the header has 2"},
        {"t_s,ica\n0,1\n10801,1\n", "tr.csv:3:1: error: t_s: 10801 s is after the timeline's"},
        {"t_s,ica\n20,1\n10,1\n", "tr.csv:3:1: error: t_s: the trace goes back in time"},
        {"t_s,ica\nx,1\n", "tr.csv:2:1: error: t_s: expected whole seconds"},
        {"t_s,ica\n0,1.2.3\n", "tr.csv:2:3: error: ica: expected a number or nothing"},
        {"t_s,ica\n0,nan\n", "tr.csv:2:3: error: ica: expected a number or nothing"},
        {"t_s,ica\n0,1", "tr.csv:2:3: error: the last line has no line feed"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.text);
      auto in = testing::golden_attempt();
      in.trace = training::NamedText{"tr.csv", c.text};
      const std::string message = refused(db, in);
      CAPTURE(message);
      CHECK(has(message, c.expected));
    }
  }

  TEST_CASE("a debrief must describe the same run and gives the listing its figures") {
    testing::TempDir dir;
    const std::string db = dir.file("r.db");
    const std::string tl = io::sha256_hex(testing::golden_timeline());
    const std::string sc = testing::golden_scenario_sha256();
    auto in = testing::golden_attempt();
    in.debrief = training::NamedText{"d.json", testing::golden_debrief(tl, sc)};
    {
      const auto id = training::SqliteAttemptStore(db).save(in);
      const auto a = training::SqliteAttemptStore(db).attempt(id)->summary;
      CHECK(a.figures.composite_score == doctest::Approx(71.5));
      CHECK(a.figures.objectives_met == 2);
      CHECK(a.figures.objectives_total == 3);
      CHECK(a.self_rating == 4);            // the debrief's, none given
      CHECK(a.program_version == "0.0.9");  // the version that ran it, from the debrief
      CHECK(a.has_debrief);
    }
    const struct {
      std::string debrief, expected;
    } cases[] = {
        {testing::golden_debrief(tl, sc, "20261205"),
         "d.json:1:1: error: stage.seed: the debrief is of another run: seed 20261205"},
        {testing::golden_debrief(io::sha256_hex("x"), sc),
         "error: stage.timeline_sha256: the debrief is of another run"},
        {testing::golden_debrief(tl, io::sha256_hex("x")),
         "error: stage.scenario_sha256: the debrief is of another run"},
        {testing::golden_debrief(tl, sc, "20261204", "9"),
         "error: reactions.self_rating: expected a whole number from 1 to 5"},
        {R"({"stage": {}})", "d.json:1:1: error: schema: not a LiverBridge debrief"},
        {"{\"schema\": \"liverbridge.sim-debrief/1\",\n \"stage\": }",
         "d.json:2:11: error: not JSON"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.debrief);
      auto bad = testing::golden_attempt();
      bad.debrief = training::NamedText{"d.json", c.debrief};
      const std::string message = refused(db, bad);
      CAPTURE(message);
      CHECK(has(message, c.expected));
    }
    auto conflicting = in;
    conflicting.self_rating = 2;
    CHECK(
        has(refused(db, conflicting), "attempt: error: self_rating: 2, but the debrief records 4"));
  }

  TEST_CASE("labels and people and times are checked before anything is written") {
    testing::TempDir dir;
    const std::string db = dir.file("r.db");
    const struct {
      void (*change)(training::AttemptInput&);
      std::string expected;
    } cases[] = {
        {[](auto& in) { in.saved_by.clear(); }, "saved_by: who is saving the attempt?"},
        {[](auto& in) { in.trainees = {""}; }, "trainee: a trainee label has 1 to 64"},
        {[](auto& in) { in.trainees = {std::string(65, 'x')}; }, "a trainee label has 1 to 64"},
        {[](auto& in) {
           in.trainees = {"A", "A"};
         },
         "trainee: 'A' is named twice"},
        {[](auto& in) { in.trainees = {"A\nB"}; }, "trainee: contains"},
        {[](auto& in) { in.instructor = "Dr \x1b[2J"; }, "instructor: contains"},
        {[](auto& in) { in.self_rating = 0; }, "self_rating: a whole number from 1"},
        {[](auto& in) { in.scenario_sha256 = "abc"; }, "scenario_sha256: the SHA-256 of the"},
        {[](auto& in) { in.scenario_sha256 = std::string(64, 'G'); }, "scenario_sha256:"},
        {[](auto& in) { in.branch_at_s = 60; }, "parent: a retry names both"},
        {[](auto& in) {
           in.started = records::parse_timestamp("2026-12-05T10:00Z").value;
           in.ended = records::parse_timestamp("2026-12-05T09:00Z").value;
         },
         "ended: the attempt ends (2026-12-05T09:00:00Z) before it starts"},
    };
    for (const auto& c : cases) {
      auto in = testing::golden_attempt();
      c.change(in);
      const std::string message = refused(db, in);
      CAPTURE(message);
      CHECK(has(message, c.expected));
    }
  }

  TEST_CASE("a rewind and retry is a new attempt that names its parent and restart second") {
    testing::TempDir dir;
    const std::string db = dir.file("r.db");
    training::SqliteAttemptStore store(db);
    const auto first = store.save(testing::golden_attempt());
    auto retry = testing::golden_attempt();
    retry.parent = first;
    retry.branch_at_s = 1800;
    const auto second = store.save(retry);
    const auto a = store.attempt(second)->summary;
    CHECK(a.parent == first);
    CHECK(a.branch_at_s == 1800);
    CHECK(store.attempt(first)->summary.timeline_sha256 == a.timeline_sha256);  // both kept

    auto missing = retry;
    missing.parent = training::AttemptId(99);
    CHECK(has(refused(db, missing), "parent: there is no stored attempt 99"));
    auto late = retry;
    late.branch_at_s = 10801;
    CHECK(has(refused(db, late), "branch_at_s: 10801 s is after the end of attempt 1"));
    auto other_seed = retry;
    other_seed.timeline.text.replace(other_seed.timeline.text.find("20261204"), 8, "20261205");
    CHECK(has(refused(db, other_seed), "is of another scenario file or seed"));
    auto other_file = retry;  // a timeline from before the start line named its scenario hash
    other_file.timeline.text = without_scenario_hash(other_file.timeline.text);
    other_file.scenario_sha256 = io::sha256_hex("another scenario file");
    CHECK(has(refused(db, other_file), "is of another scenario file or seed"));
  }

  TEST_CASE("saved attempts cannot be changed or deleted and write nothing clinical") {
    testing::TempDir dir;
    const std::string db = dir.file("sub/r.db");
    training::SqliteAttemptStore(db).save(testing::golden_attempt());
    struct stat st {};
    REQUIRE(::stat(db.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    records::Store store(db);
    for (const char* sql :
         {"UPDATE training_attempts SET seed = '1'", "DELETE FROM training_attempts",
          "UPDATE training_attempt_trainees SET label = 'x'",
          "DELETE FROM training_attempt_trainees"}) {
      CAPTURE(sql);
      CHECK_THROWS_AS(store.database().exec(sql), records::DbError);
    }
    CHECK(testing::count_rows(store, "training_attempt_trainees") == 1);
    CHECK(testing::count_rows(store, "audit") == 0);
    CHECK(testing::count_rows(store, "patients") == 0);
    CHECK(store.patients().empty());
    CHECK(store.verify_audit_chain().empty());
  }

  TEST_CASE("listing filters by trainee and scenario and reads no texts") {
    testing::TempDir dir;
    training::SqliteAttemptStore store(dir.file("r.db"));
    store.save(testing::golden_attempt("TR-01"));
    store.save(testing::golden_attempt("TR-02"));
    auto pair = testing::golden_attempt("TR-01");
    pair.trainees.push_back("TR-03");
    store.save(pair);
    CHECK(store.attempts({}).size() == 3);
    const auto tr1 = store.attempts({.trainee = "TR-01", .scenario_id = ""});
    REQUIRE(tr1.size() == 2);
    CHECK(tr1[0].id.raw() == 1);
    CHECK(tr1[1].trainees == std::vector<std::string>{"TR-01", "TR-03"});
    CHECK(store.attempts({.trainee = "TR-0", .scenario_id = ""}).empty());
    CHECK(store.attempts({.trainee = "", .scenario_id = "alf-hvp-citrate"}).size() == 3);
    CHECK(store.attempts({.trainee = "", .scenario_id = "ffp-anaphylactoid"}).empty());
    CHECK_FALSE(store.attempt(training::AttemptId(4)).has_value());
  }
}
