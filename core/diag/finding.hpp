// The one finding type of every engine (volume, session, plan), and a
// finding's stable code with the words people read for it. Each engine
// keeps one table of its codes (volume/finding_codes.hpp,
// session/finding_codes.hpp, plan/finding_codes.hpp); the engine emits the
// code from its table, and every output (text, Markdown, JSON, the window, the
// printable page) takes the words from report/wording.hpp, which reads the
// same tables. The code is an API (plan JSON, stored plans): never renamed.
#pragma once

#include <string>
#include <string_view>

#include "diag/diagnostic.hpp"

namespace lb::diag {

struct FindingCode {
  const char* code;          ///< "exchange.capped_at_hard_max"
  std::string_view title;    ///< short form: "Capped at the hard maximum"
  std::string_view meaning;  ///< long form: what it means for the plan, one sentence
};

/// Something a clinician must see before using a plan: a warning, or an error
/// that makes the plan not ready.
struct Finding {
  Severity severity = Severity::warning;
  std::string code;  ///< stable machine code from an engine's table, e.g. "exchange.above_soft_max"
  std::string message;   ///< clinician-readable, with both numbers and units
  std::string figure{};  ///< id of the derivation it concerns, or ""
};

}  // namespace lb::diag
