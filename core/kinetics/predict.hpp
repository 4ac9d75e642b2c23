// Predicted course of each solute over a schedule of sessions (clinical.md
// §2): the value before each session, immediately after it (not comparable
// with pre-session values: redistribution follows) and when the efficacy labs
// are drawn (>= 12 h after the session, ASFA 2023). Every value is a Derived
// figure whose inputs refer to the value it was computed from.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "explain/derivation.hpp"
#include "kinetics/solute_value.hpp"
#include "protocol/course_settings.hpp"
#include "units/quantities.hpp"

namespace lb::kinetics {

/// One session, timed from the start of session 1.
struct SessionTiming {
  units::Duration start;
  units::Duration end;
  units::Fraction plasma_volumes;  ///< x: exchange volume / plasma volume
};

struct PredictionInputs {
  std::vector<SessionTiming> sessions;
  units::Duration labs_after = units::hours(12);
  std::string x_ref;     ///< derivation id of the plasma volumes per session
  std::string citation;  ///< the solute model's source, resolved
  /// C_r from the protocol's replacement mix, used when the solute's entry gives no
  /// replacement_concentration (session::mixed_concentration).
  std::optional<LabValue> replacement_from_mix;
};

struct SessionValues {
  explain::Derived<LabValue> pre;
  explain::Derived<LabValue> post;      ///< immediately after: not comparable with `pre`
  explain::Derived<LabValue> next_day;  ///< at the efficacy lab draw
  /// The next session starts before this session's efficacy labs are due.
  bool next_session_before_labs = false;
};

struct SolutePrediction {
  Solute solute = Solute::bilirubin;
  protocol::KineticModel model = protocol::KineticModel::one_compartment;
  std::vector<SessionValues> sessions;
};

/// Either a prediction or why there is none (no baseline lab, a protocol value
/// that cannot be put in the baseline's unit system).
struct PredictionResult {
  std::optional<SolutePrediction> prediction;
  std::string problem;
};

/// The baseline is taken as the value at the start of session 1.
PredictionResult predict_solute(const protocol::SoluteKinetics& k,
                                const std::optional<LabValue>& baseline,
                                const PredictionInputs& in);

/// "C = Cr + (C0 − Cr)·e^(−x)" etc.: the session formula of a model.
std::string session_formula(protocol::KineticModel m, bool generation);

}  // namespace lb::kinetics
