// The one check of an attempt before it is stored, for every store (the SQLite one here, a
// ward server's later): the timeline is read and hashed, the trace and debrief checked
// against it, the labels and ratings checked. Everything wrong is reported at once.
#pragma once

#include <optional>
#include <string>

#include "diag/diagnostic.hpp"
#include "records/store.hpp"
#include "training/attempt.hpp"
#include "training/timeline_facts.hpp"

namespace lb::training {

/// What the store writes besides the input's own texts and labels.
struct CheckedAttempt {
  TimelineFacts timeline;       ///< scenario id and version, seed, figures (with the debrief's)
  std::string timeline_sha256;  ///< computed from the timeline text
  /// The scenario text's SHA-256: the start line's, else the input's (older timelines).
  std::string scenario_sha256;
  std::string program_version;
  std::optional<int> self_rating;
};

struct AttemptCheck {
  std::optional<CheckedAttempt> attempt;  ///< empty when `diagnostics` has errors
  diag::Diagnostics diagnostics;
};

/// Checks `in`: the timeline (timeline_facts.hpp), the claimed timeline hash against the
/// computed one, the scenario hash's form, the trace and debrief (against this run), the
/// trainee labels (1 to 64 characters, one line, no two alike), instructor and saver (one
/// line; a saver is required), the self-rating (1 to 5, and the debrief's when both are
/// given), parent and branch time (both or neither), started before ended.
AttemptCheck check_attempt(const AttemptInput& in);

/// Refused input: nothing was written. what() lists every diagnostic, one a line.
class AttemptRefused : public records::InputError {
 public:
  explicit AttemptRefused(diag::Diagnostics d);
  [[nodiscard]] const diag::Diagnostics& diagnostics() const { return diagnostics_; }

 private:
  diag::Diagnostics diagnostics_;
};

}  // namespace lb::training
