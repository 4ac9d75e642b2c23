// The session part of a plan: replacement orders and their predicted effect,
// anticoagulation and citrate load, separation flows and run time. Every
// figure is an explained derivation; findings carry stable codes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "diag/finding.hpp"
#include "explain/derivation.hpp"
#include "protocol/session_settings.hpp"
#include "units/quantities.hpp"

namespace lb::session {

/// A finding of the session engines; codes from session/finding_codes.hpp.
using SessionFinding = diag::Finding;

struct ReplacementOrders {
  protocol::ReplacementMix mix = protocol::ReplacementMix::ffp;
  explain::Derived<units::Volume> replacement_volume;  ///< exchange × fluid balance
  explain::Derived<units::Volume> ffp_volume;
  explain::Derived<int> ffp_units;
  explain::Derived<units::Volume> albumin_volume;
  explain::Derived<int> albumin_vials;
  explain::Derived<units::Mass> albumin_grams;  ///< whole vials
  /// "give the albumin first and the FFP last (INR 2.1 ≥ 1.5)", or "" when mixed.
  std::string ffp_last;
  int sessions = 1;  ///< sessions in the course (protocol schedule)
  /// What the orders are counted in (protocol settings, echoed for the blood bank and exports).
  units::Volume ffp_unit_volume = units::milliliters(250);
  units::MassConcentration albumin_concentration = units::g_per_l(50);
  units::Mass albumin_vial = units::grams(12.5);
  units::Fraction fluid_balance = units::percent(100);
  explain::Derived<units::Volume> ffp_volume_course;
  explain::Derived<int> ffp_units_course;
  explain::Derived<units::Mass> albumin_grams_course;
  explain::Derived<int> albumin_vials_course;
  std::vector<SessionFinding> findings;

  [[nodiscard]] std::vector<const explain::Derivation*> figures() const;
};

/// Predicted immediately-post-session values of what the replacement supplies.
struct ReplacementEffect {
  std::optional<explain::Derived<units::MassConcentration>> albumin;
  std::optional<explain::Derived<units::MassConcentration>> fibrinogen;
  std::optional<explain::Derived<units::Fraction>> factor_v;
  std::optional<explain::Derived<units::Fraction>> pta;

  [[nodiscard]] std::vector<const explain::Derivation*> figures() const;
};

struct SeparationRun {
  protocol::SeparationTechnique technique = protocol::SeparationTechnique::centrifugal;
  explain::Derived<units::Flow> flow;  ///< inlet (centrifugal) or blood (membrane) flow used
  bool inlet_capped = false;           ///< the AC infusion-rate limit lowered the inlet flow
  std::optional<explain::Derived<units::Flow>> inlet_cap;
  explain::Derived<units::Flow> whole_blood_flow;
  explain::Derived<units::Flow> plasma_removal_rate;
  explain::Derived<units::Volume> whole_blood_processed;
  explain::Derived<units::Duration> duration;
  /// Share of the AC (and its citrate) that returns to the patient: 1 − E or 1 − FF.
  explain::Derived<units::Fraction> ac_returned;
  bool with_ac = false;  ///< citrate AC runs in the circuit (ac_returned is meaningful)
  std::optional<explain::Derived<units::Fraction>> extracorporeal_fraction_tbv;
  std::vector<SessionFinding> findings;

  [[nodiscard]] std::vector<const explain::Derivation*> figures() const;
};

struct CitratePlan {
  protocol::AcdSolution solution = protocol::AcdSolution::acd_a;
  /// Inlet volume per volume of AC (protocol setting).
  units::VolumeRatio inlet_to_ac_ratio = units::volume_ratio(10);
  explain::Derived<units::MassConcentration> citrate_concentration;
  explain::Derived<units::Volume> ac_volume;
  explain::Derived<units::Flow> ac_rate;
  explain::Derived<units::Mass> citrate_from_ac;
  std::optional<explain::Derived<units::Mass>> citrate_from_ffp;
  explain::Derived<units::DoseRate> citrate_rate;
  explain::Derived<units::DoseRate> rate_limit;
  std::optional<explain::Derived<units::Mass>> calcium_gluconate;  ///< per session
  std::vector<std::string> ionised_calcium_checks;                 ///< "0 min", "end (126 min)"
  std::optional<explain::Derived<units::Fraction>> calcium_ratio;  ///< patient's T/iCa
  std::vector<SessionFinding> findings;

  [[nodiscard]] std::vector<const explain::Derivation*> figures() const;
};

struct HeparinPlan {
  protocol::InternationalUnits bolus;
  protocol::InternationalUnits per_hour;
  explain::Derived<protocol::InternationalUnits> total;
};

struct AnticoagulationPlan {
  protocol::Anticoagulant method = protocol::Anticoagulant::citrate;
  std::optional<CitratePlan> citrate;
  std::optional<HeparinPlan> heparin;
  std::vector<SessionFinding> findings;  ///< e.g. "anticoagulation.none"
};

struct SessionPlan {
  std::optional<ReplacementOrders> replacement;
  std::optional<ReplacementEffect> effect;
  std::optional<SeparationRun> separation;
  std::optional<AnticoagulationPlan> anticoagulation;

  /// Every derivation, in display order.
  [[nodiscard]] std::vector<const explain::Derivation*> figures() const;
  /// Every finding of the engines, in display order.
  [[nodiscard]] std::vector<SessionFinding> findings() const;
};

}  // namespace lb::session
