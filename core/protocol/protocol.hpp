// A plasma-exchange protocol as read from protocol YAML (schema:
// protocols/README.md). Every coefficient the formulas use is here, with the
// defaults from LiverBridge clinical reference; nothing clinical is a hidden
// constant in the volume engine.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "patient/patient.hpp"
#include "protocol/course_settings.hpp"
#include "protocol/eligibility_rules.hpp"
#include "protocol/score_settings.hpp"
#include "protocol/session_settings.hpp"
#include "units/quantities.hpp"

namespace lb::protocol {

struct Source {
  std::string id;        ///< short handle used by `source:` references, e.g. "larsen2016"
  std::string citation;  ///< full reference
  std::string url;       ///< DOI or URL, may be empty
};

/// A protocol value whose provenance the reference could not verify.
struct Caveat {
  std::string key;   ///< dotted key path in the protocol, e.g. "ideal_body_weight.method"
  std::string note;  ///< why it is unverified
};

enum class BloodVolumeMethod { nadler, weight_based, lemmens, gilcher };
enum class PlasmaVolumeMethod { hematocrit, kaplan };
enum class IbwMethod { devine, robinson, miller };
/// Devine & co. below 60 in (152.4 cm): extrapolate the line or floor at the base weight.
enum class ShortStaturePolicy { extrapolate, floor_at_base };
enum class ExchangeRule { plasma_volumes, percent_ibw, per_kg, fixed };
enum class WeightBasis { actual, ideal };

struct GilcherTable {  // mL/kg by build; (unverified) defaults (LiverBridge clinical reference
                       // §2.4)
  units::VolumePerMass male_obese = units::ml_per_kg(60), male_thin = units::ml_per_kg(65),
                       male_normal = units::ml_per_kg(70), male_muscular = units::ml_per_kg(75);
  units::VolumePerMass female_obese = units::ml_per_kg(55), female_thin = units::ml_per_kg(60),
                       female_normal = units::ml_per_kg(65), female_muscular = units::ml_per_kg(70);
};

struct BloodVolumeSettings {
  BloodVolumeMethod method = BloodVolumeMethod::nadler;
  /// Nadler applies from this weight; below it the weight-based rule is used
  /// (LiverBridge clinical reference §2.1: 25 kg in the bundled protocols, 35 kg in some
  /// calculators).
  units::Mass nadler_min_weight = units::kilograms(25);
  units::VolumePerMass weight_based_male = units::ml_per_kg(70);
  units::VolumePerMass weight_based_female = units::ml_per_kg(70);
  /// When set and BMI >= this, Lemmens–Bernstein–Brodsky replaces the method.
  std::optional<units::BodyMassIndex> obese_switch_bmi;
  units::VolumePerMass lemmens_reference = units::ml_per_kg(70);  // 70 mL/kg at BMI 22
  units::BodyMassIndex lemmens_reference_bmi = units::kg_per_m2(22);
  GilcherTable gilcher;
};

struct PlasmaVolumeSettings {
  PlasmaVolumeMethod method = PlasmaVolumeMethod::hematocrit;
  units::VolumePerMass kaplan_factor =
      units::ml_per_kg(65);  // 0.065 L/kg, unverified (reference §2.6)
};

struct IbwSettings {
  IbwMethod method = IbwMethod::devine;
  ShortStaturePolicy below_60_inches = ShortStaturePolicy::extrapolate;
};

struct VolumeLimits {
  std::optional<units::Volume> hard_min, hard_max, soft_min, soft_max;
  /// Limits on the exchange expressed in plasma volumes (dimensionless).
  std::optional<units::Fraction> plasma_volumes_soft_max, plasma_volumes_hard_max;
  /// Lower soft limit in plasma volumes (e.g. ASFA "1 to 1.5 TPV": soft_min 1).
  std::optional<units::Fraction> plasma_volumes_soft_min;
};

struct ExchangeSettings {
  ExchangeRule rule = ExchangeRule::plasma_volumes;
  units::Fraction plasma_volumes = units::fraction(1.0);  ///< rule plasma_volumes
  units::Fraction percent_of_ibw = units::percent(15);    ///< rule percent_ibw
  /// Volume per kg of body mass for percent_ibw (Larsen: 1 kg of plasma ≈ 1 L).
  units::VolumePerMass percent_ibw_volume_per_kg = units::liters_per_kg(1.0);
  units::VolumePerMass per_kg = units::ml_per_kg(40);  ///< rule per_kg
  WeightBasis per_kg_weight = WeightBasis::actual;
  units::Volume fixed = units::milliliters(3000);  ///< rule fixed
  /// Rounding of the ordered volume, e.g. to the nearest 10 mL (none when unset).
  std::optional<units::Volume> round_to;
  VolumeLimits limits;
  std::string source;  ///< source id for the rule
};

struct Protocol {
  int schema_version = 1;
  std::string id;
  std::string version;
  std::string title;
  std::string description;
  std::vector<Source> sources;
  std::vector<patient::Diagnosis> indications;
  BloodVolumeSettings blood_volume;
  PlasmaVolumeSettings plasma_volume;
  IbwSettings ideal_body_weight;
  ExchangeSettings exchange;
  std::vector<Caveat> unverified;
  eligibility::Settings eligibility;  ///< indications/contraindications (may be empty)
  scores::ScoreSettings scores;       ///< `scores:` section: choices where sources disagree
  ScheduleSettings schedule;          ///< `schedule:` section (course_settings.hpp)
  KineticsSettings kinetics;          ///< `kinetics:` section (course_settings.hpp)
  /// `replacement:`, `anticoagulation:`, `separation:` (session_settings.hpp); unset when absent.
  SessionSettings session;
};

std::string_view to_string(BloodVolumeMethod m);
std::string_view to_string(PlasmaVolumeMethod m);
std::string_view to_string(IbwMethod m);
std::string_view to_string(ExchangeRule r);
std::string_view to_string(ShortStaturePolicy p);
std::string_view to_string(WeightBasis w);

/// The citation for a source id, or the id itself when unknown.
std::string citation_for(const Protocol& p, const std::string& source_id);

}  // namespace lb::protocol
