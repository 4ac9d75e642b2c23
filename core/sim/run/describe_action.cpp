#include "sim/run/describe_action.hpp"

namespace lb::sim::run {

namespace {

struct Describe {
  JsonLine& l;
  void operator()(const SetInletFlow& a) {
    l.number("flow_mL_min", units::in_ml_per_min(a.flow), 1);
  }
  void operator()(const SetReturnFlow& a) {
    l.number("flow_mL_min", units::in_ml_per_min(a.flow), 1);
  }
  void operator()(const SetAcRatio& a) { l.number("ratio", units::in_fraction(a.ratio), 1); }
  void operator()(const SetFluidBalance& a) {
    l.number("balance_pct", units::in_percent(a.balance), 1);
  }
  void operator()(const SetReplacementMix& a) {
    l.number("ffp_share_pct", units::in_percent(a.ffp_share), 1);
  }
  void operator()(const CalciumBolus& a) {
    l.text("product", names::kCalciumProduct.name(a.product))
        .number("volume_mL", units::in_milliliters(a.volume), 1)
        .number("over_min", units::in_minutes(a.over), 1);
  }
  void operator()(const SetCalciumInfusion& a) {
    l.text("product", names::kCalciumProduct.name(a.product))
        .number("rate_mL_h", units::in_ml_per_min(a.rate) * 60.0, 1);
  }
  void operator()(const SetPotassiumInfusion& a) {
    l.number("rate_mmol_h", in_mmol_per_hour(a.rate), 2);
  }
  void operator()(const GiveFluid& a) {
    l.text("fluid", names::kFluid.name(a.fluid))
        .number("volume_mL", units::in_milliliters(a.volume), 1)
        .number("over_min", units::in_minutes(a.over), 1);
  }
  void operator()(const SetNorepinephrine& a) {
    l.number("dose_ug_kg_min", units::in_ug_per_kg_per_min(a.dose), 3);
  }
  void operator()(const GiveDrug& a) { l.text("drug", names::kDrug.name(a.drug)); }
  void operator()(const SetBloodWarmer& a) { l.boolean("on", a.on); }
  void operator()(const FixLine& a) { l.text("fix", names::kLineFix.name(a.fix)); }
  void operator()(const OrderLab& a) { l.text("lab", names::kLabKind.name(a.kind)); }
  void operator()(const CallForHelp& a) { l.text("whom", a.whom); }
  void operator()(const DeclareProblem& a) { l.text("problem", names::kProblem.name(a.problem)); }
  void operator()(const StartVasovagal& a) {
    l.number("duration_min", units::in_minutes(a.duration), 1);
  }
  void operator()(const StartAllergicReaction& a) { l.integer("grade", a.grade); }
  void operator()(const AccessObstruction& a) {
    l.number("available_pct", units::in_percent(a.available), 1);
  }
  void operator()(const StartCircuitClotting& a) {
    l.number("per_hour_pct", units::in_percent(a.per_hour), 1);
  }
  void operator()(const StartBleeding& a) {
    l.number("rate_mL_min", units::in_ml_per_min(a.rate), 1);
  }
  void operator()(const Pause&) {}
  void operator()(const Resume&) {}
  void operator()(const RinseBack&) {}
  void operator()(const EndWithoutRinseBack&) {}
  void operator()(const RecordEcg&) {}
};

}  // namespace

void describe_action(const Action& action, JsonLine& line) { std::visit(Describe{line}, action); }

}  // namespace lb::sim::run
