// Reliability: a writer killed with SIGKILL at random points loses no committed
// record and leaves a database that opens and passes PRAGMA integrity_check;
// two processes writing at once lose nothing. The writer reports each id after
// its COMMIT returned, through a pipe, so the parent knows what must be there.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <random>
#include <set>
#include <string>
#include <thread>

#include "records/session_reader.hpp"
#include "records/store.hpp"
#include "records_fixture.hpp"

using namespace lb;
using lb::testing::count_rows;
using lb::testing::TempDir;

namespace {
constexpr int kLabsPerSession = 3;

records::SessionInput session_for(const records::PatientId& patient) {
  auto load = records::parse_session("patient: " + patient.str() +
                                         "\nstarted_at: 2026-11-20T08:00Z\n"
                                         "ended_at: 2026-11-20T11:30Z\n"
                                         "plasma_removed: 5000 mL\n"
                                         "replaced:\n  ffp: 3000 mL\n  albumin_5: 2000 mL\n"
                                         "labs:\n  pre:\n    drawn_at: 2026-11-20T07:30Z\n"
                                         "    bilirubin: 4.2 mg/dL\n    inr: 2.1\n"
                                         "    albumin: 30 g/L\n",
                                     "crash.yaml");
  REQUIRE(load.session.has_value());
  return *load.session;
}

/// Child: writes sessions forever, reporting each committed id; never returns.
[[noreturn]] void write_sessions(const std::string& path, const records::SessionInput& session,
                                 int report_fd) {
  try {
    records::Store store(path);
    for (;;) {
      const auto id = store.add_session(session, "crash-writer");
      const std::string line = id.str() + "\n";
      if (::write(report_fd, line.data(), line.size()) < 0) ::_exit(3);
    }
  } catch (...) {
    ::_exit(4);
  }
}

std::set<std::int64_t> read_ids(int fd) {
  std::string all;
  char buf[4096];
  for (;;) {
    const auto n = ::read(fd, buf, sizeof buf);
    if (n <= 0) break;
    all.append(buf, static_cast<std::size_t>(n));
  }
  std::set<std::int64_t> ids;
  std::size_t start = 0;
  for (std::size_t nl = all.find('\n'); nl != std::string::npos; nl = all.find('\n', start)) {
    ids.insert(std::stoll(all.substr(start, nl - start)));
    start = nl + 1;
  }
  return ids;
}

std::string integrity(records::Store& store) {
  auto s = store.database().prepare("PRAGMA integrity_check");
  REQUIRE(s.step());
  return s.text(0);
}
}  // namespace

TEST_SUITE("records") {
  TEST_CASE("SIGKILL at random points loses no committed session") {
    TempDir dir;
    const auto path = dir.file("records.db");
    {
      records::Store store(path);
      store.add_patient(lb::testing::kExamplePatientId, "setup");
      store.add_plan(lb::testing::example_plan());
    }
    const auto session = session_for(lb::testing::kExamplePatientId);
    const unsigned seed = 20261125;
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> delay_us(0, 60000);
    std::set<std::int64_t> committed;
    int runs = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(12);
    while (runs < 60 && std::chrono::steady_clock::now() < deadline) {
      int fds[2];
      REQUIRE(::pipe(fds) == 0);
      const pid_t child = ::fork();
      REQUIRE(child >= 0);
      if (child == 0) {
        ::close(fds[0]);
        write_sessions(path, session, fds[1]);
      }
      ::close(fds[1]);
      std::this_thread::sleep_for(std::chrono::microseconds(delay_us(random)));
      ::kill(child, SIGKILL);
      int status = 0;
      ::waitpid(child, &status, 0);
      const auto ids = read_ids(fds[0]);
      ::close(fds[0]);
      INFO("seed " << seed << ", run " << runs);
      // Killed, not failed: an exit code would mean the writer hit an error.
      CHECK((WIFSIGNALED(status) || WEXITSTATUS(status) == 0));
      committed.insert(ids.begin(), ids.end());
      ++runs;

      records::Store store(path);
      REQUIRE(integrity(store) == "ok");
      for (const auto id : ids) {
        auto s = store.database().prepare("SELECT count(*) FROM session_labs WHERE session_id = ?");
        s.bind(1, id);
        REQUIRE(s.step());
        CHECK(s.integer(0) == kLabsPerSession);
      }
    }
    records::Store store(path);
    CHECK(integrity(store) == "ok");
    const auto sessions = store.sessions_for(lb::testing::kExamplePatientId);
    std::set<std::int64_t> stored;
    for (const auto& s : sessions) {
      stored.insert(s.id.raw());
      // Whole transactions only: every stored session has all its parts and its audit entry.
      CHECK(s.data.labs.size() == kLabsPerSession);
      CHECK(s.data.replaced.size() == 2);
    }
    for (const auto id : committed) CHECK(stored.count(id) == 1);
    CHECK(count_rows(store, "audit") == 2 + static_cast<std::int64_t>(stored.size()));
    CHECK(store.verify_audit_chain().empty());
    MESSAGE(runs << " kills, " << committed.size() << " committed sessions reported, "
                 << stored.size() << " stored");
    CHECK(runs >= 20);
    CHECK(committed.size() > 0);
  }

  TEST_CASE("two processes writing at once lose nothing") {
    TempDir dir;
    const auto path = dir.file("records.db");
    { records::Store store(path); }
    constexpr int kEach = 150;
    pid_t children[2];
    for (int w = 0; w < 2; ++w) {
      children[w] = ::fork();
      REQUIRE(children[w] >= 0);
      if (children[w] == 0) {
        try {
          records::Store store(path);
          for (int i = 0; i < kEach; ++i) {
            store.add_patient(
                records::PatientId(std::string(w == 0 ? "A-" : "B-") + std::to_string(i)),
                "station");
          }
        } catch (...) {
          ::_exit(4);
        }
        ::_exit(0);
      }
    }
    for (const auto child : children) {
      int status = 0;
      ::waitpid(child, &status, 0);
      CHECK(WIFEXITED(status));
      CHECK(WEXITSTATUS(status) == 0);
    }
    records::Store store(path);
    CHECK(store.patients().size() == 2 * kEach);
    CHECK(count_rows(store, "audit") == 2 * kEach);
    CHECK(store.verify_audit_chain().empty());
    CHECK(integrity(store) == "ok");
  }
}
