// Engine::apply: what each action does to the kernel (docs/simulation.md §Actions). Actions
// without physiology (labs, ECG, calls, declarations) change nothing here: the run records
// them and the lab queue answers orders from the state.
#include <algorithm>

#include "sim/model/engine.hpp"
#include "sim/model/overload.hpp"

namespace lb::sim {

namespace {

double l_per_min(units::Flow q) { return units::in_ml_per_min(q) / 1000.0; }
double ml(units::Volume v) { return units::in_milliliters(v); }

}  // namespace

void Engine::apply(const Action& action) {
  const bool connected = k_.mode == kernel::Mode::running || k_.mode == kernel::Mode::paused ||
                         k_.mode == kernel::Mode::rinse_back;
  std::visit(
      Overload{
          [&](const SetInletFlow& a) {
            if (connected) set_device(l_per_min(a.flow), k_.ac_ratio);
          },
          [&](const SetReturnFlow& a) {
            // Every flow of the device is proportional to the inlet at a fixed ratio: scale
            // the inlet so that the return runs at the flow asked for.
            if (!connected || !(k_.q_inlet > 0.0)) return;
            const double ret = k_.q_whole_blood - k_.q_plasma + k_.q_plasma * k_.fluid_balance +
                               k_.q_ac * k_.ac_returned;
            if (ret > 0.0) set_device(k_.q_inlet * l_per_min(a.flow) / ret, k_.ac_ratio);
          },
          [&](const SetAcRatio& a) {
            if (connected && k_.ac_ratio > 0.0) set_device(k_.inlet_set, units::in_parts(a.ratio));
          },
          [&](const SetFluidBalance& a) { k_.fluid_balance = units::in_fraction(a.balance); },
          [&](const SetReplacementMix& a) {
            k_.ffp_last = false;
            k_.ffp_share = std::clamp(units::in_fraction(a.ffp_share), 0.0, 1.0);
          },
          [&](const CalciumBolus& a) {
            const double dose =
                ml(a.volume) * kernel::calcium_per_ml(static_cast<int>(a.product), p_);
            const double left = k_.ca_bolus * k_.ca_bolus_left_s / 60.0;  // mmol still to run
            const double over_s = std::max(kSessionStepSeconds, units::in_seconds(a.over));
            k_.ca_bolus = (dose + left) / (over_s / 60.0);
            k_.ca_bolus_left_s = over_s;
          },
          [&](const SetCalciumInfusion& a) {
            k_.ca_infusion = l_per_min(a.rate) * 1000.0 *
                             kernel::calcium_per_ml(static_cast<int>(a.product), p_);
          },
          [&](const SetPotassiumInfusion& a) { k_.kcl = in_mmol_per_min(a.rate); },
          [&](const GiveFluid& a) {
            // Each fluid has its own running bolus; a second bolus of the same fluid carries
            // the first one's volume still to run (as a calcium bolus does): none is lost.
            const auto i = static_cast<std::size_t>(a.fluid);
            const double left = k_.fluid_rate[i] * k_.fluid_left_s[i] / 60.0;  // L still to run
            const double over_s = std::max(kSessionStepSeconds, units::in_seconds(a.over));
            k_.fluid_rate[i] = (units::in_liters(a.volume) + left) / (over_s / 60.0);
            k_.fluid_left_s[i] = over_s;
            k_.vasovagal_left_s = 0.0;  // a fluid bolus reverses a vasovagal episode
          },
          [&](const SetNorepinephrine& a) {
            k_.norepinephrine = units::in_ug_per_kg_per_min(a.dose);
          },
          [&](const GiveDrug& a) {
            switch (a.drug) {
              case Drug::antihistamine: k_.allergy_grade = std::max(0, k_.allergy_grade - 1); break;
              case Drug::adrenaline_im: k_.allergy_grade = 0; break;
              case Drug::atropine: k_.vasovagal_left_s = 0.0; break;
              case Drug::hydrocortisone: break;  // acts over hours: no effect within a session
            }
          },
          [&](const Pause&) {
            if (k_.mode == kernel::Mode::running) k_.mode = kernel::Mode::paused;
          },
          [&](const Resume&) {
            if (k_.mode == kernel::Mode::paused && k_.clot_index < 1.0) {
              k_.mode = kernel::Mode::running;
            }
          },
          [&](const RinseBack&) {
            if (k_.mode != kernel::Mode::running && k_.mode != kernel::Mode::paused) return;
            const SessionSetup& s = sessions_[static_cast<std::size_t>(k_.session)];
            const double q = k_.q_inlet > 0.0 ? k_.q_inlet : l_per_min(s.flows.inlet);
            k_.mode = kernel::Mode::rinse_back;
            k_.rinse_left_s = k_.in_circuit / q * 60.0;
          },
          [&](const EndWithoutRinseBack&) {
            if (!connected) return;
            k_.in_circuit = 0.0;  // the circuit's blood is discarded: the deficit stays
            k_.mode = kernel::Mode::ended;
            end_calcium_infusion();
          },
          [&](const SetBloodWarmer& a) { k_.warmer = a.on; },
          [&](const FixLine& a) {
            if (a.fix != LineFix::change_set) {
              k_.access_available = 1.0;
              return;
            }
            if (!connected) return;
            // A new set: the old set's blood is discarded, the new one fills with blood.
            const double ecv = constants().ecv;
            k_.in_circuit = ecv;
            k_.deficit += ecv;
            k_.volume_ledger.in += ecv;
            k_.red_cells -= ecv * k_.hematocrit;
            k_.clot_index = k_.clot_per_h = 0.0;
            k_.mode = kernel::Mode::paused;
          },
          [&](const OrderLab&) {},
          [&](const RecordEcg&) {},
          [&](const CallForHelp&) {},
          [&](const DeclareProblem&) {},
          [&](const StartVasovagal& a) { k_.vasovagal_left_s = units::in_seconds(a.duration); },
          [&](const StartAllergicReaction& a) { k_.allergy_grade = std::clamp(a.grade, 1, 3); },
          [&](const AccessObstruction& a) {
            k_.access_available = std::clamp(units::in_fraction(a.available), 0.0, 1.0);
          },
          [&](const StartCircuitClotting& a) { k_.clot_per_h = units::in_fraction(a.per_hour); },
          [&](const StartBleeding& a) { k_.bleeding = l_per_min(a.rate); },
      },
      action);
}

}  // namespace lb::sim
