// The trace CSV of a run (`liverbridge sim run --trace`): a header whose first column is t_s,
// then one row per traced second. Checked before it is stored so that a stored trace can be
// charted again without surprises.
#pragma once

#include <cstdint>

#include "diag/diagnostic.hpp"
#include "training/attempt.hpp"

namespace lb::training {

/// Errors at name:line:col for: a header that does not start with t_s, a row with another
/// number of fields than the header, a t_s that is not whole seconds, goes back, or lies after
/// the timeline's last second (`duration_s`: then it is the trace of another run), and a value
/// that is neither empty (not known at that second) nor a finite number.
void check_trace(const NamedText& trace, std::int64_t duration_s, diag::Diagnostics& d);

}  // namespace lb::training
