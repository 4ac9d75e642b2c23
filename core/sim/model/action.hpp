// What a trainee (or the instructor, or a scheduled event) can do to a running simulation:
// one typed struct per action, gathered in the std::variant `sim::Action`. The scenario and
// action-script readers (core/sim/scenario, core/sim/run) parse into these; the engine
// (engine.hpp) applies them; validate_action (validate_action.hpp) checks them against the
// protocol's limits. The action set follows the design of docs/simulation.md §Actions.
//
// Every value carries its unit. Actions with no physiology (lab orders, ECG, calls for help,
// declared problems) are still applied: the engine records them (they are what the debrief
// scores), and lab orders are answered by the lab queue from the state at the draw.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "sim/model/quantities.hpp"
#include "text/enum_names.hpp"
#include "units/quantities.hpp"

namespace lb::sim {

// ---- the vocabulary of actions ------------------------------------------------------------

/// Calcium products for boluses and infusions (10 % solutions).
enum class CalciumProduct { gluconate_10, chloride_10 };
/// Fluids given to the patient outside the exchange (boluses, maintenance).
enum class Fluid { saline_09, albumin_5, albumin_20, ffp };
/// What fixes a line or circuit problem.
enum class LineFix { check_line, flush_line, swap_lumens, reposition_patient, change_set };
/// Lab panels a trainee can order (point-of-care or central lab; latency decided by the lab queue).
enum class LabKind {
  ionised_calcium,
  total_calcium,
  blood_gas,
  potassium,
  blood_count,  ///< haemoglobin, haematocrit, platelets
  coagulation,  ///< PTA, INR, fibrinogen
  bilirubin,
  ammonia,
};
/// Problems a trainee can declare (recognition markers for scoring; no physiology).
enum class Problem {
  citrate_toxicity,
  hypocalcaemia,
  hypovolaemia,
  vasovagal,
  allergic_reaction,
  access_problem,
  circuit_clotting,
  hypothermia,
  metabolic_alkalosis,
  hypokalaemia,
  other,
};
/// Drugs given as single doses against an event (the event's own rules decide the effect).
enum class Drug { antihistamine, hydrocortisone, adrenaline_im, atropine };

// ---- trainee actions ------------------------------------------------------------------------

/// Inlet (centrifugal) or blood (membrane) pump flow.
struct SetInletFlow {
  units::Flow flow;
};
/// Return pump flow: the inlet is set so that the blood returned runs at this flow.
struct SetReturnFlow {
  units::Flow flow;
};
/// Inlet:AC ratio (inlet volume per volume of ACD-A).
struct SetAcRatio {
  units::VolumeRatio ratio;
};
/// Replacement volume per volume of plasma removed (100 % = isovolaemic).
struct SetFluidBalance {
  units::Fraction balance;
};
/// Share of the replacement given as FFP; the rest is the protocol's albumin solution.
struct SetReplacementMix {
  units::Fraction ffp_share;
};
/// A calcium bolus of `volume` of `product`, run in over `over` (0: push).
struct CalciumBolus {
  CalciumProduct product = CalciumProduct::gluconate_10;
  units::Volume volume;
  units::Duration over;
};
/// A continuous calcium infusion (0 stops it).
struct SetCalciumInfusion {
  CalciumProduct product = CalciumProduct::gluconate_10;
  units::Flow rate;  ///< mL/h of the 10 % solution
};
/// Potassium chloride infusion (0 stops it).
struct SetPotassiumInfusion {
  AmountRate rate;
};
/// A fluid bolus into the patient (outside the circuit's replacement).
struct GiveFluid {
  Fluid fluid = Fluid::saline_09;
  units::Volume volume;
  units::Duration over;
};
/// Norepinephrine infusion (0 stops it).
struct SetNorepinephrine {
  units::DoseRate dose;  ///< µg/kg/min
};
struct GiveDrug {
  Drug drug = Drug::antihistamine;
};
/// Stop all pumps; blood stays in the circuit.
struct Pause {};
/// Restart the pumps at their settings.
struct Resume {};
/// End the session returning the circuit's blood to the patient.
struct RinseBack {};
/// End the session without returning the circuit's blood (clotted set, emergency).
struct EndWithoutRinseBack {};
struct SetBloodWarmer {
  bool on = true;
};
struct FixLine {
  LineFix fix = LineFix::check_line;
};
struct OrderLab {
  LabKind kind = LabKind::ionised_calcium;
};
struct RecordEcg {};
struct CallForHelp {
  std::string whom;  ///< "senior", "anaesthetist"... (free text, shown in the debrief)
};
struct DeclareProblem {
  Problem problem = Problem::other;
};

// ---- what scheduled, random and conditional events do to the patient and circuit ----------

/// Vasovagal episode: heart rate and blood pressure fall for `duration` unless treated.
struct StartVasovagal {
  units::Duration duration;
};
/// Anaphylactoid reaction to FFP, grade 1 (urticaria) to 3 (bronchospasm, hypotension).
struct StartAllergicReaction {
  int grade = 1;
};
/// Access problem: the inlet can deliver only `available` of the set flow until fixed.
struct AccessObstruction {
  units::Fraction available;
};
/// The circuit starts clotting; the clot index rises at `per_hour` until the set is changed.
struct StartCircuitClotting {
  units::Fraction per_hour;
};
/// Bleeding from the patient at `rate` (line disconnection, puncture site).
struct StartBleeding {
  units::Flow rate;
};

using Action =
    std::variant<SetInletFlow, SetReturnFlow, SetAcRatio, SetFluidBalance, SetReplacementMix,
                 CalciumBolus, SetCalciumInfusion, SetPotassiumInfusion, GiveFluid,
                 SetNorepinephrine, GiveDrug, Pause, Resume, RinseBack, EndWithoutRinseBack,
                 SetBloodWarmer, FixLine, OrderLab, RecordEcg, CallForHelp, DeclareProblem,
                 StartVasovagal, StartAllergicReaction, AccessObstruction, StartCircuitClotting,
                 StartBleeding>;

/// The action's word as scripts and timelines spell it ("set_inlet_flow", "ca_bolus"...).
std::string_view action_name(const Action& a);
/// True for the actions only an instructor or an event may take (StartVasovagal...).
bool is_event_effect(const Action& a);

// ---- names of the enums (one table each, for readers and writers) -------------------------

namespace names {
inline constexpr auto kCalciumProduct = text::enum_names<CalciumProduct>({
    {CalciumProduct::gluconate_10, "calcium_gluconate_10"},
    {CalciumProduct::chloride_10, "calcium_chloride_10"},
});
inline constexpr auto kFluid = text::enum_names<Fluid>({
    {Fluid::saline_09, "saline_0_9"},
    {Fluid::albumin_5, "albumin_5"},
    {Fluid::albumin_20, "albumin_20"},
    {Fluid::ffp, "ffp"},
});
inline constexpr auto kLineFix = text::enum_names<LineFix>({
    {LineFix::check_line, "check_line"},
    {LineFix::flush_line, "flush_line"},
    {LineFix::swap_lumens, "swap_lumens"},
    {LineFix::reposition_patient, "reposition_patient"},
    {LineFix::change_set, "change_set"},
});
inline constexpr auto kLabKind = text::enum_names<LabKind>({
    {LabKind::ionised_calcium, "ica"},
    {LabKind::total_calcium, "total_ca"},
    {LabKind::blood_gas, "blood_gas"},
    {LabKind::potassium, "k"},
    {LabKind::blood_count, "blood_count"},
    {LabKind::coagulation, "coagulation"},
    {LabKind::bilirubin, "bilirubin"},
    {LabKind::ammonia, "ammonia"},
});
inline constexpr auto kProblem = text::enum_names<Problem>({
    {Problem::citrate_toxicity, "citrate_toxicity"},
    {Problem::hypocalcaemia, "hypocalcaemia"},
    {Problem::hypovolaemia, "hypovolaemia"},
    {Problem::vasovagal, "vasovagal"},
    {Problem::allergic_reaction, "allergic_reaction"},
    {Problem::access_problem, "access_problem"},
    {Problem::circuit_clotting, "circuit_clotting"},
    {Problem::hypothermia, "hypothermia"},
    {Problem::metabolic_alkalosis, "metabolic_alkalosis"},
    {Problem::hypokalaemia, "hypokalaemia"},
    {Problem::other, "other"},
});
inline constexpr auto kDrug = text::enum_names<Drug>({
    {Drug::antihistamine, "antihistamine"},
    {Drug::hydrocortisone, "hydrocortisone"},
    {Drug::adrenaline_im, "adrenaline_im"},
    {Drug::atropine, "atropine"},
});
static_assert(kCalciumProduct.unique() && kFluid.unique() && kLineFix.unique() &&
              kLabKind.unique() && kProblem.unique() && kDrug.unique());
}  // namespace names

}  // namespace lb::sim
