// What one session needs besides its volume, as a protocol describes it:
// the replacement fluids (protocol `replacement:`), the anticoagulation and
// citrate safety settings (`anticoagulation:`) and the separation technique
// (`separation:`). Schema: protocols/README.md; formulas and defaults:
// LiverBridge clinical reference §7.2, §6, §5. Values the reference
// marks unverified have no default here: a protocol that wants them must
// write them (and list them under `unverified:`).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "units/quantities.hpp"

namespace lb::protocol {

// ---- replacement ------------------------------------------------------------------------

/// How the exchanged volume is replaced (LiverBridge clinical reference §4, AYSung order
/// arithmetic).
enum class ReplacementMix {
  ffp,        ///< fresh frozen plasma only (Larsen HVP, ASFA ALF)
  albumin,    ///< albumin solution only (APACHE PE-A 5 %)
  fractions,  ///< fixed fractions of FFP and albumin that sum to 1 (PLEXAR, AYSung 1/3, 2/3)
  ffp_units,  ///< a fixed number of FFP units, albumin for the rest (AYSung "custom")
};

/// What a replacement fluid contains, for the replacement-aware mixing
/// C = C_r + (C0 − C_r)·e^(−x) (LiverBridge clinical reference §7.2). Unset: not predicted.
struct FluidComposition {
  std::optional<units::MassConcentration> albumin;
  std::optional<units::MassConcentration> fibrinogen;
  std::optional<units::Fraction> factor_activity;  ///< coagulation factor activity, % of normal
  std::string source;                              ///< source id
};

struct ReplacementSettings {
  ReplacementMix mix = ReplacementMix::ffp;
  units::Fraction ffp_fraction = units::fraction(1.0);  ///< mix fractions (albumin: 1 − this)
  int ffp_units = 0;                                    ///< mix ffp_units
  /// Give the FFP at the end of the exchange when the patient's INR is at
  /// least this (coagulopathy); unset: the fluids are given mixed.
  std::optional<units::Fraction> ffp_last_inr;
  /// FFP "unit" volume: 250 mL (LiverBridge clinical reference §4).
  units::Volume ffp_unit_volume = units::milliliters(250);
  /// Albumin solution concentration: 5 % = 50 g/L (§4).
  units::MassConcentration albumin_concentration = units::g_per_l(50);
  /// Albumin is ordered in whole vials of this mass: 12.5 g = 250 mL of 5 % (§4).
  units::Mass albumin_vial = units::grams(12.5);
  /// Volume returned per volume removed; 100 % = isovolaemic (Wilson registry 41/43).
  units::Fraction fluid_balance = units::percent(100);
  FluidComposition ffp_composition;      ///< FFP (albumin ~40 g/L §4; factors ~100 % §7.2)
  FluidComposition albumin_composition;  ///< albumin solution: fibrinogen and factors (its
                                         ///< albumin is albumin_concentration)
  std::string source;                    ///< source id for the replacement choice
};

// ---- anticoagulation --------------------------------------------------------------------

enum class Anticoagulant { citrate, heparin, none };
/// Acid-citrate-dextrose formulas A and B (USP composition, LiverBridge clinical reference §5).
enum class AcdSolution { acd_a, acd_b };

/// A heparin amount in international units (no SI dimension: a count of
/// biological activity units), kept as its own type so it cannot be mixed
/// with plain numbers.
struct InternationalUnits {
  double value = 0.0;
};

struct CitrateSettings {
  AcdSolution solution = AcdSolution::acd_a;
  /// Inlet:AC ratio (inlet volume per volume of AC); Optia TPE default 10 (§5, a protocol choice).
  units::VolumeRatio inlet_to_ac_ratio = units::volume_ratio(10.0);
  /// Critical citrate infusion rate to the patient: 1 mg/kg/min (Evers & Taborski 2016).
  units::DoseRate rate_limit = units::mg_per_kg_per_min(1.0);
  /// Lower limit used when the patient has liver failure (citrate is cleared by the liver,
  /// §5). No verified number exists: protocol parameter with its reason.
  std::optional<units::DoseRate> liver_failure_rate_limit;
  std::string liver_failure_reason;
  /// Citrate content of FFP (as citric acid), §5 [unverified]; unset: FFP citrate not counted.
  std::optional<units::MassConcentration> ffp_citrate;
  /// Calcium gluconate infused separately per hour of session: 1.6 g/h (Zhao 2019, §5.4).
  std::optional<units::Mass> calcium_gluconate_per_hour;
  /// Ionised calcium checks, as times from the session start; `end` adds one at the end.
  std::vector<units::Duration> ionised_calcium_checks;
  bool ionised_calcium_at_end = false;
  /// Total/ionised calcium ratio alarm: ≥ 2.4 (Link 2012; a protocol choice).
  units::Fraction calcium_ratio_alarm = units::fraction(2.4);
  /// FFP volume per session from which metabolic alkalosis is expected (citrate load, §3.2, §5).
  std::optional<units::Volume> alkalosis_ffp_volume;
  std::string source;
};

struct HeparinSettings {
  InternationalUnits bolus;
  InternationalUnits per_hour;
  std::string source;
};

struct AnticoagulationSettings {
  Anticoagulant method = Anticoagulant::citrate;
  CitrateSettings citrate;
  HeparinSettings heparin;
  /// `none` is accepted only with a membrane set-up that the protocol marks as
  /// running without anticoagulant (DPMAS NCT05030571, §5.5).
  bool none_permitted_by_membrane = false;
  std::string source;
};

// ---- separation -------------------------------------------------------------------------

enum class SeparationTechnique { centrifugal, membrane };

/// Flows and efficiencies have no default: the protocol must write them (the reader
/// requires them), because they depend on the machine and the local set-up.
struct CentrifugalSettings {
  units::Flow inlet_flow = units::ml_per_min(0);
  /// Plasma removal efficiency, e.g. Spectra Optia 87 % (§6).
  units::Fraction efficiency = units::fraction(0);
  /// AC infusion-rate limit per litre of TBV (Optia 0.8–1.2 mL/min/L TBV, §5); written
  /// as the flow per litre, e.g. "1.2 mL/min". Unset: the inlet flow is not capped.
  std::optional<units::FlowPerVolume> ac_infusion_limit_per_liter_tbv;
};

struct MembraneSettings {
  units::Flow blood_flow = units::ml_per_min(0);
  /// Fraction of the plasma flow filtered, e.g. 25–30 % (DPMAS NCT05030571, §6).
  units::Fraction filtration_fraction = units::fraction(0);
  /// "≤ 30 %" is (unverified) (§6): the protocol writes its own maximum.
  units::Fraction max_filtration_fraction = units::fraction(0);
};

struct SeparationSettings {
  SeparationTechnique technique = SeparationTechnique::centrifugal;
  CentrifugalSettings centrifugal;
  MembraneSettings membrane;
  /// Blood outside the body in the circuit: Optia typical 141 mL (§6). Unset: not checked.
  std::optional<units::Volume> extracorporeal_volume;
  /// Warn when the extracorporeal volume exceeds this share of TBV.
  std::optional<units::Fraction> extracorporeal_max_fraction_tbv;
  std::string source;
};

struct SessionSettings {
  std::optional<ReplacementSettings> replacement;
  std::optional<AnticoagulationSettings> anticoagulation;
  std::optional<SeparationSettings> separation;
};

std::string_view to_string(ReplacementMix m);
std::string_view to_string(Anticoagulant a);
std::string_view to_string(AcdSolution s);
std::string_view to_string(SeparationTechnique t);

}  // namespace lb::protocol
