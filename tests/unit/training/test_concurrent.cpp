// Two workstations saving at once: every save is one BEGIN IMMEDIATE transaction on its own
// connection, retried while the other holds the write lock, so none is lost or half written,
// also while clinical records are written to the same file.
#include <doctest/doctest.h>

#include <atomic>
#include <set>
#include <thread>
#include <vector>

#include "attempt_fixture.hpp"
#include "training/attempt_store.hpp"

TEST_SUITE("training") {
  TEST_CASE("concurrent saves on separate connections lose nothing") {
    using namespace lb;
    testing::TempDir dir;
    const std::string db = dir.file("r.db");
    { training::SqliteAttemptStore create(db); }
    constexpr int kWriters = 4, kEach = 6;
    std::atomic<int> failures{0};
    std::vector<std::vector<std::int64_t>> ids(kWriters);
    std::vector<std::thread> threads;
    for (int w = 0; w < kWriters; ++w) {
      threads.emplace_back([&, w] {
        try {
          training::SqliteAttemptStore store(db);
          for (int i = 0; i < kEach; ++i) {
            auto in = testing::golden_attempt("W" + std::to_string(w));
            in.trainees.push_back("N" + std::to_string(i));
            ids[static_cast<std::size_t>(w)].push_back(store.save(in).raw());
          }
        } catch (...) {
          ++failures;
        }
      });
    }
    // A clinical writer on the same file at the same time.
    threads.emplace_back([&] {
      try {
        records::Store store(db);
        for (int i = 0; i < kEach; ++i) {
          store.add_patient(records::PatientId("P-" + std::to_string(i)), "RN Test");
        }
      } catch (...) {
        ++failures;
      }
    });
    for (auto& t : threads) t.join();
    CHECK(failures == 0);
    std::set<std::int64_t> distinct;
    for (const auto& list : ids) distinct.insert(list.begin(), list.end());
    CHECK(distinct.size() == static_cast<std::size_t>(kWriters * kEach));
    training::SqliteAttemptStore store(db);
    const auto all = store.attempts({});
    REQUIRE(all.size() == static_cast<std::size_t>(kWriters * kEach));
    for (const auto& a : all) {
      CHECK(a.trainees.size() == 2);  // each attempt whole: its row and both labels
      CHECK(a.timeline_sha256 == io::sha256_hex(testing::golden_timeline()));
    }
    records::Store records(db);
    CHECK(records.patients().size() == static_cast<std::size_t>(kEach));
    CHECK(records.audit().size() == static_cast<std::size_t>(kEach));  // only the patients
    auto integrity = records.database().prepare("PRAGMA integrity_check");
    REQUIRE(integrity.step());
    CHECK(integrity.text(0) == "ok");
  }
}
