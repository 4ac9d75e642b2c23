// Predicted course of each solute over a schedule of sessions (LiverBridge clinical reference//
// §2): the value before each session, immediately after it (not comparable with pre-session values:
// redistribution follows) and when the efficacy labs are drawn (>= 12 h after the session, ASFA
// 2023). Every value is a Derived figure whose inputs refer to the value it was computed from.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "explain/derivation.hpp"
#include "kinetics/replacement_supply.hpp"
#include "kinetics/solute_value.hpp"
#include "protocol/course_settings.hpp"
#include "protocol/session_settings.hpp"
#include "units/quantities.hpp"

namespace lb::kinetics {

/// One session, timed from the start of session 1.
struct SessionTiming {
  units::Duration start;
  units::Duration end;
  units::Fraction plasma_volumes;  ///< x: exchange volume / plasma volume
};

/// The patient's own untreated trend of one solute, fitted from measured draws (records
/// refit); preferred over the protocol's population default.
struct PatientTrend {
  Solute solute = Solute::bilirubin;
  protocol::Generation generation;
  std::string basis;  ///< which draws it was fitted from, for the derivation
};

struct PredictionInputs {
  std::vector<SessionTiming> sessions;
  units::Duration labs_after = units::hours(12);
  std::string x_ref;     ///< derivation id of the plasma volumes per session
  std::string citation;  ///< the solute model's source, resolved
  /// The protocol's `replacement:` section (unset: none), whose composition gives C_r
  /// (replacement_supply.hpp), with the exchange volume per session (for mix ffp_units).
  std::optional<protocol::ReplacementSettings> replacement;
  units::Volume exchange = units::milliliters(0);
  /// The plan gives the albumin solution first and the FFP last.
  bool ffp_last = false;
  /// The patient's diagnosis word ("aclf"), which picks the population default trend.
  std::string diagnosis;
  std::vector<PatientTrend> trends;
};

/// The range of a predicted value over its parameters' uncertainty (the nominal course and
/// every combination of each parameter's low and high; protocol `uncertainty:`). low == high for a
/// measured value or when no parameter of the solute has a range.
struct Band {
  LabValue low = units::fraction(0);
  LabValue high = units::fraction(0);
};

struct SessionValues {
  explain::Derived<LabValue> pre;
  explain::Derived<LabValue> post;      ///< immediately after: not comparable with `pre`
  explain::Derived<LabValue> next_day;  ///< at the efficacy lab draw
  Band pre_band;
  Band post_band;
  Band next_day_band;
  /// The next session starts before this session's efficacy labs are due.
  bool next_session_before_labs = false;
};

struct SolutePrediction {
  Solute solute = Solute::bilirubin;
  protocol::KineticModel model = protocol::KineticModel::one_compartment;
  std::vector<SessionValues> sessions;
  /// The protocol gives a zero-order generation rate. Without it the values between
  /// sessions change only by the modelled redistribution (two_compartment) or not at all:
  /// no synthesis, consumption or catabolism (LiverBridge clinical reference §7.3).
  bool generation_modelled = false;
  /// Where the generation comes from: the patient's own draws or a population default.
  std::string generation_basis;
  /// A first-order return towards the patient's own level is modelled (return_half_time).
  bool return_modelled = false;
};

/// Either a prediction or why there is none (no baseline lab, a protocol value
/// that cannot be put in the baseline's unit system, a replacement fluid whose
/// composition is not given, INR with a non-FFP fluid: replacement_supply.hpp).
struct PredictionResult {
  std::optional<SolutePrediction> prediction;
  std::string problem;
};

/// The baseline is taken as the value at the start of session 1.
PredictionResult predict_solute(const protocol::SoluteKinetics& k,
                                const std::optional<LabValue>& baseline,
                                const PredictionInputs& in);

/// "model estimate 180–230 µmol/L" (or the value alone when the band is a point).
std::string band_text(Solute s, const Band& b);
/// The band's lower and upper ends for display.
explain::Shown band_low(Solute s, const Band& b);
explain::Shown band_high(Solute s, const Band& b);

/// "C = Cr + (C0 − Cr)·e^(−x)" etc.: the session formula of a model; `in_sequence`:
/// two fluids one after the other (albumin solution first, FFP last).
std::string session_formula(protocol::KineticModel m, bool generation, bool in_sequence = false);

/// The note on values between sessions when no generation is modelled (empty with generation).
std::string no_generation_note(protocol::KineticModel m, bool generation,
                               bool return_modelled = false);

}  // namespace lb::kinetics
