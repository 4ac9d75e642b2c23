// Where training attempts are kept. `AttemptStore` is the interface the front ends use (the
// window's "save attempt", `liverbridge sim attempts`); `SqliteAttemptStore` keeps them in the
// records database file, in their own tables (training_attempts, training_attempt_trainees,
// docs/records.md). A ward server store can implement the same interface later.
//
// Why a tier of its own (core/training, on records): the records tier's review, export,
// printable page, FHIR bundle and bridge view cannot include this folder (the layering check
// refuses it), so no path that shows real patients can name an attempt; and it needs no
// simulation type, so core/sim cannot reach the records database either.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "records/store.hpp"
#include "training/attempt.hpp"

namespace lb::training {

/// Which attempts a listing shows; empty fields do not filter.
struct AttemptFilter {
  std::string trainee;      ///< attempts this trainee label took part in
  std::string scenario_id;  ///< attempts of this scenario
};

class AttemptStore {
 public:
  virtual ~AttemptStore() = default;
  AttemptStore() = default;
  AttemptStore(const AttemptStore&) = delete;
  AttemptStore& operator=(const AttemptStore&) = delete;

  /// Checks the input (check_attempt) and stores it whole or not at all. Throws
  /// AttemptRefused (attempt_check.hpp) for refused input, also for a parent that does not
  /// exist or is of another scenario file or seed; nothing is written then.
  virtual AttemptId save(const AttemptInput& in) = 0;
  /// Attempts oldest first, without their texts.
  [[nodiscard]] virtual std::vector<AttemptSummary> attempts(const AttemptFilter& filter) = 0;
  [[nodiscard]] virtual std::optional<AttemptRecord> attempt(AttemptId id) = 0;
};

/// Attempts in the records database file (records::Store opens it: mode 0600, WAL,
/// synchronous=FULL, migrations). Each save is one BEGIN IMMEDIATE transaction, retried while
/// another process holds the write lock. Saved attempts cannot be changed or deleted
/// (triggers); they write nothing to the clinical audit log.
class SqliteAttemptStore final : public AttemptStore {
 public:
  explicit SqliteAttemptStore(const std::string& path);

  AttemptId save(const AttemptInput& in) override;
  [[nodiscard]] std::vector<AttemptSummary> attempts(const AttemptFilter& filter) override;
  [[nodiscard]] std::optional<AttemptRecord> attempt(AttemptId id) override;

 private:
  std::vector<std::string> trainees_of(AttemptId id);

  records::Store records_;
};

}  // namespace lb::training
