// The exchange volume of plan::make_plan without its derivation texts, for
// the cohort's hot path (a million patients cannot each build ~40 strings).
// It calls the volume engine's kernels (volume/kernels.hpp) in the same order
// on the same Boost.Units types, so the result is the same double; a test
// (tests/unit/cohort/fast_path_test.cpp) compares the two on many synthetic
// patients under every bundled protocol and every rule, rounding and cap.
// Whenever the full engine might refuse the patient (a formula that does not
// apply), this returns nullopt and the caller asks make_plan itself.
#pragma once

#include <optional>

#include "patient/patient.hpp"
#include "protocol/protocol.hpp"
#include "units/quantities.hpp"

namespace lb::cohort {

struct FastExchange {
  units::Volume plasma_volume;
  units::Volume volume;  ///< per session: rule, rounding, caps (= plan.exchange.volume)
};

std::optional<FastExchange> fast_exchange(const protocol::Protocol& protocol,
                                          const patient::Patient& patient);

}  // namespace lb::cohort
