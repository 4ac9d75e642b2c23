// The course of treatment as a protocol describes it: the session schedule
// (protocol `schedule:`), the stop criteria, and the per-solute kinetic
// models (protocol `kinetics:`). Schema: protocols/README.md; formulas and
// defaults: LiverBridge clinical reference §7 (kinetics) and §3 (schedules).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "units/lab_conversions.hpp"
#include "units/quantities.hpp"

namespace lb::protocol {

// ---- schedule ---------------------------------------------------------------------------

/// When sessions fall, counted in calendar days from the first session (day 1).
enum class SchedulePattern {
  daily,                 ///< days 1, 2, 3, ... (Larsen 2016, ASFA ALF)
  alternate_days,        ///< days 1, 3, 5, ... (PLEXAR)
  custom,                ///< the days listed in `days`
  daily_then_alternate,  ///< `daily_sessions` on consecutive days, then every other day (Wilson)
};

/// A session duration used when neither the separation run time nor the protocol gives one.
/// A placeholder, not from a source: plans that use it carry the warning
/// "schedule.session_duration_default".
inline constexpr units::Duration kPlaceholderSessionDuration = units::hours(3);

/// A lab value in any of the forms a solute can take: mass concentration
/// (mg/dL, g/L), amount concentration (µmol/L) or a pure number (INR, %).
using LabValue =
    std::variant<units::MassConcentration, units::AmountConcentration, units::Fraction>;

/// A solute is a lab analyte (one enum for the patient file, session records and
/// kinetics: units/analyte.hpp); the kinetics engine predicts those listed by
/// solute_words().
using Solute = units::Analyte;

enum class StopComparison { below, above };

/// One stop criterion: a predicted lab below/above a target, or an event
/// that cannot be predicted (e.g. "transplant").
struct StopCriterion {
  std::optional<Solute> lab;  ///< unset for an event
  StopComparison comparison = StopComparison::below;
  LabValue target = units::fraction(0);
  std::string target_text;  ///< as written, e.g. "5 mg/dL"
  std::string event;        ///< one of stop_event_words() (when `lab` is unset)
};

struct ScheduleSettings {
  bool given = false;  ///< the protocol has a `schedule:` section
  int sessions = 1;    ///< number of sessions planned
  SchedulePattern pattern = SchedulePattern::daily;
  int daily_sessions = 0;  ///< daily_then_alternate: sessions on consecutive days first
  std::vector<int> days;   ///< custom: day numbers from 1, increasing
  /// The first session starts this long after the course start (`--start`).
  units::Duration earliest_start = units::hours(0);
  /// Minimum time from the end of one session to the start of the next.
  std::optional<units::Duration> min_gap;
  /// Session duration when the separation engine gives no run time.
  std::optional<units::Duration> session_duration;
  /// Efficacy labs are drawn this long after a session ends: ASFA 2023 ALF fact sheet,
  /// "the following day (≥12 hours or more after TPE)" (LiverBridge clinical reference §7.3).
  units::Duration labs_after = units::hours(12);
  /// All sessions must fall on or before this day of the course (APACHE: 17).
  std::optional<int> course_days_max;
  /// Sessions after whose efficacy labs the course is re-assessed (default: the last).
  std::vector<int> reassess_after;
  std::vector<StopCriterion> stop_when;
  std::string source;  ///< source id for the schedule
};

// ---- kinetics ---------------------------------------------------------------------------

enum class KineticModel {
  one_compartment,    ///< C = C0·e^(−x) (LiverBridge clinical reference §7.2)
  replacement_aware,  ///< C = C_r + (C0 − C_r)·e^(−x) (§7.2)
  two_compartment,    ///< intravascular fraction f, redistribution between sessions (§7.3)
  /// INR only: derived from the predicted prothrombin activity through the prothrombin-time
  /// calibration curve, anchored at the patient's measured INR and activity
  /// (kinetics/inr_from_activity.hpp).
  from_prothrombin_activity,
};

/// A parameter's uncertainty: the lowest and highest plausible value (documented per
/// parameter in the protocol). The predicted band spans every combination.
template <class T>
struct Range {
  T low;
  T high;
};

/// Zero-order generation: the untreated trend of the (equilibrated) plasma value,
/// `rise` per `per` (e.g. 0.16 mg/dL per 24 h; negative when the patient improves).
struct Generation {
  LabValue rise = units::fraction(0);
  units::Duration per = units::hours(24);
  std::optional<Range<LabValue>> range;  ///< low/high of `rise`
};

/// A population default trend for one diagnosis (patient-file word, e.g. "aclf").
struct DiagnosisGeneration {
  std::string diagnosis;
  Generation generation;
};

/// An adsorber run before the exchange (DPMAS): removes the solute without replacing it.
struct Adsorption {
  units::Fraction plasma_volumes = units::fraction(0);  ///< cleared plasma volumes per session
  units::Duration duration = units::hours(0);           ///< time the adsorber runs
  std::optional<Range<units::Fraction>> range;          ///< low/high of plasma_volumes
};

struct SoluteKinetics {
  Solute solute = Solute::bilirubin;
  KineticModel model = KineticModel::one_compartment;
  /// two_compartment: fraction of the body amount that is intravascular (§7.3).
  units::Fraction intravascular_fraction = units::fraction(1.0);
  /// two_compartment: half-time of the plasma/extravascular difference between sessions.
  std::optional<units::Duration> redistribution_half_time;
  /// Concentration in the replacement fluid (replacement_aware; optional for two_compartment).
  std::optional<LabValue> replacement_concentration;
  /// Untreated trend for every diagnosis not listed in `generation_by_diagnosis`.
  std::optional<Generation> generation;
  std::vector<DiagnosisGeneration> generation_by_diagnosis;
  /// Half-time of the first-order return towards the patient's own level (the failing
  /// liver's synthesis for clotting factors; production against impaired clearance for
  /// bilirubin and ammonia). Unset: no return (only generation and redistribution).
  std::optional<units::Duration> return_half_time;
  std::optional<Adsorption> adsorption;
  /// from_prothrombin_activity: the International Sensitivity Index of the local
  /// thromboplastin, with its range.
  units::Fraction isi = units::fraction(1.0);
  std::optional<Range<units::Fraction>> isi_range;
  std::optional<Range<units::Fraction>> intravascular_fraction_range;
  std::optional<Range<units::Duration>> redistribution_half_time_range;
  std::optional<Range<units::Duration>> return_half_time_range;
  std::string source;             ///< source id
  std::string generation_source;  ///< source id of the trend defaults
};

struct KineticsSettings {
  std::vector<SoluteKinetics> solutes;  ///< in the order of solute_words()
};

std::string_view to_string(SchedulePattern p);
std::string_view to_string(Solute s);
std::string_view to_string(KineticModel m);
std::string_view to_string(StopComparison c);
/// Every solute with its file word, in documentation order.
const std::vector<std::pair<std::string, Solute>>& solute_words();
/// Events a stop criterion can name: they end the course but cannot be predicted.
const std::vector<std::string>& stop_event_words();
/// The course day (1 = first session) of every session the pattern gives.
std::vector<int> session_days(const ScheduleSettings& s);
/// "bilirubin", "INR", "factor V", "prothrombin activity", ... for reports.
std::string_view solute_label(Solute s);

}  // namespace lb::protocol
