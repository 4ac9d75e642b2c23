#include "sim/model/action.hpp"

#include "sim/model/overload.hpp"

namespace lb::sim {

namespace {}  // namespace

std::string_view action_name(const Action& a) {
  return std::visit(Overload{
                        [](const SetInletFlow&) { return "set_inlet_flow"; },
                        [](const SetReturnFlow&) { return "set_return_flow"; },
                        [](const SetAcRatio&) { return "set_ac_ratio"; },
                        [](const SetFluidBalance&) { return "set_fluid_balance"; },
                        [](const SetReplacementMix&) { return "set_replacement_mix"; },
                        [](const CalciumBolus&) { return "ca_bolus"; },
                        [](const SetCalciumInfusion&) { return "set_ca_infusion"; },
                        [](const SetPotassiumInfusion&) { return "set_kcl_infusion"; },
                        [](const GiveFluid&) { return "give_fluid"; },
                        [](const SetNorepinephrine&) { return "set_norepinephrine"; },
                        [](const GiveDrug&) { return "give_drug"; },
                        [](const Pause&) { return "pause"; },
                        [](const Resume&) { return "resume"; },
                        [](const RinseBack&) { return "rinse_back"; },
                        [](const EndWithoutRinseBack&) { return "end_without_rinse_back"; },
                        [](const SetBloodWarmer&) { return "set_blood_warmer"; },
                        [](const FixLine&) { return "fix_line"; },
                        [](const OrderLab&) { return "order_lab"; },
                        [](const RecordEcg&) { return "ecg_12_lead"; },
                        [](const CallForHelp&) { return "call_for_help"; },
                        [](const DeclareProblem&) { return "declare"; },
                        [](const StartVasovagal&) { return "vasovagal"; },
                        [](const StartAllergicReaction&) { return "allergic_reaction"; },
                        [](const AccessObstruction&) { return "access_obstruction"; },
                        [](const StartCircuitClotting&) { return "circuit_clotting"; },
                        [](const StartBleeding&) { return "bleeding"; },
                    },
                    a);
}

bool is_event_effect(const Action& a) {
  return std::holds_alternative<StartVasovagal>(a) ||
         std::holds_alternative<StartAllergicReaction>(a) ||
         std::holds_alternative<AccessObstruction>(a) ||
         std::holds_alternative<StartCircuitClotting>(a) ||
         std::holds_alternative<StartBleeding>(a);
}

}  // namespace lb::sim
