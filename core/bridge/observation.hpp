// The values the bridge view reads, each with its draw time and context tag, and the
// course's anchors. Gathered from the records store and the patient files of the stored
// plans (bridge/gather.hpp); tests build them directly. Only measured values are
// observations: the planner's predictions go to `Predicted`, which only the prediction
// check reads, so no futility or listing rule can be judged on a predicted lab.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "records/model.hpp"
#include "units/analyte.hpp"
#include "units/any_quantity.hpp"
#include "units/quantities.hpp"

namespace lb::bridge {

/// The context of a draw, as the issue of the view names them.
enum class Tag {
  before_exchange,  ///< before any FFP or plasma exchange
  pre_session,      ///< before a session of the course
  post_session,     ///< immediately after a session (< 12 h)
  efficacy,         ///< 12 h or more after a session
  untagged,         ///< neither a tag nor a draw time was stated
};

/// Transplant candidacy as the team states it (patient file `bridge.transplant_candidacy`):
/// some published rules were derived only in patients with, or without, a transplant option.
enum class Candidacy { candidate, under_evaluation, listed, not_candidate };

/// Seconds since 1970-01-01T00:00:00Z (records::Timestamp::epoch_seconds).
using Epoch = std::int64_t;

struct Observation {
  std::string input;  ///< a key of bridge/inputs.hpp
  units::AnyQuantity value;
  std::optional<units::Analyte> analyte;  ///< for labs: converts mg/dL <-> µmol/L
  std::string text;                       ///< as entered or computed: "3.6 mg/dL", "27.97"
  std::string shown_as;  ///< how the planner rounds it for display, when it does: "28"
  std::optional<Epoch> at;
  Tag tag = Tag::untagged;
  /// Drawn after FFP or a plasma exchange was given (recorded sessions or the stated time):
  /// coagulation values are corrected by the replacement plasma.
  bool after_exchange = false;
  /// Time from the end of the last session before the draw; empty when none preceded it.
  std::optional<units::Duration> after_session;
  /// Time from the end of fluid resuscitation; empty when not stated.
  std::optional<units::Duration> after_resuscitation;
  std::string source;  ///< "patient file of plan 1", "session 2, pre"
};

struct Anchors {
  std::optional<Epoch> icu_admission, aclf_diagnosis, first_exchange, course_start;
};

/// One session of the course as the view needs it.
struct SessionTime {
  int number = 0;
  Epoch started = 0, ended = 0;
};

/// The planner's prediction for one solute and session (plan JSON `kinetics`).
struct Predicted {
  std::string solute;
  int session = 0;
  std::optional<units::Fraction> fall_end_of_session;  ///< 1 − post / pre
  std::optional<units::Fraction> fall_efficacy;        ///< 1 − next_day / pre
  std::string pre_text, post_text, next_day_text;
};

struct BridgeInputs {
  std::string patient;
  std::string diagnosis;  ///< the patient file's word: "alf", "aclf", ...
  /// The latest stated transplant candidacy; nullopt when no patient file states it.
  std::optional<Candidacy> candidacy;
  Epoch at = 0;  ///< the re-assessment time
  std::vector<Observation> observations;
  Anchors anchors;
  std::vector<SessionTime> sessions;
  std::vector<Predicted> predicted;
  std::optional<int> sessions_planned;
  /// Post draws at least this long after a session count as efficacy draws: the latest plan's
  /// review parameters (the team's stated time; ASFA 2023's 12 h by default).
  units::Duration equilibration = records::kDefaultEquilibration;
  std::string protocol;  ///< id and version of the latest approved plan's protocol
  /// Problems found while gathering (a stored plan that cannot be read): shown, not hidden.
  std::vector<std::string> notes;
};

}  // namespace lb::bridge
